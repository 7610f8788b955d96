import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogCollatorExtensionPoint } from '@backstage/plugin-search-backend-module-catalog';
import { catalogSubteamLoader, SubteamDomains } from './subteamDomains';
import { createDataInfraEntityTransformer } from './transformer';
import { CatalogReindexer } from './CatalogReindexer';

/**
 * Makes the catalog collator index the data-infra kinds (Subteam, DataService,
 * Rotation) with the fields people search by, and gives every catalog
 * document a `domain` (a DataService's or Rotation's is its owner Subteam's).
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
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ collator, auth, catalog, logger, scheduler }) {
        const reindex = new CatalogReindexer(scheduler, logger);
        const subteams = new SubteamDomains({
          loadSubteams: catalogSubteamLoader({ auth, catalog }),
          logger,
          // On a fresh instance the first collation runs while the catalog
          // is still ingesting: services indexed before their Subteam was
          // known have no domain. Rebuild the index once it is known rather
          // than wait for the next scheduled run (10 minutes by default).
          onMissesResolved: () => reindex.soon(),
        });
        collator.setEntityTransformer(
          createDataInfraEntityTransformer({ ownerDomain: subteams.lookup }),
        );
        // Local: every replica transforms with its own map. Subteams are few
        // and only four fields are read, so every 10 seconds is cheap (and a
        // fresh instance's index gets its domains soon after the catalog
        // has its Subteams).
        await scheduler.scheduleTask({
          id: 'data-infra-search-subteam-domains',
          scope: 'local',
          frequency: { seconds: 10 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 1 },
          fn: async () => {
            try {
              await subteams.refresh();
            } catch (error) {
              // Kept: the previous map; retried on the next run or miss.
              logger.warn(`Could not load the Subteams for search documents' domains: ${error}`);
            }
          },
        });
      },
    });
  },
});
