/**
 * A catalog backend module that replaces the catalog's YAML parsing with a
 * tolerant one: a broken document no longer keeps the valid documents of its
 * file out of the catalog.
 *
 * @packageDocumentation
 */
export { catalogModuleDataInfraYaml as default } from './module';
