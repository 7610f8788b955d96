import { screen } from '@testing-library/react';
import { halfFilled, kafkaEntity, mockDataInfraApi } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { ChecksCard } from './ChecksCard';

describe('ChecksCard', () => {
  it('lists findings worst first', async () => {
    const api = mockDataInfraApi({
      getChecks: jest.fn().mockResolvedValue({
        findings: [
          { severity: 'warning', check: 'sev1-faster-than-escalation', entityRef: 'dataservice:default/kafka', message: 'sev1 response (PT5M) is shorter than the first reachable level (PT15M).' },
          { severity: 'error', check: 'missing-ref', entityRef: 'dataservice:default/kafka', path: 'spec.owner', message: 'Owner subteam:default/nope does not exist.' },
        ],
      }),
    });
    await renderOnEntityPage(<ChecksCard />, { entity: kafkaEntity, api });
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Owner subteam:default/nope does not exist.');
    expect(items[0]).toHaveTextContent('Error');
    expect(items[1]).toHaveTextContent('sev1 response (PT5M)');
    expect(api.getChecks).toHaveBeenCalledWith({ entityRef: 'dataservice:default/kafka' });
  });

  it('says when there is nothing to fix, even for a half-filled entity', async () => {
    await renderOnEntityPage(<ChecksCard />, { entity: halfFilled('Rotation') });
    expect(
      await screen.findByText('No findings: ownership and escalation look complete.'),
    ).toBeInTheDocument();
  });

  it('shows a loading state until the findings arrive', async () => {
    const api = mockDataInfraApi({ getChecks: jest.fn(() => new Promise(() => {})) });
    await renderOnEntityPage(<ChecksCard />, { entity: kafkaEntity, api });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
