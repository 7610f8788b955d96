import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  normaliseDomains,
  type DomainInfo,
} from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo } from 'react';

/** The configured domains (`dataInfra.domains`), or the seed's four. */
export function useDomains(): DomainInfo[] {
  const configApi = useApi(configApiRef);
  const raw = configApi.getOptional('dataInfra.domains');
  // The raw config object is stable for the app's life; key on its JSON.
  const key = JSON.stringify(raw ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => normaliseDomains(raw), [key]);
}

/** The title of a domain id, or the id itself when it is not configured. */
export function domainTitle(domains: DomainInfo[], id: string | undefined): string {
  if (!id) return '—';
  return domains.find(d => d.id === id)?.title ?? id;
}
