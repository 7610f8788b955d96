/**
 * A search backend module that makes the catalog collator index the
 * data-infra kinds (DataService, Subteam, Rotation) with the fields people
 * search by.
 *
 * @packageDocumentation
 */
export { searchModuleDataInfra as default } from './module';
export {
  createDataInfraEntityTransformer,
  dataInfraEntityTransformer,
} from './transformer';
export type {
  DataInfraEntityDocument,
  DataInfraEntityTransformerOptions,
} from './transformer';
export type { OwnerDomainLookup } from './subteamDomains';
