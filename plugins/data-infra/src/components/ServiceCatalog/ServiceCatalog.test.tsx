import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { services } from '../../__testUtils__/fixtures';
import { ServiceCatalog } from './ServiceCatalog';
import { servicesToCsv } from './csv';

function readBlob(blob: Blob): Promise<string> {
  // The Blob may be Node's (has text()) or jsdom's (needs a FileReader).
  if (typeof (blob as any).text === 'function') return (blob as any).text();
  return new Promise(resolve => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('ServiceCatalog', () => {
  const createObjectURL = jest.fn((_: Blob) => 'blob:csv');
  beforeAll(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  });

  it('lists every service with owner, SLA, error budget, on-call and checks', async () => {
    await renderOnEntityPage(<ServiceCatalog />);
    const kafka = (await screen.findByRole('link', { name: 'Kafka' })).closest('tr')!;
    expect(kafka).toHaveTextContent('Data Platform');
    expect(kafka).toHaveTextContent('99.9 %');
    expect(kafka).toHaveTextContent('43.2 min / 30d');
    expect(kafka).toHaveTextContent('24x7');
    expect(kafka).toHaveTextContent('15 min');
    expect(kafka).toHaveTextContent('Alice Andersen (primary)');
    expect(kafka).toHaveTextContent('OK');
    const mlflow = screen.getByRole('link', { name: 'MLflow' }).closest('tr')!;
    expect(mlflow).toHaveTextContent('MLOps');
    expect(mlflow).toHaveTextContent('2 findings');
    expect(screen.getByText('Data services (3 of 3)')).toBeInTheDocument();
  });

  it('exports exactly the filtered rows as CSV', async () => {
    await renderOnEntityPage(<ServiceCatalog />);
    await screen.findByRole('link', { name: 'Kafka' });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: '2' } });
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Kafka' })).not.toBeInTheDocument(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (2)' }));

    const csv = await readBlob(createObjectURL.mock.calls[0][0]);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Service,Entity ref,Domain,Owner,Tier/);
    expect(lines[1]).toMatch(/^MLflow,dataservice:default\/mlflow,mlops,MLOps,2,/);
    expect(lines[2]).toMatch(/^"Trino, the ""fast"" one",/);
  });

  it('filters by text and by domain', async () => {
    await renderOnEntityPage(<ServiceCatalog />);
    await screen.findByRole('link', { name: 'Kafka' });
    fireEvent.change(screen.getByLabelText('Domain'), { target: { value: 'bi-services' } });
    expect(await screen.findByText('Data services (1 of 3)')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Domain'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No service matches the filter.')).toBeInTheDocument();
  });
});

describe('servicesToCsv', () => {
  it('neutralises values a spreadsheet would run as formulas', () => {
    const csv = servicesToCsv([{ ...services[0], title: '=HYPERLINK("x")' }]);
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
  });
});
