/*
 * The legacy exports in a legacy app: an EntityPage-like tree that picks
 * cards with EntitySwitch, as an adopter's EntityPage.tsx does, and the page
 * mounted on a route.
 */
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { EntitySwitch } from '@backstage/plugin-catalog';
import { Route, Routes } from 'react-router-dom';
import {
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import {
  DataInfraDomainSearchFilter,
  DataInfraPage,
  EntityDataInfraChecksCard,
  EntityDataServiceOwnershipCard,
  EntityDataServiceSlaCard,
  EntityEscalationPathCard,
  EntityRotationCard,
  EntitySubteamOverviewCard,
  dataInfraApiRef,
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
  rootRouteRef,
} from './index';
import {
  dataPlatformSubteam,
  halfFilled,
  kafkaEntity,
  mockDataInfraApi,
  platformRotation,
} from './__testUtils__/fixtures';
import { domainOptionLabels, openDomainSelect } from './__testUtils__/domainFilter';

function EntityPage() {
  return (
    <EntitySwitch>
      <EntitySwitch.Case if={isDataServiceEntity}>
        <EntityDataServiceOwnershipCard />
        <EntityDataServiceSlaCard />
        <EntityEscalationPathCard />
        <EntityDataInfraChecksCard />
      </EntitySwitch.Case>
      <EntitySwitch.Case if={isSubteamEntity}>
        <EntitySubteamOverviewCard />
        <EntityDataInfraChecksCard />
      </EntitySwitch.Case>
      <EntitySwitch.Case if={isRotationEntity}>
        <EntityRotationCard />
      </EntitySwitch.Case>
      <EntitySwitch.Case>
        <p>Default entity page</p>
      </EntitySwitch.Case>
    </EntitySwitch>
  );
}

async function renderEntityPage(entity: Entity) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [dataInfraApiRef, mockDataInfraApi()],
        [catalogApiRef, catalogApiMock({ entities: [dataPlatformSubteam] })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityPage />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/**
 * Each test boots a whole legacy app in jsdom: on a busy machine (make test
 * runs packages in parallel) the first render can take seconds.
 */
const BOOT = { timeout: 15_000 };
jest.setTimeout(60_000);

describe('legacy frontend system', () => {
  it('shows the DataService cards on the Kafka page: owner Data Platform, SLA, escalation', async () => {
    await renderEntityPage(kafkaEntity);
    expect(await screen.findByRole('link', { name: 'Data Platform' }, BOOT)).toBeInTheDocument();
    expect(await screen.findByText(/43\.2 min of downtime per 30d/)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Alice Andersen' })).toBeInTheDocument();
    expect(await screen.findByText('Checks')).toBeInTheDocument();
    expect(screen.queryByText('Subteam overview')).not.toBeInTheDocument();
  });

  it('shows the subteam overview on a Subteam page', async () => {
    await renderEntityPage(dataPlatformSubteam);
    expect(await screen.findByText('Subteam overview', {}, BOOT)).toBeInTheDocument();
    expect(await screen.findByText('No findings.')).toBeInTheDocument();
    expect(screen.queryByText('Escalation path')).not.toBeInTheDocument();
  });

  it('shows the rotation card on a Rotation page and nothing of ours elsewhere', async () => {
    await renderEntityPage(platformRotation);
    expect(await screen.findByRole('img', { name: /^Timeline of the shifts/ }, BOOT)).toBeInTheDocument();
  });

  it('leaves other kinds alone', async () => {
    await renderEntityPage({ ...halfFilled('Component'), apiVersion: 'backstage.io/v1alpha1' });
    expect(await screen.findByText('Default entity page', {}, BOOT)).toBeInTheDocument();
  });

  it('renders half-filled entities of our kinds without throwing', async () => {
    await renderEntityPage(halfFilled('DataService'));
    expect(
      await screen.findByText('This service names no owner subteam (spec.owner).'),
    ).toBeInTheDocument();
    expect(screen.getByText('This service declares no SLA (spec.sla).')).toBeInTheDocument();
  });

  /** The legacy page as an app's routes mount it, opened at `path`. */
  const renderDataInfraPage = (path: string) =>
    renderInTestApp(
      <TestApiProvider apis={[[dataInfraApiRef, mockDataInfraApi()]]}>
        <Routes>
          <Route path="/data-infra/*" element={<DataInfraPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: [path],
        mountedRoutes: {
          '/data-infra': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );

  it('mounts DataInfraPage with its five tabs, in the new frontend system\'s order', async () => {
    await renderDataInfraPage('/data-infra/services');
    expect(await screen.findByText('Data services (3)')).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Ownership map',
      'On call now',
      'Service catalog',
      'Rotation plan',
      'My on-call',
    ]);
  });

  it('serves the rotation plan tab of DataInfraPage on /data-infra/rotation-plan', async () => {
    await renderDataInfraPage('/data-infra/rotation-plan');
    expect(await screen.findByRole('table', { name: 'Members of Data Platform by the day they are due to rotate' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Rotation plan' })).toHaveAttribute('aria-selected', 'true');
  });

  it('puts a Domain filter in a SearchPage that filters the search on the chosen domain', async () => {
    const searchApi = {
      query: jest.fn().mockResolvedValue({ results: [], numberOfResults: 0 }),
    };
    // As an adopter's SearchPage.tsx places it, next to SearchFilter.Select & co.
    await act(async () => {
      await renderInTestApp(
        <TestApiProvider apis={[[searchApiRef, searchApi]]}>
          <SearchContextProvider>
            <DataInfraDomainSearchFilter />
          </SearchContextProvider>
        </TestApiProvider>,
      );
    });
    const user = userEvent.setup();
    const list = await openDomainSelect(user);
    expect(domainOptionLabels(list)).toEqual([
      'All',
      'Data Platform',
      'Data Engineering',
      'MLOps',
      'BI Services',
    ]);
    await act(async () => {
      await user.click(list.getByRole('option', { name: 'Data Engineering' }));
    });
    expect(searchApi.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ filters: { domain: 'data-engineering' } }),
      expect.anything(),
    );
  });
});
