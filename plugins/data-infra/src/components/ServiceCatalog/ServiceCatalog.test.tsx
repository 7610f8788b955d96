import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { mockDataInfraApi, services } from '../../__testUtils__/fixtures';
import { ServiceCatalog } from './ServiceCatalog';
import { csvCells as cells } from '../../__testUtils__/csv';
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

const kafka = {
  ...services[0],
  contact: { chat: '#data-platform', tickets: 'https://tickets.example.com/dp', pager: 'https://pager.example.com/dp', email: 'dp@example.com' },
  escalation: {
    levels: 3,
    first: { targetTitle: 'Data Platform on-call', role: 'primary' as const, afterMs: 0 },
    inherited: false,
    repeat: 2,
    gaps: null,
  },
};
const mlflow = {
  ...services[1],
  escalation: {
    levels: 2,
    first: { targetTitle: 'Dave Diaz', afterMs: 0 },
    inherited: true,
    repeat: 0,
    gaps: 'Sat–Sun all day (Europe/Berlin)',
  },
};

describe('ServiceCatalog', () => {
  const createObjectURL = jest.fn((_: Blob) => 'blob:csv');
  beforeAll(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  });

  it('asks the server for one page, and shows owner, SLA, escalation, contact, on-call and checks', async () => {
    const api = mockDataInfraApi({
      getServices: jest.fn().mockResolvedValue({ items: [kafka, mlflow], totalItems: 47 }),
    });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    const row = (await screen.findByRole('link', { name: 'Kafka' })).closest('tr')!;
    expect(screen.getByText('Data services (47)')).toBeInTheDocument();
    expect(api.getServices).toHaveBeenCalledTimes(1);
    expect(api.getServices).toHaveBeenCalledWith({ sort: 'title', order: 'asc', offset: 0, limit: 50 });
    expect(row).toHaveTextContent('Data Platform');
    expect(row).toHaveTextContent('99.9 %');
    expect(row).toHaveTextContent('43.2 min per 30d');
    expect(row).toHaveTextContent('24x7');
    expect(row).toHaveTextContent('15 min');
    expect(row).toHaveTextContent('Data Platform on-call (primary), at once');
    expect(row).toHaveTextContent('3 levels, repeats 2×');
    expect(row).toHaveTextContent('#data-platform');
    expect(within(row).getByRole('link', { name: /^Tickets/ })).toHaveAttribute('href', 'https://tickets.example.com/dp');
    expect(within(row).getByRole('link', { name: /^Pager/ })).toHaveAttribute('href', 'https://pager.example.com/dp');
    expect(row).not.toHaveTextContent('dp@example.com');
    expect(row).toHaveTextContent('Alice Andersen');
    expect(row).toHaveTextContent('OK');
    const mlflowRow = screen.getByRole('link', { name: 'MLflow' }).closest('tr')!;
    expect(mlflowRow).toHaveTextContent('MLOps');
    expect(mlflowRow).toHaveTextContent("2 levels, owner's policy");
    expect(mlflowRow).toHaveTextContent('Reaches nobody Sat–Sun all day (Europe/Berlin)');
    expect(mlflowRow).toHaveTextContent('2 findings');
  });

  it('sorts, filters and pages on the server', async () => {
    const api = mockDataInfraApi({
      getServices: jest.fn().mockResolvedValue({ items: [kafka, mlflow], totalItems: 120 }),
    });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    await screen.findByRole('link', { name: 'Kafka' });

    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Tier' })).getAllByRole('button')[0]);
    await waitFor(() =>
      expect(api.getServices).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'tier', order: 'asc', offset: 0 })),
    );
    fireEvent.change(screen.getByLabelText('Domain'), { target: { value: 'mlops' } });
    await waitFor(() =>
      expect(api.getServices).toHaveBeenLastCalledWith(
        expect.objectContaining({ domain: 'mlops', sort: 'tier', offset: 0, limit: 50 }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    await waitFor(() =>
      expect(api.getServices).toHaveBeenLastCalledWith(expect.objectContaining({ domain: 'mlops', offset: 50 })),
    );
    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: 'kafka' } });
    await waitFor(() =>
      expect(api.getServices).toHaveBeenLastCalledWith(expect.objectContaining({ q: 'kafka', domain: 'mlops', offset: 0 })),
    );
  }, 30_000);

  it('exports every matching row in the table order, with escalation and contact columns', async () => {
    const api = mockDataInfraApi({
      getServices: jest.fn().mockResolvedValue({ items: [kafka, mlflow], totalItems: 2 }),
      getAllServices: jest.fn().mockResolvedValue([kafka, mlflow]),
    });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    await screen.findByRole('link', { name: 'Kafka' });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (2)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(api.getAllServices).toHaveBeenCalledWith({ tier: 2, sort: 'title', order: 'asc' }, expect.any(Function));

    const lines = (await readBlob(createObjectURL.mock.calls[0][0])).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const header = cells(lines[0]);
    expect(header).toEqual(
      expect.arrayContaining(['Escalation: first level', 'Escalation: levels', 'Escalation: reaches nobody', 'Chat', 'Tickets', 'Pager']),
    );
    const cell = (line: string, column: string) => cells(line)[header.indexOf(column)];
    expect(cells(lines[1])).toHaveLength(header.length);
    expect(cell(lines[1], 'Escalation: first level')).toBe('Data Platform on-call (primary), at once');
    expect(cell(lines[1], 'Chat')).toBe('#data-platform');
    expect(cell(lines[1], 'Pager')).toBe('https://pager.example.com/dp');
    expect(cell(lines[2], 'Escalation: levels')).toBe('2');
    expect(cell(lines[2], 'Escalation: reaches nobody')).toBe('Sat–Sun all day (Europe/Berlin)');
  });

  it('starts from the owner in the URL and lets it be removed', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<ServiceCatalog />, { api, route: '/?owner=subteam:default/mlops' });
    await screen.findByRole('link', { name: 'Kafka' });
    expect(api.getServices).toHaveBeenCalledWith(expect.objectContaining({ owner: 'subteam:default/mlops' }));
    fireEvent.click(screen.getByRole('button', { name: /Owner:/ }).querySelector('svg')!);
    await waitFor(() =>
      expect(api.getServices).toHaveBeenLastCalledWith(expect.not.objectContaining({ owner: expect.anything() })),
    );
  });

  it('shows a failing page request as an error', async () => {
    const api = mockDataInfraApi({ getServices: jest.fn().mockRejectedValue(new Error('limit: too large')) });
    await renderOnEntityPage(<ServiceCatalog />, { api });
    expect(await screen.findByText('Error: limit: too large', { selector: 'h6' })).toBeInTheDocument();
  });
});

describe('servicesToCsv', () => {
  it('neutralises values a spreadsheet would run as formulas', () => {
    const csv = servicesToCsv([{ ...services[0], title: '=HYPERLINK("x")' }]);
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
  });
});
