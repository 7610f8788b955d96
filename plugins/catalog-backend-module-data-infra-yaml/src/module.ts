import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { ParseErrorProcessor } from './ParseErrorProcessor';
import { tolerantYamlParser } from './tolerantYamlParser';

/**
 * The tolerant YAML parser, for every catalog file of every kind: it
 * replaces the catalog's entity-data parser (one per backend: the catalog
 * refuses to start with a second one, "Only one can be set"), and adds the
 * processor that reports a file's broken documents.
 *
 * @public
 */
export const catalogModuleDataInfraYaml = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'data-infra-yaml',
  register({ registerInit }) {
    registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ catalog, model }) {
        model.setEntityDataParser(tolerantYamlParser);
        catalog.addProcessor(new ParseErrorProcessor());
      },
    });
  },
});
