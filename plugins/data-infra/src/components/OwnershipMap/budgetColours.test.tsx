import { screen } from '@testing-library/react';
import { mapServices, mockMapApi, ownershipMap, servicesOf } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OwnershipMap } from './OwnershipMap';

describe('OwnershipMap: measured error budgets', () => {
  it('colours each measured tile by its budget and explains the colours in a legend', async () => {
    const [hdfs, kafka, ...rest] = mapServices;
    const rows = [hdfs, { ...kafka, measured: { status: 'burning' as const, budgetLeft: 0.4, achieved: 99.96 } }, ...rest];
    const api = mockMapApi({
      getMap: jest.fn().mockResolvedValue({ ...ownershipMap, measured: true }),
      getServices: jest.fn(servicesOf(rows)),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    const tile = await screen.findByRole('button', { name: 'Select Kafka' });
    expect(tile).toHaveStyle({ borderLeft: '6px solid #ef6c00' });
    expect(tile).toHaveTextContent('40 % left');
    expect(tile).toHaveAttribute('title', expect.stringMatching(/^Burning fast: a fast/));
    const legend = screen.getByRole('list', { name: 'Error budget legend' });
    expect(legend).toHaveTextContent('Budget exhaustedBurning fastBudget lowBudget healthyMetrics unavailableNo colour');
    // Unmeasured tiles keep their plain border.
    expect(screen.getByRole('button', { name: 'Select HDFS' })).not.toHaveAttribute('title');
  });

  it('shows no legend when nothing is measured', async () => {
    await renderOnEntityPage(<OwnershipMap />, { api: mockMapApi() });
    await screen.findByText('Kafka');
    expect(screen.queryByRole('list', { name: 'Error budget legend' })).not.toBeInTheDocument();
  });
});
