import { screen } from '@testing-library/react';
import { mockDataInfraApi, ownershipMap } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OwnershipMap } from './OwnershipMap';

describe('OwnershipMap: measured error budgets', () => {
  it('colours each measured tile by its budget and explains the colours in a legend', async () => {
    const [first, ...rest] = ownershipMap.domains;
    const [kafka, ...others] = first.services;
    const map = {
      ...ownershipMap,
      domains: [{ ...first, services: [{ ...kafka, measured: { status: 'burning' as const, budgetLeft: 0.4, achieved: 99.96 } }, ...others] }, ...rest],
    };
    await renderOnEntityPage(<OwnershipMap />, { api: mockDataInfraApi({ getMap: jest.fn().mockResolvedValue(map) }) });
    const tile = (await screen.findByRole('button', { name: `Select ${kafka.title}` }));
    expect(tile).toHaveStyle({ borderLeft: '6px solid #ef6c00' });
    expect(tile).toHaveTextContent('40 % left');
    expect(tile).toHaveAttribute('title', expect.stringMatching(/^Burning fast: a fast/));
    const legend = screen.getByRole('list', { name: 'Error budget legend' });
    expect(legend).toHaveTextContent('Budget exhaustedBurning fastBudget lowBudget healthyMetrics unavailableNo colour');
    // Unmeasured tiles keep their plain border.
    expect(screen.getByRole('button', { name: `Select ${others[0]?.title ?? rest[0].services[0].title}` })).not.toHaveAttribute('title');
  });

  it('shows no legend when nothing is measured', async () => {
    await renderOnEntityPage(<OwnershipMap />);
    await screen.findByText('Kafka');
    expect(screen.queryByRole('list', { name: 'Error budget legend' })).not.toBeInTheDocument();
  });
});
