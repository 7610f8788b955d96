import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider, catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { PersonOnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { DateTime } from 'luxon';
import type { ReactElement } from 'react';
import { dataInfraApiRef, type DataInfraApi } from '../../api';
import { mockDataInfraApi, personOnCall } from '../../__testUtils__/fixtures';
import { MyOnCallPage } from './MyOnCallPage';
import { PersonOnCallCard } from './PersonOnCallCard';

const BOOT = { timeout: 15_000 };
jest.setTimeout(60_000);

/** Renders as the signed-in `viewer`, optionally on a User entity's page. */
async function render(element: ReactElement, options: { viewer: string; api?: DataInfraApi; entity?: Entity }) {
  const api = options.api ?? mockDataInfraApi();
  await renderInTestApp(options.entity ? <EntityProvider entity={options.entity}>{element}</EntityProvider> : element, {
    apis: [
      [dataInfraApiRef, api],
      [identityApiRef, mockApis.identity({ userEntityRef: options.viewer })],
      [catalogApiRef, catalogApiMock({ entities: [] })],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api as jest.Mocked<DataInfraApi>;
}

/** The covers as read: each list item's text. */
const coverItems = () =>
  screen.getAllByRole('listitem').map(li => li.textContent).filter(text => /covers for|schedule has nobody/.test(text ?? ''));

const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: { displayName: name }, memberOf: [] },
});

/** A person the catalog does not know and no rotation names (the adopter apps' guest). */
const nobody: PersonOnCallResponse = {
  ...personOnCall(),
  person: { ref: 'user:development/guest', displayName: 'guest' },
  inCatalog: false,
  rotations: [],
  shifts: [],
  escalations: [],
  escalationCount: 0,
  covers: [],
};

describe('My on-call', () => {
  it("shows the signed-in user's shifts, the services whose escalation reaches them and at which level, and their covers", async () => {
    const api = await render(<MyOnCallPage />, { viewer: 'user:default/Bob' });
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();

    // Asked for the signed-in user (as the backend compares refs), four weeks from the start of the viewer's day.
    const [ref, window] = api.getPersonOnCall.mock.calls[0];
    expect(ref).toBe('user:default/bob');
    expect(DateTime.fromISO(window!.from!).setZone(DateTime.local().zoneName!).toFormat('HH:mm')).toBe('00:00');
    expect(Date.parse(window!.to!) - Date.parse(window!.from!)).toBeGreaterThanOrEqual(28 * 86_400_000 - 3_600_000);
    expect(api.getPersonOnCall).toHaveBeenCalledTimes(1);

    // The Rotation card's timeline for each rotation, and every shift in one table.
    expect(screen.getByRole('img', { name: /^Timeline of the shifts/ })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Next shifts' })).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'RotationRoleFromUntil',
      expect.stringMatching(/^Data Platform on-callsecondarynow/),
      expect.stringMatching(/^Data Platform on-callprimary[A-Z]/),
      expect.stringMatching(/^Data Platform on-callsecondaryoverride/),
    ]);

    const services = within(screen.getByRole('table', { name: 'Services whose escalation reaches you now' })).getAllByRole('row');
    expect(services.map(r => r.textContent)).toEqual([
      'ServiceLevelPagesOwner',
      'KafkaLevel 2 of 3, after 15 minsecondary of Data Platform on-callData Platformpolicy of Data Platform',
    ]);

    expect(coverItems()).toEqual([expect.stringMatching(/: Carol Chen covers for Bob Berg \(primary, Data Platform on-call\)past$/)]);
    expect(screen.getByText(/not shown until merged/)).toBeInTheDocument();

    // The personal calendar link, made only on click.
    expect(api.subscribeToPersonalCalendar).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Get my calendar link' }));
    expect(api.subscribeToPersonalCalendar).toHaveBeenCalledWith('user:default/bob');
    expect((await screen.findByRole('textbox', { name: 'Calendar link' }) as HTMLInputElement).value).toMatch(/calendar-feeds\/.+\.ics$/);
    await userEvent.click(screen.getByRole('button', { name: 'Revoke calendar link' }));
    expect(api.revokePersonalCalendarSubscription).toHaveBeenCalledWith('user:default/bob');
    expect(api.subscribeToCalendar).not.toHaveBeenCalled();
  });

  it('says so, without an error, for a user no rotation names and the catalog does not know', async () => {
    const api = mockDataInfraApi({ getPersonOnCall: jest.fn().mockResolvedValue(nobody) });
    await render(<MyOnCallPage />, { viewer: 'user:development/guest', api });
    expect(await screen.findByText(/^Not in any rotation: no Rotation names guest/, {}, BOOT)).toBeInTheDocument();
    expect(screen.getByText('Not on call right now.')).toBeInTheDocument();
    expect(screen.getByText('No service’s escalation path reaches you right now.')).toBeInTheDocument();
    expect(screen.getByText(/No override in the last four weeks/)).toBeInTheDocument();
    expect(screen.getByText(/guest has no User entity in the catalog/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // Their personal link still works: shifts added later will show up in it.
    expect(screen.getByRole('button', { name: 'Get my calendar link' })).toBeInTheDocument();
  });

  it('is for people: a service principal gets a sentence, not a request', async () => {
    const api = await render(<MyOnCallPage />, { viewer: 'component:default/robot' });
    expect(await screen.findByText(/Sign in as a person/, {}, BOOT)).toBeInTheDocument();
    expect(api.getPersonOnCall).not.toHaveBeenCalled();
  });
});

describe('PersonOnCallCard', () => {
  it("shows the page's User in brief, without someone else's calendar link", async () => {
    const api = await render(<PersonOnCallCard />, { viewer: 'user:default/alice', entity: user('bob') });
    expect(await screen.findByText(/^Secondary in Data Platform on-call until/, {}, BOOT)).toBeInTheDocument();
    expect(api.getPersonOnCall.mock.calls[0][0]).toBe('user:default/bob');
    expect(screen.getByText('Escalation reaches them').nextSibling).toHaveTextContent('Kafka: Level 2 of 3, after 15 min');
    expect(coverItems()).toEqual([expect.stringMatching(/Carol Chen covers for Bob Berg/)]);
    expect(screen.queryByRole('button', { name: 'Get my calendar link' })).not.toBeInTheDocument();
  });

  it("adds the calendar link on the viewer's own page", async () => {
    await render(<PersonOnCallCard />, { viewer: 'user:default/bob', entity: user('bob') });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Get my calendar link' })).toBeInTheDocument(), BOOT);
  });

  it('renders an empty state for a user in no rotation', async () => {
    const api = mockDataInfraApi({ getPersonOnCall: jest.fn().mockResolvedValue({ ...nobody, inCatalog: true, person: { ref: 'user:default/zed', displayName: 'zed' } }) });
    await render(<PersonOnCallCard />, { viewer: 'user:default/alice', entity: user('zed'), api });
    expect(await screen.findByText(/^Not in any rotation: no Rotation names zed/, {}, BOOT)).toBeInTheDocument();
    expect(screen.getByText('No service’s escalation path reaches zed right now.')).toBeInTheDocument();
  });
});
