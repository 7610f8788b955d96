/***/
/**
 * The data-infra-processor module for @backstage/plugin-catalog-backend
 *
 * @packageDocumentation
 */

export { catalogModuleDataInfra as default } from './module';
