/**
 * The data-infra module for `@backstage/plugin-scaffolder-backend`: the
 * actions behind the "Register a data service" and "Request on-call cover"
 * templates, which ship in this package's `templates/` folder.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataInfra as default } from './module';
export * from './actions';
