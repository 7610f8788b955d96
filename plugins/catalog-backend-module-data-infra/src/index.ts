/**
 * A catalog backend module that adds the data-infra kinds (Subteam,
 * DataService, Rotation): validation at ingestion and their relations.
 *
 * @packageDocumentation
 */
export { catalogModuleDataInfra as default } from './module';
export { DataInfraProcessor } from './processor/DataInfraProcessor';
