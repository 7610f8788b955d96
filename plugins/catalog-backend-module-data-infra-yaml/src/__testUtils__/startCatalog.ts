import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleDataInfra from '@data-infra/backstage-plugin-catalog-backend-module-data-infra';

/**
 * Starts the real catalog backend, with the data-infra kinds module and the
 * given extra features, over one file location, and records every
 * processing error the catalog reports (message and cause, as text).
 */
export async function startCatalog(file: string, features: Parameters<typeof startTestBackend>[0]['features'] = []) {
  const errors: string[] = [];
  const errorRecorder = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-recorder',
    register({ registerInit }) {
      registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.setOnProcessingErrorHandler(({ errors: es }) => {
            for (const e of es) {
              const cause = (e as { cause?: Error }).cause;
              errors.push(cause ? `${e.message}; ${cause.message}` : e.message);
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
      ...(features ?? []),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Location', 'User', 'Subteam', 'DataService', 'Rotation'] }],
            locations: [{ type: 'file', target: file }],
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });

  async function query(filter: string): Promise<Entity[]> {
    const res = await fetch(`http://localhost:${backend.server.port()}/api/catalog/entities/by-query?limit=500&${filter}`, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    if (!res.ok) throw new Error(`catalog answered ${res.status}: ${await res.text()}`);
    return (await res.json()).items;
  }

  /** Polls until `done` holds, for the entities or for the errors. */
  async function until(what: string, done: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; errors: ${JSON.stringify(errors)}`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  return { backend, errors, query, until };
}
