/*
 * The real scaffolder and catalog backends with our catalog module, this
 * module and the GitHub and GitLab scaffolder modules, as the registration
 * and cover-request tests run them.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderModuleGitlab from '@backstage/plugin-scaffolder-backend-module-gitlab';
import catalogModuleDataInfra from '@data-infra/backstage-plugin-catalog-backend-module-data-infra';
import scaffolderModuleDataInfra from '../index';

/** A started backend and the base URL of its APIs (`…/api`). */
export type ScaffolderBackend = Awaited<ReturnType<typeof startTestBackend>> & { baseUrl: string };

/**
 * Starts the backend with `config` (catalog, dataInfra, backend.reading …)
 * plus GitHub and GitLab integrations with tokens, so the publish actions
 * get as far as their dry run; no test talks to GitHub or GitLab.
 * `features` are added (e.g. a mock URL reader).
 */
export async function startScaffolderBackend(options: {
  config: Record<string, unknown>;
  features?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<ScaffolderBackend> {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleDataInfra,
      scaffolderPlugin,
      scaffolderModuleGithub,
      scaffolderModuleGitlab,
      scaffolderModuleDataInfra,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host: 'github.com', token: 'not-a-real-token' }],
            gitlab: [
              {
                host: 'gitlab.example.com',
                token: 'not-a-real-token',
                apiBaseUrl: 'https://gitlab.example.com/api/v4',
              },
            ],
          },
          ...options.config,
        },
      }),
    ],
  });
  return Object.assign(backend, { baseUrl: `http://localhost:${backend.server.port()}/api` });
}
