import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { ReactElement } from 'react';
import { dataInfraApiRef, type DataInfraApi } from '../api';
import { mockDataInfraApi } from './fixtures';

/**
 * Renders a component in a new-frontend-system test app, as it would sit on
 * an entity page: the entity in context, our API and the catalog mocked, and
 * the catalog's entity route mounted so entity links resolve.
 */
export async function renderOnEntityPage(
  element: ReactElement,
  options: {
    entity?: Entity;
    api?: DataInfraApi;
    catalogEntities?: Entity[];
    config?: Record<string, any>;
    /** The URL the app starts at (path and query). */
    route?: string;
    /** More route refs to mount, by path. */
    mountedRoutes?: Record<string, any>;
  } = {},
) {
  const api = options.api ?? mockDataInfraApi();
  const wrapped = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const rendered = await renderInTestApp(wrapped, {
    apis: [
      [dataInfraApiRef, api],
      [catalogApiRef, catalogApiMock({ entities: options.catalogEntities ?? [] })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef, ...options.mountedRoutes },
    config: options.config,
    ...(options.route ? { initialRouteEntries: [options.route] } : {}),
  });
  return { ...rendered, api };
}
