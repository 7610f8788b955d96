/**
 * The data-infra frontend plugin for the legacy frontend system. The new
 * frontend system's plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  dataInfraPlugin,
  DataInfraPage,
  DataInfraSearchResultListItem,
  EntityDataInfraChecksCard,
  EntityDataServiceOwnershipCard,
  EntityDataServiceSlaCard,
  EntityEscalationPathCard,
  EntityRotationCard,
  EntitySubteamOverviewCard,
  EntityPersonOnCallCard,
} from './plugin';
export { DataInfraClient, dataInfraApiRef } from './api';
export { dataInfraTranslationRef } from './translation';
export type { DataInfraApi, ServicesQuery } from './api';
export { isDataInfraSearchResult } from './components/DataInfraSearchResultListItem/predicate';
export { DataInfraDomainSearchFilter } from './components/DataInfraDomainSearchFilter';
export type { DataInfraDomainSearchFilterProps } from './components/DataInfraDomainSearchFilter';
export type {
  DataInfraSearchDocument,
  DataInfraSearchResultListItemProps,
} from './components/DataInfraSearchResultListItem';
export { myOnCallRouteRef, onCallRouteRef, rootRouteRef, rotationPlanRouteRef, servicesRouteRef } from './routes';
export {
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
} from './entityPredicates';
