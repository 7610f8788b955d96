import { useApi } from '@backstage/core-plugin-api';
import type { ServiceSummary, ServicesResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useMemo } from 'react';
import { dataInfraApiRef, type ServicesQuery } from '../../api';

/** Asks GET /services for pages, when the table or the export wants one. */
export type ServicesLoader = {
  /** One page, as the table asks for it. */
  getPage(query: ServicesQuery): Promise<ServicesResponse>;
  /** Every matching row, for the CSV export. */
  getAll(
    query: Omit<ServicesQuery, 'cursor' | 'offset' | 'limit'>,
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<ServiceSummary[]>;
};

/**
 * GET /services. Unlike the other hooks this returns loaders, not an
 * answer: the table pages and sorts on the server and asks for a page
 * itself (material-table's remote data), so the request belongs to the
 * table's callback, not to a render. The loaders are stable so that the
 * table does not reload on every render.
 */
export function useServices(): ServicesLoader {
  const api = useApi(dataInfraApiRef);
  return useMemo(
    () => ({
      getPage: query => api.getServices(query),
      getAll: (query, onProgress) => api.getAllServices(query, onProgress),
    }),
    [api],
  );
}
