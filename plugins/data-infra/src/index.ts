/**
 * The data-infra frontend plugin for the legacy frontend system. The new
 * frontend system's plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  dataInfraPlugin,
  DataInfraPage,
  EntityDataInfraChecksCard,
  EntityDataServiceOwnershipCard,
  EntityDataServiceSlaCard,
  EntityEscalationPathCard,
  EntityRotationCard,
  EntitySubteamOverviewCard,
} from './plugin';
export { DataInfraClient, dataInfraApiRef } from './api';
export type { DataInfraApi, ServicesQuery } from './api';
export { onCallRouteRef, rootRouteRef, servicesRouteRef } from './routes';
export {
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
} from './entityPredicates';
