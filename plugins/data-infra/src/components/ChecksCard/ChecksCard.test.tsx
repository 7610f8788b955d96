import { fireEvent, screen, within } from '@testing-library/react';
import type { FindingGroup } from '@data-infra/backstage-plugin-data-infra-common';
import { dataPlatformSubteam, halfFilled, kafkaEntity, mockDataInfraApi } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { ChecksCard } from './ChecksCard';

const mlopsServices = Array.from({ length: 16 }, (_, i) => `dataservice:default/service-${i + 1}`);

const groups: FindingGroup[] = [
  {
    severity: 'error',
    check: 'unknown-ref',
    subjectRef: 'subteam:default/data-platform',
    path: 'spec.members[2]',
    message: 'Member user:default/zed does not exist in the catalog.',
    affected: ['subteam:default/data-platform'],
  },
  {
    severity: 'warning',
    check: 'owner-without-rotation',
    subjectRef: 'subteam:default/mlops',
    message: 'MLOps has no Rotation: 16 services have nobody on call and fall back to its escalation policy.',
    affected: mlopsServices,
  },
];

describe('ChecksCard', () => {
  it('shows one item per cause, its services once and behind a toggle', async () => {
    const api = mockDataInfraApi({ getChecks: jest.fn().mockResolvedValue({ groups }) });
    await renderOnEntityPage(<ChecksCard />, { entity: dataPlatformSubteam, api });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Member user:default/zed does not exist in the catalog.');
    expect(items[0]).toHaveTextContent('Error');
    // About this page's entity alone: nothing to list.
    expect(within(items[0]).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getAllByText(/MLOps has no Rotation/)).toHaveLength(1);

    const toggle = within(items[1]).getByRole('button', { name: 'Show the 16 services affected' });
    expect(within(items[1]).queryByRole('link', { name: 'service-1' })).not.toBeInTheDocument();
    fireEvent.click(toggle);
    expect(await within(items[1]).findByRole('link', { name: 'service-16' })).toBeInTheDocument();
    expect(within(items[1]).getAllByRole('link', { name: /^service-/ })).toHaveLength(16);
    expect(api.getChecks).toHaveBeenCalledWith({ entityRef: 'subteam:default/data-platform' });
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
