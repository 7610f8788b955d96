/***/
/**
 * The data-infra-collator module for @backstage/plugin-search-backend
 *
 * @packageDocumentation
 */

export { searchModuleDataInfra as default } from './module';
