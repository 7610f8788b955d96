import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { catalogEntityCounter, catalogSubteamLoader, OwnerDomainDecoratorFactory } from './ownerDomains';
import { dataInfraEntityTransformer } from './transformer';

/**
 * Makes the catalog collator index the data-infra kinds (Subteam, DataService,
 * Rotation) with the fields people search by, and gives every catalog
 * document a `domain` (a DataService's or Rotation's is its owner Subteam's,
 * resolved at collation time by a search decorator).
 * Needs the catalog collator module
 * (`@backstage/plugin-search-backend-module-catalog`) in the backend.
 *
 * @public
 */
export const searchModuleDataInfra = createBackendModule({
  pluginId: 'search',
  moduleId: 'data-infra',
  register({ registerInit }) {
    registerInit({
      deps: {
        collator: catalogCollatorExtensionPoint,
        indexRegistry: searchIndexRegistryExtensionPoint,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        logger: coreServices.logger,
      },
      async init({ collator, indexRegistry, auth, catalog, logger }) {
        // The fields of each entity: synchronous, from the entity alone.
        collator.setEntityTransformer(dataInfraEntityTransformer);
        // The owner's domain, which needs another entity: looked up in the
        // catalog during each collation (see OwnerDomainDecoratorFactory).
        indexRegistry.addDecorator({
          factory: new OwnerDomainDecoratorFactory({
            loadSubteams: catalogSubteamLoader({ auth, catalog }),
            countEntities: catalogEntityCounter({ auth, catalog }),
            logger,
          }),
        });
      },
    });
  },
});
