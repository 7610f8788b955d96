import { screen } from '@testing-library/react';
import { dataPlatformSubteam, halfFilled, mockDataInfraApi } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { SubteamOverviewCard } from './SubteamOverviewCard';

describe('SubteamOverviewCard', () => {
  it('shows lead, members, services, stakeholders and the rotation on call', async () => {
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: dataPlatformSubteam });
    expect(screen.getByText('Domain').nextSibling).toHaveTextContent('Data Platform');
    expect(screen.getByText('Members (3)').nextSibling).toHaveTextContent('alice, bob, carol');
    expect(screen.getByText('Services (2)').nextSibling).toHaveTextContent('kafka, hdfs');
    expect(screen.getByText('Stakeholders').nextSibling).toHaveTextContent('sre, devops');
    expect(await screen.findByRole('link', { name: 'Data Platform on-call' })).toBeInTheDocument();
    expect(screen.getByText(/^Primary:/)).toHaveTextContent('Alice Andersen');
    expect(screen.getByText('No findings for this subteam.')).toBeInTheDocument();
    expect(screen.queryByText(/needs a lead/)).not.toBeInTheDocument();
  });

  it('warns when three or more members have no lead', async () => {
    const { lead: _lead, ...spec } = dataPlatformSubteam.spec as any;
    await renderOnEntityPage(<SubteamOverviewCard />, {
      entity: { ...dataPlatformSubteam, spec },
    });
    expect(
      screen.getByText('3 members and no lead: a subteam of 3 or more members needs a lead.'),
    ).toBeInTheDocument();
    await screen.findByText('No findings for this subteam.');
  });

  it('renders a Subteam without spec and shows a failing backend as an error', async () => {
    const api = mockDataInfraApi({ getOnCall: jest.fn().mockRejectedValue(new Error('backend down')) });
    await renderOnEntityPage(<SubteamOverviewCard />, { entity: halfFilled('Subteam'), api });
    expect(screen.getByText('Owns no DataService.')).toBeInTheDocument();
    expect(screen.getByText('No escalation policy declared.')).toBeInTheDocument();
    expect(await screen.findByText('Error: backend down', { selector: 'h6' })).toBeInTheDocument();
  });
});
