import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { dataInfraEntityTransformer } from './transformer';

/**
 * Makes the catalog collator index the data-infra kinds (Subteam, DataService,
 * Rotation) with the fields people search by. Needs the catalog collator
 * module (`@backstage/plugin-search-backend-module-catalog`) in the backend.
 *
 * @public
 */
export const searchModuleDataInfra = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-infra',
  register({ registerInit }) {
    registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(dataInfraEntityTransformer);
      },
    });
  },
});
