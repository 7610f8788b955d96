import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  createAddOverrideAction,
  createPublishLocalAction,
  createPublishRotationLocalAction,
  createRenderCatalogInfoAction,
  createScmHostAction,
} from './actions';

/**
 * Adds the data-infra actions to the scaffolder:
 * `data-infra:catalog-info:render`, `data-infra:publish:local`,
 * `data-infra:scm:host`, `data-infra:rotation:add-override` and
 * `data-infra:rotation:publish-local`.
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
        urlReader: coreServices.urlReader,
      },
      async init({ scaffolderActions, config, catalog, urlReader }) {
        scaffolderActions.addActions(
          createRenderCatalogInfoAction(),
          createPublishLocalAction({ config, catalog }),
          createScmHostAction({ config }),
          createAddOverrideAction({ config, catalog, urlReader }),
          createPublishRotationLocalAction({ config, catalog, urlReader }),
        );
      },
    });
  },
});
