/**
 * A search backend module that makes the catalog collator index the
 * data-infra kinds (DataService, Subteam, Rotation) with the fields people
 * search by.
 *
 * @packageDocumentation
 */
export { searchModuleDataInfra as default } from './module';
export { dataInfraEntityTransformer } from './transformer';
export type { DataInfraEntityDocument } from './transformer';
