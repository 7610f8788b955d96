import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MapSubteam, OwnershipMapResponse, ServiceSummary } from '@data-infra/backstage-plugin-data-infra-common';
import { mapServices, mockMapApi, ownershipMap, serviceSummary, servicesOf } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OwnershipMap } from './OwnershipMap';

function domainSections() {
  // The test app has a toast region too; the domains are <section>s.
  return screen.getAllByRole('region').filter(r => r.tagName === 'SECTION');
}

describe('OwnershipMap', () => {
  it('shows the four domains side by side in their configured order', async () => {
    // Sent shuffled: the map must still follow the configured order.
    const api = mockMapApi({
      getMap: jest.fn().mockResolvedValue({ ...ownershipMap, domains: [...ownershipMap.domains].reverse() }),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    await screen.findByText('Kafka');
    expect(domainSections().map(s => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Data Platform',
      'Data Engineering',
      'MLOps',
      'BI Services',
    ]);
  });

  it('shows each subteam with its lead, members, stakeholders and on-call, its findings, and links every name', async () => {
    await renderOnEntityPage(<OwnershipMap />, { api: mockMapApi() });
    const platform = await screen.findByRole('region', { name: 'Data Platform' });
    expect(within(platform).getByRole('link', { name: 'Data Platform' })).toHaveAttribute(
      'href',
      '/catalog/default/subteam/data-platform',
    );
    expect(within(platform).getByText(/^Lead:/)).toHaveTextContent('Lead: Alice Andersen');
    expect(within(platform).getByText(/^Members \(2\)/)).toHaveTextContent('Alice Andersen, Bob Berg');
    expect(within(platform).getByText(/^Stakeholders/)).toHaveTextContent('SRE');
    expect(within(platform).getByText(/^Primary:/)).toHaveTextContent('Primary: Alice Andersen until');
    expect(within(platform).getByText('0 errors, 1 warnings')).toBeInTheDocument();
    expect(await within(platform).findByRole('link', { name: 'Kafka' })).toHaveAttribute(
      'href',
      '/catalog/default/dataservice/kafka',
    );
    expect(within(platform).getByRole('button', { name: 'Select HDFS' })).toHaveTextContent('HDFSTier 299.9 %Warning');
    const mlops = screen.getByRole('region', { name: 'MLOps' });
    expect(within(mlops).getByText('No rotation')).toBeInTheDocument();
    expect(within(mlops).getByText(/^Lead:/)).toHaveTextContent('Lead: none');
  });

  it('asks the server for each domain\'s tiles under the filter: text, tier and lifecycle', async () => {
    const api = mockMapApi();
    await renderOnEntityPage(<OwnershipMap />, { api });
    await screen.findByText('Kafka');
    expect(api.getServices).toHaveBeenCalledWith(expect.objectContaining({ domain: 'data-platform', sort: 'title', offset: 0 }));

    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: 'hdf' } });
    await waitFor(() => expect(screen.queryByText('Kafka')).not.toBeInTheDocument());
    expect(screen.getByText('HDFS')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 services')).toBeInTheDocument();
    expect(api.getServices).toHaveBeenCalledWith(expect.objectContaining({ domain: 'data-platform', q: 'hdf' }));

    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Lifecycle'), { target: { value: 'experimental' } });
    await waitFor(() => expect(screen.queryByText('HDFS')).not.toBeInTheDocument());
    expect(screen.getByText('Debezium CDC')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Lifecycle'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: '3' } });
    await waitFor(() => expect(screen.queryByText('Debezium CDC')).not.toBeInTheDocument());
    expect(screen.getByText('Trino')).toBeInTheDocument();
    expect(api.getServices).toHaveBeenLastCalledWith(expect.objectContaining({ tier: 3 }));
  });

  it('lists the cross-domain dependencies of the selected tile and marks the tiles at their other end', async () => {
    const api = mockMapApi();
    await renderOnEntityPage(<OwnershipMap />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Select Kafka' }));
    const panel = screen.getByLabelText('Cross-domain dependencies');
    expect(panel).toHaveTextContent('Cross-domain dependencies of Kafka');
    await waitFor(() => expect(panel).toHaveTextContent('Used by Debezium CDC (Data Engineering)'));
    expect(api.getMapDependencies).toHaveBeenCalledWith('dataservice:default/kafka');
    // Asked once: the panel and the marked tiles share the answer.
    expect(api.getMapDependencies).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Select Kafka' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Select Debezium CDC' }).className).toMatch(/related/);

    fireEvent.click(screen.getByRole('button', { name: 'Select MLflow' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Cross-domain dependencies')).toHaveTextContent('MLflow has no dependency across domains.'),
    );
  });

  it('pages tiles: 5,000 services cost the pages in view, and scrolling asks for the page it reaches', async () => {
    const many: ServiceSummary[] = ownershipMap.domains.flatMap(domain =>
      Array.from({ length: 1250 }, (_, i) =>
        serviceSummary({ ref: `dataservice:default/${domain.id}-${i}`, title: `${domain.title} service ${String(i).padStart(4, '0')}`, domain: domain.id }),
      ),
    );
    const api = mockMapApi({
      getMap: jest.fn().mockResolvedValue({
        ...ownershipMap,
        domains: ownershipMap.domains.map(d => ({ ...d, serviceCount: 1250 })),
        totals: { ...ownershipMap.totals, services: 5000 },
      }),
      getServices: jest.fn(servicesOf(many)),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    expect(await screen.findAllByText('1,250 services')).toHaveLength(4);
    expect(screen.getByText(/5,000 services/)).toBeInTheDocument();
    await screen.findByText('MLOps service 0000');
    const tiles = screen.getAllByRole('button', { name: /^Select / });
    expect(tiles.length).toBeGreaterThan(4);
    expect(tiles.length).toBeLessThan(100);
    // One page per domain so far.
    expect(api.getServices).toHaveBeenCalledTimes(4);
    expect(api.getServices.mock.calls.every(([q]) => q?.offset === 0 && q.limit === 100)).toBe(true);

    // Scroll MLOps' list to its 951st tile: its page is asked for and shown.
    const mlops = screen.getByRole('region', { name: 'MLOps' });
    const list = within(mlops).getByText('MLOps service 0000').closest('[style*="overflow"]') as HTMLElement;
    // jsdom lays nothing out: give the list the sizes a browser would.
    Object.defineProperty(list, 'clientHeight', { value: 8 * 64 });
    Object.defineProperty(list, 'scrollHeight', { value: 1250 * 64 });
    await act(async () => {
      fireEvent.scroll(list, { target: { scrollTop: 950 * 64 } });
    });
    expect(await within(mlops).findByText('MLOps service 0950')).toBeInTheDocument();
    expect(api.getServices).toHaveBeenCalledWith(expect.objectContaining({ domain: 'mlops', offset: 900, limit: 100 }));
    expect(api.getServices).toHaveBeenCalledTimes(5);
  });

  it('shows the first subteams of a crowded domain and the rest on demand, a page at a time', async () => {
    const template = ownershipMap.domains[0].subteams[0];
    const team = (domain: string, title: string, i: number): MapSubteam => ({
      ...template,
      ref: `subteam:default/${domain}-${String(i).padStart(3, '0')}`,
      title: `${title} team ${i}`,
      rotations: [],
    });
    const crowded: OwnershipMapResponse = {
      ...ownershipMap,
      domains: ownershipMap.domains.map(domain => ({
        ...domain,
        subteams: Array.from({ length: 5 }, (_, i) => team(domain.id, domain.title, i)),
        subteamCount: 150,
      })),
    };
    const all = Array.from({ length: 150 }, (_, i) => team('mlops', 'MLOps', i));
    const api = mockMapApi({
      getMap: jest.fn().mockResolvedValue(crowded),
      getMapSubteams: jest.fn(async ({ offset = 0, limit = 100 }) => ({
        at: crowded.at,
        items: all.slice(offset, offset + limit),
        totalItems: all.length,
      })),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    const mlops = await screen.findByRole('region', { name: 'MLOps' });
    const teamLinks = () => within(mlops).getAllByRole('link', { name: /^MLOps team \d+$/ });
    expect(teamLinks().map(l => l.textContent)).toEqual([0, 1, 2, 3, 4].map(i => `MLOps team ${i}`));
    // The services stay in view below the five subteams.
    expect(within(mlops).getByText(/services$/)).toBeInTheDocument();
    expect(api.getMapSubteams).not.toHaveBeenCalled();

    fireEvent.click(within(mlops).getByRole('button', { name: 'Show all 150 subteams' }));
    await waitFor(() => expect(teamLinks()).toHaveLength(100));
    expect(api.getMapSubteams).toHaveBeenCalledWith({ domain: 'mlops', offset: 0, limit: 100 });
    fireEvent.click(within(mlops).getByRole('button', { name: 'Show more subteams (100 of 150)' }));
    await waitFor(() => expect(teamLinks()).toHaveLength(150));
    expect(teamLinks()[149]).toHaveTextContent('MLOps team 149');
    expect(within(mlops).queryByRole('button', { name: /^Show (all|more)/ })).not.toBeInTheDocument();
  }, 30_000);

  it('shows the error of the backend', async () => {
    const api = mockMapApi({ getMap: jest.fn().mockRejectedValue(new Error('map exploded')) });
    await renderOnEntityPage(<OwnershipMap />, { api });
    expect(await screen.findByText('Error: map exploded', { selector: 'h6' })).toBeInTheDocument();
  });

  it('shows a domain whose tiles failed to load with a retry, and the other domains', async () => {
    let fail = true;
    const rows = servicesOf(mapServices);
    const api = mockMapApi({
      getServices: jest.fn(async query => {
        if (query?.domain === 'mlops' && fail) throw new Error('tiles exploded');
        return rows(query);
      }),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    const mlops = await screen.findByRole('region', { name: 'MLOps' });
    expect(await within(mlops).findByRole('alert')).toHaveTextContent('Could not load: tiles exploded');
    expect(await screen.findByText('Kafka')).toBeInTheDocument();
    fail = false;
    fireEvent.click(within(mlops).getByRole('button', { name: 'Retry' }));
    expect(await within(mlops).findByText('MLflow')).toBeInTheDocument();
  });
});
