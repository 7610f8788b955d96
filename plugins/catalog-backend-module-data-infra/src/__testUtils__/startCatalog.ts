import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataInfra from '../index';

/** A processing error as the catalog reports it, flattened to text. */
export interface ReportedError {
  entityRef: string;
  message: string;
}

/**
 * Starts the real catalog backend with our module over a file location, and
 * records every processing error the catalog reports.
 */
export async function startCatalog(
  location: string | string[],
  extraConfig: object = {},
  rules: object[] = [{ allow: ['Component', 'API', 'Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation', 'Template'] }],
) {
  const errors: ReportedError[] = [];
  const errorRecorder = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-recorder',
    register({ registerInit }) {
      registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(({ unprocessedEntity, errors: es }) => {
            const ref = `${unprocessedEntity.kind}:${unprocessedEntity.metadata.namespace ?? 'default'}/${unprocessedEntity.metadata.name}`;
            for (const e of es) {
              const cause = (e as { cause?: Error }).cause;
              errors.push({ entityRef: ref.toLocaleLowerCase('en-US'), message: e.message.includes('caused by') || !cause ? e.message : `${e.message}; ${cause.message}` });
            }
          });
        },
      });
    },
  });

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataInfra,
      errorRecorder,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules,
            locations: [location].flat().map(target => ({ type: 'file', target })),
            processingInterval: { seconds: 1 },
          },
          ...extraConfig,
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api/catalog`;

  async function query(filter: string): Promise<Entity[]> {
    const items: Entity[] = [];
    let cursor: string | undefined;
    do {
      const url = cursor
        ? `${baseUrl}/entities/by-query?cursor=${encodeURIComponent(cursor)}`
        : `${baseUrl}/entities/by-query?limit=500&${filter}`;
      const res = await fetch(url, { headers: { Authorization: mockCredentials.user.header() } });
      if (!res.ok) throw new Error(`catalog answered ${res.status}: ${await res.text()}`);
      const body = await res.json();
      items.push(...body.items);
      cursor = body.pageInfo?.nextCursor;
    } while (cursor);
    return items;
  }

  /** Polls until `done` holds for the entities the filter returns. */
  async function waitFor(filter: string, done: (entities: Entity[]) => boolean, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entities = await query(filter);
      if (done(entities)) return entities;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${filter}; have ${entities.map(e => e.metadata.name).join(', ')}; errors: ${JSON.stringify(errors)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  return { backend, errors, query, waitFor };
}
