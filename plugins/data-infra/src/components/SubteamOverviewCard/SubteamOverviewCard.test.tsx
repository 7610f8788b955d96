import { screen, within } from '@testing-library/react';
import { dataPlatformSubteam, halfFilled, mockDataInfraApi } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { SubteamOverviewCard } from './SubteamOverviewCard';

describe('SubteamOverviewCard', () => {
  it('shows lead, members, services, stakeholders and the rotation on call', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: dataPlatformSubteam, api });
    expect(screen.getByText('Domain').nextSibling).toHaveTextContent('Data Platform');
    expect(screen.getByText('Members (3)').nextSibling).toHaveTextContent('alice, bob, carol');
    expect(screen.getByText('Services (2)').nextSibling).toHaveTextContent('kafka, hdfs');
    const stakeholders = screen.getByRole('list', { name: 'Stakeholders' });
    expect(within(stakeholders).getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'sre: no sync defined',
      'devops: no sync defined',
    ]);
    expect(await screen.findByText('Data Platform on-call')).toBeInTheDocument();
    expect(screen.getByText(/^Primary:/)).toHaveTextContent('Alice Andersen');
    expect(screen.getByText('Checks').nextSibling).toHaveTextContent('No findings.');
    // Only this subteam's rotations and findings are asked for, once each: never the whole org.
    // The rotation's on-call load comes with the same answer (load: true): no request more.
    expect(api.getOnCall.mock.calls).toEqual([[{ owner: 'subteam:default/data-platform', load: true }]]);
    const load = screen.getByRole('region', { name: 'On-call load of Data Platform on-call' });
    expect(load).toHaveTextContent(/Alice Andersen.*primary.*336 h.*secondary.*336 h/);
    expect(load).toHaveTextContent('28 nights · 8 weekend days');
    expect(api.getChecks.mock.calls).toEqual([[{ entityRef: 'subteam:default/data-platform' }]]);
    expect(api.getSubteamsOnCall).not.toHaveBeenCalled();
    expect(api.getMap).not.toHaveBeenCalled();
  });

  it("shows each stakeholder group's sync cadence, sync channel and intake channels, members written with since", async () => {
    const entity = {
      ...dataPlatformSubteam,
      spec: {
        ...dataPlatformSubteam.spec,
        members: ['user:default/alice', { user: 'user:default/bob', since: '2026-01-05' }],
        stakeholders: [
          {
            group: 'group:default/sre',
            sync: 'weekly',
            channel: 'https://meet.example.com/sre-sync',
            // eslint-disable-next-line no-script-url -- a hostile catalog value, on purpose
            intake: ['#sre-requests', 'https://tickets.example.com/queues/sre', 'javascript:alert(1)'],
          },
          { group: 'group:default/devops', sync: 'biweekly', channel: '#devops-sync' },
          'group:default/analytics',
        ],
      },
    };
    await renderOnEntityPage(<SubteamOverviewCard />, { entity, api: mockDataInfraApi() });
    expect(await screen.findByText('Data Platform on-call')).toBeInTheDocument();
    expect(screen.getByText('Members (2)').nextSibling).toHaveTextContent('alice, bob');
    const items = within(screen.getByRole('list', { name: 'Stakeholders' })).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      // (Backstage's Link adds ", Opens in a new window" for screen readers.)
      'sre: weekly sync in https://meet.example.com/sre-sync, Opens in a new windowIntake: #sre-requests, https://tickets.example.com/queues/sre, Opens in a new window, javascript:alert(1)',
      'devops: bi-weekly sync in #devops-sync',
      'analytics: no sync defined',
    ]);
    expect(within(items[0]).getByRole('link', { name: /^https:\/\/meet.example.com\/sre-sync/ })).toHaveAttribute('href', 'https://meet.example.com/sre-sync');
    expect(within(items[0]).getByRole('link', { name: /^https:\/\/tickets.example.com\/queues\/sre/ })).toBeInTheDocument();
    // A script URL from the catalog stays text.
    expect(within(items[0]).queryByRole('link', { name: /javascript/ })).not.toBeInTheDocument();
    expect(within(items[0]).getByRole('link', { name: 'sre' })).toBeInTheDocument();
  });

  it('counts the problems the checks found without repeating them', async () => {
    const api = mockDataInfraApi({
      getChecks: jest.fn().mockResolvedValue({
        groups: [
          {
            severity: 'warning',
            check: 'owner-without-rotation',
            subjectRef: 'subteam:default/data-platform',
            message: 'Data Platform has no Rotation: 2 services have nobody on call.',
            affected: ['dataservice:default/kafka', 'dataservice:default/hdfs'],
          },
          {
            severity: 'warning',
            check: 'subteam-without-lead',
            subjectRef: 'subteam:default/data-platform',
            message: 'This subteam has 3 members but no lead.',
            affected: ['subteam:default/data-platform'],
          },
        ],
      }),
    });
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: dataPlatformSubteam, api });
    expect(await screen.findByText(/2 problems to fix, affecting 3 entities: see Checks\./)).toBeInTheDocument();
    expect(screen.queryByText(/has no Rotation/)).not.toBeInTheDocument();
    expect(screen.queryByText(/needs a lead|no lead\./)).not.toBeInTheDocument();
  });

  it('lists a dozen services and links the rest to the service catalog', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      type: 'ownerOf',
      targetRef: `dataservice:default/s${String(i).padStart(2, '0')}`,
    }));
    await renderOnEntityPage(<SubteamOverviewCard />, {
      entity: { ...dataPlatformSubteam, relations: many },
      config: {},
    });
    const services = screen.getByText('Services (15)').nextSibling as HTMLElement;
    expect(services).toHaveTextContent('s11');
    expect(services).not.toHaveTextContent('s12');
    expect(services).toHaveTextContent(/and 3 more/);
  });

  it('renders a Subteam without spec and shows a failing backend as an error', async () => {
    const api = mockDataInfraApi({ getOnCall: jest.fn().mockRejectedValue(new Error('backend down')) });
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: halfFilled('Subteam'), api });
    expect(screen.getByText('Owns no DataService.')).toBeInTheDocument();
    expect(screen.getByText('No escalation policy declared.')).toBeInTheDocument();
    expect(await screen.findByText('Error: backend down', { selector: 'h6' })).toBeInTheDocument();
  });
});
