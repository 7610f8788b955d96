import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleDataInfra from '@data-infra/backstage-plugin-catalog-backend-module-data-infra';
import { dataInfraPlugin } from '../plugin';

/** The repository's seeded catalog. */
export const CATALOG_DIR = path.resolve(__dirname, '../../../../catalog-info');

/** Names of the documents of one kind in a catalog-info file, in file order. */
export function declaredNames(file: string, kind: string): string[] {
  const text = fs.readFileSync(path.join(CATALOG_DIR, file), 'utf8');
  return text
    .split(/^---$/m)
    .filter(doc => new RegExp(`^kind:\\s*${kind}\\s*$`, 'm').test(doc))
    .map(doc => /^\s{2}name:\s*(\S+)/m.exec(doc)![1]);
}

/** Every DataService, Subteam and Rotation declared in catalog-info/. */
export function declaredDataInfraRefs(): string[] {
  const refs: string[] = [];
  for (const dir of ['subteams', 'rotations', 'services']) {
    for (const file of fs.readdirSync(path.join(CATALOG_DIR, dir))) {
      for (const kind of ['Subteam', 'Rotation', 'DataService']) {
        refs.push(...declaredNames(`${dir}/${file}`, kind).map(n => `${kind.toLowerCase()}:default/${n}`));
      }
    }
  }
  return refs.sort();
}

const OBO_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The mock auth of backend-test-utils turns a plugin's on-behalf-of token
 * back into plain user credentials, without the acting plugin. The real
 * permission backend refuses conditional requests from such "direct" users,
 * so the catalog could not ask it for the read conditions. This wrapper puts
 * the actor back, as the real auth service does.
 */
const httpAuthWithActor = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    // A request without an Authorization header has no credentials (as
    // from a calendar client), not the mock's default user.
    const inner = mockServices.httpAuth({ pluginId: plugin.getId(), defaultCredentials: mockCredentials.none() });
    const service: HttpAuthService = {
      async credentials(req, options) {
        const credentials = await inner.credentials(req, options);
        const principal = credentials.principal as { type?: string; userEntityRef?: string };
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (principal.type === 'user' && principal.userEntityRef && token?.startsWith(OBO_TOKEN_PREFIX)) {
          return mockCredentials.user(principal.userEntityRef, {
            actor: { subject: 'plugin' },
          }) as unknown as typeof credentials;
        }
        return credentials;
      },
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
    };
    return service;
  },
});

/**
 * The real catalog backend with the data-infra processor module, the real
 * permission backend with `policy`, and this plugin, over catalog-info/.
 * Resolves once every data-infra entity is stitched (has its relations)
 * and the plugin's state has them all.
 */
export async function startRealBackend(policy: PermissionPolicy) {
  const policyModule = createBackendModule({
    pluginId: 'permission',
    moduleId: 'test-policy',
    register({ registerInit }) {
      registerInit({
        deps: { policies: policyExtensionPoint },
        async init({ policies }) {
          policies.setPolicy(policy);
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      // Static imports: Jest runs without ESM support for dynamic import().
      catalogPlugin,
      catalogModuleDataInfra,
      permissionPlugin,
      policyModule,
      httpAuthWithActor,
      dataInfraPlugin,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          // The plugin's state follows the catalog within a second, as the
          // catalog follows catalog-info/ (processingInterval).
          dataInfra: { cache: { refresh: 1 } },
          catalog: {
            rules: [{ allow: ['Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation'] }],
            locations: [{ type: 'file', target: path.join(CATALOG_DIR, 'all.yaml') }],
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });
  const expected = declaredDataInfraRefs();
  const deadline = Date.now() + 90_000;
  for (;;) {
    // The service principal reads past the policy: wait for everything.
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?limit=500&filter=kind=subteam,kind=dataservice,kind=rotation&fields=kind,metadata.name,relations')
      .set('Authorization', mockCredentials.service.header());
    const items: Entity[] = res.body.items ?? [];
    if (items.length === expected.length && items.every(e => e.relations?.length)) break;
    if (Date.now() > deadline) {
      throw new Error(`catalog not stitched: ${items.length}/${expected.length}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  // The plugin loaded its state as it started (dataInfra.cache.warm),
  // perhaps before the catalog had read catalog-info/: wait for a refresh
  // that has everything.
  const count = (kind: string) => expected.filter(r => r.startsWith(`${kind}:`)).length;
  for (;;) {
    const res = await request(backend.server)
      .get(`/api/data-infra/map?at=${new Date().toISOString()}`)
      .set('Authorization', mockCredentials.service.header());
    const totals = res.body.totals;
    if (totals?.services === count('dataservice') && totals.subteams === count('subteam') && totals.rotations === count('rotation')) break;
    if (Date.now() > deadline) {
      throw new Error(`the data-infra state lacks the catalog: ${JSON.stringify(totals)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  return backend;
}
