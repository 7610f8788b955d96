/*
 * The standard Backstage backend (new backend system), as
 * @backstage/create-app generates it, with the data-infra plugins added.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));

// auth plugin: guest for development (refused by Backstage elsewhere),
// GitLab for production (app-config.production.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-gitlab-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search plugin: Lunr in memory by default, PostgreSQL when the database is pg
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// The data-infra plugins
backend.add(import('@data-infra/backstage-plugin-catalog-backend-module-data-infra'));
// Optional: the tolerant YAML parser (it takes the catalog's one entity-data parser slot).
backend.add(import('@data-infra/backstage-plugin-catalog-backend-module-data-infra-yaml'));
backend.add(import('@data-infra/backstage-plugin-data-infra-backend'));
backend.add(import('@data-infra/backstage-plugin-search-backend-module-data-infra'));
backend.add(import('@data-infra/backstage-plugin-scaffolder-backend-module-data-infra'));
backend.add(import('@data-infra/backstage-plugin-auth-backend-module-data-infra-ownership'));

backend.start();
