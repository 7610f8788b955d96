import type { OwnershipMapResponse, ServiceSummary } from '@data-infra/backstage-plugin-data-infra-common';
import type { ServicesQuery } from '../../api';

export type MapDomain = OwnershipMapResponse['domains'][number];
/** A service tile: a row of GET /services. */
export type MapService = ServiceSummary;

/** What the viewer narrowed the map to; empty fields match everything. */
export interface MapFilter {
  text: string;
  tier: string;
  lifecycle: string;
}

export const EMPTY_FILTER: MapFilter = { text: '', tier: '', lifecycle: '' };

/**
 * The GET /services query of one domain's tiles under a filter: the server
 * filters (the text as `q`: name, title, description, technology, type,
 * tags), so the map never holds more than the pages scrolled to.
 */
export function servicesQueryOf(domain: string, filter: MapFilter): ServicesQuery {
  const text = filter.text.trim();
  return {
    domain,
    sort: 'title',
    ...(text ? { q: text } : {}),
    ...(filter.tier ? { tier: Number(filter.tier) } : {}),
    ...(filter.lifecycle ? { lifecycle: filter.lifecycle } : {}),
  };
}
