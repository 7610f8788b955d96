import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { mockDataInfraApi, services } from '../../__testUtils__/fixtures';
import { ServiceCatalog } from './ServiceCatalog';
import { servicesToCsv } from './csv';

const measured = [
  { ...services[0], measured: { status: 'low' as const, budgetLeft: 0.12, achieved: 99.912 } },
  { ...services[1], measured: { status: 'unavailable' as const, reason: 'Prometheus did not answer within 10 s' } },
  { ...services[2], measured: { status: 'exhausted' as const, budgetLeft: -0.253, achieved: 99.87 } },
];

describe('ServiceCatalog: budget left', () => {
  it('shows the measured budget left with its status, and sorts by it', async () => {
    const api = mockDataInfraApi({ getAllServices: jest.fn().mockResolvedValue(measured) });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    const kafka = (await screen.findByRole('link', { name: 'Kafka' })).closest('tr')!;
    expect(kafka).toHaveTextContent('12.0 % Budget low');
    const trino = screen.getByRole('link', { name: 'Trino, the "fast" one' }).closest('tr')!;
    expect(trino).toHaveTextContent('−25.3 % Budget exhausted');
    expect(screen.getByRole('link', { name: 'MLflow' }).closest('tr')!).toHaveTextContent('unavailable Metrics unavailable');

    fireEvent.click(screen.getAllByRole('button', { name: 'Budget left' })[0]);
    await waitFor(() => {
      const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
      // Least left first; unavailable last.
      expect(rows.map(r => r.querySelector('a')?.textContent)).toEqual(['Trino, the "fast" one', 'Kafka', 'MLflow']);
    });
  });

  it('exports the budget left as a number and the status', () => {
    const [header, kafka, mlflow] = servicesToCsv(measured).split('\r\n');
    const column = (line: string, name: string) => line.split(',')[header.split(',').indexOf(name)];
    expect(column(kafka, 'Budget left %')).toBe('12');
    expect(column(kafka, 'Budget status')).toBe('low');
    expect(column(mlflow, 'Budget left %')).toBe('');
    expect(column(mlflow, 'Budget status')).toBe('unavailable');
  });
});
