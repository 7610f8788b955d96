import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DataInfraProcessor } from './processor/DataInfraProcessor';

export const catalogModuleDataInfra = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-infra-processor',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(DataInfraProcessor.fromConfig(config));
      },
    });
  },
});
