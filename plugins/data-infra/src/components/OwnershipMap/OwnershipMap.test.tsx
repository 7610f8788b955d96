import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OwnershipMapResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { mockDataInfraApi, ownershipMap } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { OwnershipMap } from './OwnershipMap';

function domainSections() {
  // The test app has a toast region too; the domains are <section>s.
  return screen.getAllByRole('region').filter(r => r.tagName === 'SECTION');
}

describe('OwnershipMap', () => {
  it('shows the four domains side by side in their configured order', async () => {
    // Sent shuffled: the map must still follow the configured order.
    const api = mockDataInfraApi({
      getMap: jest.fn().mockResolvedValue({
        ...ownershipMap,
        domains: [...ownershipMap.domains].reverse(),
      }),
    });
    await renderOnEntityPage(<OwnershipMap />, { api });
    await screen.findByText('Kafka');
    expect(
      domainSections().map(s => within(s).getByRole('heading', { level: 2 }).textContent),
    ).toEqual(['Data Platform', 'Data Engineering', 'MLOps', 'BI Services']);
  });

  it('shows each subteam with its lead, members, stakeholders and on-call, and links every name', async () => {
    await renderOnEntityPage(<OwnershipMap />);
    const platform = await screen.findByRole('region', { name: 'Data Platform' });
    expect(within(platform).getByRole('link', { name: 'Data Platform' })).toHaveAttribute(
      'href',
      '/catalog/default/subteam/data-platform',
    );
    expect(within(platform).getByText(/^Lead:/)).toHaveTextContent('Lead: Alice Andersen');
    expect(within(platform).getByText(/^Members \(2\)/)).toHaveTextContent('Alice Andersen, Bob Berg');
    expect(within(platform).getByText(/^Stakeholders/)).toHaveTextContent('SRE');
    expect(within(platform).getByText(/^Primary:/)).toHaveTextContent('Primary: Alice Andersen until');
    expect(within(platform).getByRole('link', { name: 'Kafka' })).toHaveAttribute(
      'href',
      '/catalog/default/dataservice/kafka',
    );
    expect(within(platform).getByRole('button', { name: 'Select HDFS' })).toHaveTextContent(
      'HDFSTier 299.9 %Warning',
    );
    const mlops = screen.getByRole('region', { name: 'MLOps' });
    expect(within(mlops).getByText('No rotation')).toBeInTheDocument();
    expect(within(mlops).getByText(/^Lead:/)).toHaveTextContent('Lead: none');
  });

  it('filters services by text, tier and lifecycle', async () => {
    await renderOnEntityPage(<OwnershipMap />);
    await screen.findByText('Kafka');

    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: 'hdf' } });
    await waitFor(() => expect(screen.queryByText('Kafka')).not.toBeInTheDocument());
    expect(screen.getByText('HDFS')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 services')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Filter services'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Lifecycle'), { target: { value: 'experimental' } });
    await waitFor(() => expect(screen.queryByText('HDFS')).not.toBeInTheDocument());
    expect(screen.getByText('Debezium CDC')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Lifecycle'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: '3' } });
    await waitFor(() => expect(screen.queryByText('Debezium CDC')).not.toBeInTheDocument());
    expect(screen.getByText('Trino')).toBeInTheDocument();
  });

  it('lists the cross-domain dependencies of the selected tile', async () => {
    await renderOnEntityPage(<OwnershipMap />);
    fireEvent.click(await screen.findByRole('button', { name: 'Select Kafka' }));
    const panel = screen.getByLabelText('Cross-domain dependencies');
    expect(panel).toHaveTextContent('Cross-domain dependencies of Kafka');
    expect(panel).toHaveTextContent('Used by Debezium CDC (Data Engineering)');
    expect(screen.getByRole('button', { name: 'Select Kafka' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Select MLflow' }));
    expect(screen.getByLabelText('Cross-domain dependencies')).toHaveTextContent(
      'MLflow has no dependency across domains.',
    );
  });

  it('stays usable at 5,000 services by rendering only the tiles in view', async () => {
    const many: OwnershipMapResponse = {
      ...ownershipMap,
      domains: ownershipMap.domains.map(domain => ({
        ...domain,
        services: Array.from({ length: 1250 }, (_, i) => ({
          ref: `dataservice:default/${domain.id}-${i}`,
          title: `${domain.title} service ${i}`,
          type: 'storage',
          lifecycle: 'production',
          tier: ((i % 3) + 1) as 1 | 2 | 3,
          owner: 'subteam:default/x',
          worstFinding: null,
        })),
      })),
      totals: { ...ownershipMap.totals, services: 5000 },
    };
    const api = mockDataInfraApi({ getMap: jest.fn().mockResolvedValue(many) });
    await renderOnEntityPage(<OwnershipMap />, { api });
    expect(await screen.findAllByText('1,250 services')).toHaveLength(4);
    expect(screen.getByText(/5,000 services/)).toBeInTheDocument();
    const tiles = screen.getAllByRole('button', { name: /^Select / });
    expect(tiles.length).toBeGreaterThan(4);
    expect(tiles.length).toBeLessThan(100);
  });

  it('shows the first subteams of a crowded domain and the rest on demand', async () => {
    const template = ownershipMap.domains.find(d => d.subteams.length)!.subteams[0];
    const crowded: OwnershipMapResponse = {
      ...ownershipMap,
      domains: ownershipMap.domains.map(domain => ({
        ...domain,
        subteams: Array.from({ length: 50 }, (_, i) => ({
          ...template,
          ref: `subteam:default/${domain.id}-${i}`,
          title: `${domain.title} team ${i}`,
          rotations: [],
        })),
      })),
    };
    const api = mockDataInfraApi({ getMap: jest.fn().mockResolvedValue(crowded) });
    await renderOnEntityPage(<OwnershipMap />, { api });
    const mlops = await screen.findByRole('region', { name: 'MLOps' });
    const teamLinks = () => within(mlops).getAllByRole('link', { name: /^MLOps team \d+$/ });
    expect(teamLinks().map(l => l.textContent)).toEqual([0, 1, 2, 3, 4].map(i => `MLOps team ${i}`));
    // The services stay in view below the five subteams.
    expect(within(mlops).getByText(/services$/)).toBeInTheDocument();
    fireEvent.click(within(mlops).getByRole('button', { name: 'Show all 50 subteams' }));
    expect(teamLinks()).toHaveLength(50);
    expect(within(mlops).queryByRole('button', { name: /^Show all/ })).not.toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    const api = mockDataInfraApi({ getMap: jest.fn().mockRejectedValue(new Error('map exploded')) });
    await renderOnEntityPage(<OwnershipMap />, { api });
    expect(await screen.findByText('Error: map exploded', { selector: 'h6' })).toBeInTheDocument();
  });
});
