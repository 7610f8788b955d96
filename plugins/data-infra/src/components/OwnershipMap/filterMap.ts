import type { OwnershipMapResponse } from '@data-infra/backstage-plugin-data-infra-common';

export type MapDomain = OwnershipMapResponse['domains'][number];
export type MapService = MapDomain['services'][number];
export type MapEdge = OwnershipMapResponse['crossDomainEdges'][number];

/** What the viewer narrowed the map to; empty fields match everything. */
export interface MapFilter {
  text: string;
  tier: string;
  lifecycle: string;
}

export const EMPTY_FILTER: MapFilter = { text: '', tier: '', lifecycle: '' };

/** Services that match the filter, in their original order. */
export function filterServices(
  services: MapService[],
  filter: MapFilter,
): MapService[] {
  const text = filter.text.trim().toLocaleLowerCase('en-US');
  return services.filter(service => {
    if (filter.tier && String(service.tier ?? '') !== filter.tier) return false;
    if (filter.lifecycle && service.lifecycle !== filter.lifecycle) return false;
    if (!text) return true;
    return [service.title, service.ref, service.type]
      .filter(Boolean)
      .some(field => field.toLocaleLowerCase('en-US').includes(text));
  });
}

/** The distinct lifecycles and tiers present, for the filter menus. */
export function filterOptions(domains: MapDomain[]): {
  tiers: string[];
  lifecycles: string[];
} {
  const tiers = new Set<string>();
  const lifecycles = new Set<string>();
  for (const domain of domains) {
    for (const service of domain.services) {
      if (service.tier !== undefined) tiers.add(String(service.tier));
      if (service.lifecycle) lifecycles.add(service.lifecycle);
    }
  }
  return { tiers: [...tiers].sort(), lifecycles: [...lifecycles].sort() };
}

/** The cross-domain dependencies of one service, both directions. */
export function edgesOf(
  ref: string,
  edges: MapEdge[],
): { dependsOn: MapEdge[]; usedBy: MapEdge[] } {
  return {
    dependsOn: edges.filter(edge => edge.from === ref),
    usedBy: edges.filter(edge => edge.to === ref),
  };
}
