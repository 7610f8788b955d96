import type {
  MapDependenciesResponse,
  MapSubteam,
  OwnershipMapResponse,
} from '@data-infra/backstage-plugin-data-infra-common';
import { MAP_SUBTEAMS_MAX_LIMIT } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, useDataInfraPages, type DataInfraAnswer, type DataInfraPages } from '../../hooks';
import { type MapFilter, type MapService, servicesQueryOf } from './filterMap';

/** Tiles asked for at a time: a few screens of a domain's column. */
export const TILE_PAGE_SIZE = 100;

/** GET /map: the map's summary. */
export function useOwnershipMap(): DataInfraAnswer<OwnershipMapResponse> {
  return useDataInfraAnswer(api => api.getMap(), []);
}

/** One domain's service tiles under a filter, paged as the column is scrolled. */
export function useDomainServices(domain: string, filter: MapFilter): DataInfraPages<MapService> {
  return useDataInfraPages(
    (api, page) => api.getServices({ ...servicesQueryOf(domain, filter), ...page }),
    TILE_PAGE_SIZE,
    [domain, filter.text.trim(), filter.tier, filter.lifecycle],
  );
}

/** One domain's subteams beyond the summary's first few, a page per "show more". */
export function useMapSubteams(domain: string): DataInfraPages<MapSubteam> {
  return useDataInfraPages(
    (api, page) => api.getMapSubteams({ domain, ...page }),
    MAP_SUBTEAMS_MAX_LIMIT,
    [domain],
  );
}

/** A selected service's cross-domain dependencies; nothing asked without a selection. */
export function useMapDependencies(entityRef: string | undefined): DataInfraAnswer<MapDependenciesResponse | undefined> {
  return useDataInfraAnswer(
    api => (entityRef ? api.getMapDependencies(entityRef) : Promise.resolve(undefined)),
    [entityRef],
  );
}
