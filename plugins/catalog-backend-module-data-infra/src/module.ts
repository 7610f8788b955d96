import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { DataInfraProcessor } from './processor/DataInfraProcessor';
import { tolerantYamlParser } from './processor/tolerantYamlParser';

/**
 * The catalog module: validates the Subteam, DataService and Rotation kinds,
 * emits their relations, and installs the tolerant YAML parser.
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
        model: catalogModelExtensionPoint,
      },
      async init({ catalog, model, config }) {
        catalog.addProcessor(DataInfraProcessor.fromConfig(config));
        model.setEntityDataParser(tolerantYamlParser);
      },
    });
  },
});
