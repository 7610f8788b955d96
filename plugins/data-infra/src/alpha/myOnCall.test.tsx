/*
 * "My on-call" in both frontend systems: the /data-infra/me tab and the
 * User entity card.
 */
import { screen } from '@testing-library/react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock, createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { dataInfraApiRef } from '../api';
import { DataInfraPage, EntityPersonOnCallCard, rootRouteRef } from '../index';
import { kafkaEntity, mockDataInfraApi } from '../__testUtils__/fixtures';
import dataInfraPlugin from './index';
import { personOnCallCard, rotationCard } from './entityCards';

const BOOT = { timeout: 15_000 };
jest.setTimeout(60_000);

const bob = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'bob', namespace: 'default' },
  spec: { profile: { displayName: 'Bob Berg' }, memberOf: [] },
};

const apis = (api = mockDataInfraApi()) =>
  [
    [dataInfraApiRef, api],
    [catalogApiRef, catalogApiMock({ entities: [] })],
    [identityApiRef, mockApis.identity({ userEntityRef: 'user:default/bob' })],
  ] as const;

describe('My on-call in the new frontend system', () => {
  it('is a tab of the data-infra page at /data-infra/me, for the signed-in user', async () => {
    const api = mockDataInfraApi();
    renderTestApp({
      features: [dataInfraPlugin],
      apis: apis(api),
      initialRouteEntries: ['/data-infra/me'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'My on-call', selected: true })).toBeInTheDocument();
    expect(api.getPersonOnCall.mock.calls[0][0]).toBe('user:default/bob');
  });

  it('puts the card on User pages and only there', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: bob }), personOnCallCard, rotationCard],
      apis: apis(),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();
    expect(screen.getByText('On call')).toBeInTheDocument();
  });

  it('leaves other kinds alone', async () => {
    const api = mockDataInfraApi();
    renderTestApp({
      extensions: [createTestEntityPage({ entity: kafkaEntity }), personOnCallCard],
      apis: apis(api),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByTestId('empty-entity-page', {}, BOOT)).toBeInTheDocument();
    expect(api.getPersonOnCall).not.toHaveBeenCalled();
  });
});

describe('My on-call in the legacy frontend system', () => {
  it('is a tab of DataInfraPage at /data-infra/me', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis()}>
        <Routes>
          <Route path="/data-infra/*" element={<DataInfraPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/data-infra/me'],
        mountedRoutes: { '/data-infra': rootRouteRef, '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'My on-call' })).toBeInTheDocument();
  });

  it('exports the User card as EntityPersonOnCallCard', async () => {
    await renderInTestApp(
      <TestApiProvider apis={apis()}>
        <EntityProvider entity={bob}>
          <EntityPersonOnCallCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();
    // Bob's own page: his calendar link.
    expect(await screen.findByRole('button', { name: 'Get my calendar link' })).toBeInTheDocument();
  });
});
