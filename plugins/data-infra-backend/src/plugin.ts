import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readDataInfraConfig } from './config';
import { createRouter } from './router';
import { DataInfraService } from './service/DataInfraService';

/**
 * The data-infra backend plugin: on-call, escalation paths, the service
 * catalog and the ownership map under /api/data-infra.
 *
 * @public
 */
export const dataInfraPlugin = createBackendPlugin({
  pluginId: 'data-infra',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        logger: coreServices.logger,
        rootConfig: coreServices.rootConfig,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, auth, permissions, logger, rootConfig, cache, catalog }) {
        const config = readDataInfraConfig(rootConfig);
        const service = new DataInfraService({ catalog, cache, logger, auth, permissions, config });
        httpRouter.use(await createRouter({ httpAuth, service, config }));
      },
    });
  },
});
