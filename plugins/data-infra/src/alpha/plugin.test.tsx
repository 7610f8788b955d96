import { screen, within } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { dataInfraApiRef } from '../api';
import {
  dataPlatformSubteam,
  kafkaEntity,
  mockDataInfraApi,
  platformRotation,
} from '../__testUtils__/fixtures';
import dataInfraPlugin from './index';
import {
  checksCard,
  dataServiceOwnershipCard,
  dataServiceSlaCard,
  escalationPathCard,
  rotationCard,
  subteamOverviewCard,
} from './entityCards';

/**
 * Each test boots a whole app in jsdom: on a busy machine (make test runs
 * packages in parallel) the first render can take seconds, so the first
 * find of each test waits longer than Testing Library's 1 s.
 */
const BOOT = { timeout: 15_000 };
jest.setTimeout(60_000);

const apis = (api = mockDataInfraApi()) =>
  [
    [dataInfraApiRef, api],
    [catalogApiRef, catalogApiMock({ entities: [dataPlatformSubteam] })],
  ] as const;

describe('data-infra in the new frontend system', () => {
  it('serves the ownership map on /data-infra with the four domains', async () => {
    renderTestApp({
      features: [dataInfraPlugin],
      apis: apis(),
      initialRouteEntries: ['/data-infra'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const headings = await screen.findAllByRole('heading', { level: 2 }, BOOT);
    expect(headings.map(h => h.textContent)).toEqual(
      expect.arrayContaining(['Data Platform', 'Data Engineering', 'MLOps', 'BI Services']),
    );
    expect(screen.getByRole('tab', { name: 'On call now' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Service catalog' })).toBeInTheDocument();
  });

  it('serves the on-call tab on /data-infra/on-call', async () => {
    renderTestApp({
      features: [dataInfraPlugin],
      apis: apis(),
      initialRouteEntries: ['/data-infra/on-call'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText('No rotation: alerts follow the escalation policy below.', {}, BOOT),
    ).toBeInTheDocument();
  });

  it('serves the rotation plan tab on /data-infra/rotation-plan', async () => {
    renderTestApp({
      features: [dataInfraPlugin],
      apis: apis(),
      initialRouteEntries: ['/data-infra/rotation-plan'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole('table', { name: 'Members of Data Platform by the day they are due to rotate' }, BOOT),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Rotation plan' })).toHaveAttribute('aria-selected', 'true');
  });

  it('puts the DataService cards on a DataService page and only there', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: kafkaEntity }),
        dataServiceOwnershipCard,
        dataServiceSlaCard,
        escalationPathCard,
        checksCard,
        subteamOverviewCard,
        rotationCard,
      ],
      apis: apis(),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByRole('link', { name: 'Data Platform' }, BOOT)).toBeInTheDocument();
    expect(screen.getByText('Ownership')).toBeInTheDocument();
    expect(screen.getByText('SLA')).toBeInTheDocument();
    expect(await screen.findByText('Escalation path')).toBeInTheDocument();
    expect(screen.getByText('Checks')).toBeInTheDocument();
    expect(screen.queryByText('Subteam overview')).not.toBeInTheDocument();
    expect(screen.queryByText('On call')).not.toBeInTheDocument();
  });

  it('puts the rotation card on a Rotation page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: platformRotation }),
        dataServiceOwnershipCard,
        rotationCard,
      ],
      apis: apis(),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const timeline = await screen.findByRole('img', { name: /^Timeline of the shifts/ }, BOOT);
    expect(within(timeline).getByText('Bob Berg')).toBeInTheDocument();
    expect(screen.queryByText('Ownership')).not.toBeInTheDocument();
  });
});
