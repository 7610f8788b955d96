/**
 * The data-infra module for @backstage/plugin-scaffolder-backend: the
 * actions behind the "Register a data service" template.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDataInfra as default } from './module';
export * from './actions';
