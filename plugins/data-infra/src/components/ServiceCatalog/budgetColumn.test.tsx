import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServiceSummary } from '@data-infra/backstage-plugin-data-infra-common';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { csvColumn } from '../../__testUtils__/csv';
import { mockDataInfraApi, services } from '../../__testUtils__/fixtures';
import type { ServicesQuery } from '../../api';
import { ServiceCatalog } from './ServiceCatalog';
import { servicesToCsv } from './csv';

const measured: ServiceSummary[] = [
  { ...services[0], measured: { status: 'low', budgetLeft: 0.12, achieved: 99.912 } },
  { ...services[1], measured: { status: 'unavailable', reason: 'Prometheus did not answer within 10 s' } },
  { ...services[2], measured: { status: 'exhausted', budgetLeft: -0.253, achieved: 99.87 } },
];
/** The server's answer for `sort=budget` (see the backend's ServiceTable): least left first, unavailable last. */
const byBudget = [measured[2], measured[0], measured[1]];

/** The services in the order the table shows them. */
const titles = () =>
  screen
    .getAllByRole('row')
    .map(r => r.querySelector('a')?.textContent)
    .filter(Boolean);

describe('ServiceCatalog: budget left', () => {
  it('shows the measured budget left with its status, and asks the server to sort by it', async () => {
    const getServices = jest.fn(async (query?: ServicesQuery) => ({
      items: query?.sort === 'budget' ? byBudget : measured,
      totalItems: measured.length,
    }));
    const api = mockDataInfraApi({ getServices });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    const kafka = (await screen.findByRole('link', { name: 'Kafka' })).closest('tr')!;
    expect(kafka).toHaveTextContent('12.0 %Budget low');
    const trino = screen.getByRole('link', { name: 'Trino, the "fast" one' }).closest('tr')!;
    expect(trino).toHaveTextContent('−25.3 %Budget exhausted');
    expect(screen.getByRole('link', { name: 'MLflow' }).closest('tr')!).toHaveTextContent(
      'unavailableMetrics unavailable',
    );

    // The order comes from the server, so it holds across pages.
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Budget left' })).getAllByRole('button')[0]);
    await waitFor(() => expect(titles()).toEqual(['Trino, the "fast" one', 'Kafka', 'MLflow']));
    expect(getServices).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'budget', order: 'asc', offset: 0 }));
  }, 30_000);

  it('exports the budget left as a number and the status', () => {
    const [header, kafka, mlflow, trino] = servicesToCsv(measured).split('\r\n');
    const column = (line: string, name: string) => csvColumn(header, line, name);
    expect(column(kafka, 'Budget left %')).toBe('12');
    expect(column(kafka, 'Budget status')).toBe('low');
    expect(column(mlflow, 'Budget left %')).toBe('');
    expect(column(mlflow, 'Budget status')).toBe('unavailable');
    // Overspent: a negative number a spreadsheet can sort, not neutralised text.
    expect(column(trino, 'Budget left %')).toBe('-25.3');
  });
});
