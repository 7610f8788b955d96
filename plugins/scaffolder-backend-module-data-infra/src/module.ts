import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createPublishLocalAction,
  createRenderCatalogInfoAction,
} from './actions';

/**
 * Adds the data-infra actions to the scaffolder:
 * `data-infra:catalog-info:render` and `data-infra:publish:local`.
 * @public
 */
export const scaffolderModuleDataInfra = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'data-infra',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolderActions, config, catalog }) {
        scaffolderActions.addActions(
          createRenderCatalogInfoAction(),
          createPublishLocalAction({ config, catalog }),
        );
      },
    });
  },
});
