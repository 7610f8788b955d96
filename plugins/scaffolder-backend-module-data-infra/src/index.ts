/**
 * The data-infra module for `@backstage/plugin-scaffolder-backend`: the
 * actions behind the "Register a data service" template, which ships in
 * this package's `templates/` folder.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataInfra as default } from './module';
export * from './actions';
