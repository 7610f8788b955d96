import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DataInfraProcessor } from './processor/DataInfraProcessor';

/**
 * The catalog module: validates the Subteam, DataService and Rotation kinds
 * and emits their relations. It leaves the catalog's YAML parsing alone (the
 * tolerant parser is the separate, opt-in
 * `@data-infra/backstage-plugin-catalog-backend-module-data-infra-yaml`).
 *
 * @public
 */
export const catalogModuleDataInfra = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-infra',
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
