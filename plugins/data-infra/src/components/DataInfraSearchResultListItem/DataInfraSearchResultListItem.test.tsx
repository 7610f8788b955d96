import { act, screen, waitFor } from '@testing-library/react';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { mockDataInfraApi } from '../../__testUtils__/fixtures';
import {
  DataInfraSearchResultListItem,
  type DataInfraSearchDocument,
} from './DataInfraSearchResultListItem';

const kafkaDoc: DataInfraSearchDocument = {
  title: 'Kafka',
  text: 'Event streaming platform : kafka : kafka : streaming : tier 1',
  location: '/catalog/default/dataservice/kafka',
  kind: 'DataService',
  name: 'kafka',
  namespace: 'default',
  owner: 'subteam:default/data-platform',
  domain: 'data-platform',
  type: 'streaming',
  lifecycle: 'production',
  tier: 1,
  availability: 99.9,
  technology: 'kafka',
  tags: ['streaming'],
};

const rotationDoc: DataInfraSearchDocument = {
  title: 'Data Platform on-call',
  text: 'data-platform-oncall : on-call rotation',
  location: '/catalog/default/rotation/data-platform-oncall',
  kind: 'Rotation',
  name: 'data-platform-oncall',
  namespace: 'default',
  owner: 'subteam:default/data-platform',
  domain: 'data-platform',
  timezone: 'Europe/Berlin',
  tags: [],
};

describe('DataInfraSearchResultListItem', () => {
  it('renders a DataService with its link, domain, owner, tier, availability and technology', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<DataInfraSearchResultListItem result={kafkaDoc} />, {
      api,
    });
    expect(screen.getByRole('link', { name: 'Kafka' })).toHaveAttribute(
      'href',
      '/catalog/default/dataservice/kafka',
    );
    expect(screen.getByText('DataService')).toBeInTheDocument();
    expect(screen.getByText('Domain: Data Platform')).toBeInTheDocument();
    expect(screen.getByText('Owner: data-platform')).toBeInTheDocument();
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(screen.getByText('99.9 % availability')).toBeInTheDocument();
    expect(screen.getByText('Technology: kafka')).toBeInTheDocument();
    expect(screen.getByText(/Event streaming platform/)).toBeInTheDocument();
    // On-call is looked up for rotations only.
    expect(api.getOnCall).not.toHaveBeenCalled();
  });

  it('takes the domain chip from the document, titled from dataInfra.domains', async () => {
    // An owner whose name is not a domain id: the chip shows the domain the
    // search module looked up, with the configured title.
    await renderOnEntityPage(
      <DataInfraSearchResultListItem
        result={{
          ...kafkaDoc,
          owner: 'subteam:default/streaming-squad',
          domain: 'realtime',
          availability: 99.95,
        }}
      />,
      { config: { dataInfra: { domains: [{ id: 'realtime', title: 'Real-time Data' }] } } },
    );
    expect(screen.getByText('Domain: Real-time Data')).toBeInTheDocument();
    expect(screen.getByText('Owner: streaming-squad')).toBeInTheDocument();
    expect(screen.getByText('99.95 % availability')).toBeInTheDocument();
    expect(screen.queryByText(/Streaming Squad/)).not.toBeInTheDocument();
  });

  it('shows no domain chip when the owner’s domain is unknown, and no availability without an SLA', async () => {
    const { availability: _availability, ...withoutSla } = kafkaDoc;
    await renderOnEntityPage(
      <DataInfraSearchResultListItem
        result={{ ...withoutSla, owner: 'group:default/sre', domain: '' }}
      />,
    );
    expect(screen.getByText('Owner: sre')).toBeInTheDocument();
    expect(screen.queryByText(/^Domain:/)).not.toBeInTheDocument();
    expect(screen.queryByText(/availability/)).not.toBeInTheDocument();
  });

  it('falls back to the owner’s name for documents indexed without a domain', async () => {
    const { domain: _domain, ...older } = kafkaDoc;
    await renderOnEntityPage(<DataInfraSearchResultListItem result={older} />);
    expect(screen.getByText('Domain: Data Platform')).toBeInTheDocument();
  });

  it('humanises a domain that is not configured and uses a Subteam’s own domain', async () => {
    await renderOnEntityPage(
      <DataInfraSearchResultListItem
        result={{
          title: 'Stream Ops',
          text: '',
          location: '/catalog/default/subteam/stream-ops',
          kind: 'Subteam',
          name: 'stream-ops',
          domain: 'real-time-analytics',
          owner: 'group:default/data-infra',
        }}
      />,
    );
    expect(screen.getByText('Domain: Real Time Analytics')).toBeInTheDocument();
    expect(screen.queryByText(/^Tier/)).not.toBeInTheDocument();
  });

  it('highlights the title and text when the engine gives a highlight', async () => {
    await renderOnEntityPage(
      <DataInfraSearchResultListItem
        result={kafkaDoc}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { title: '<em>Kafka</em>', text: 'Event <em>streaming</em>' },
        }}
      />,
    );
    expect(screen.getByText('streaming', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.getByText('Kafka', { selector: 'mark' })).toBeInTheDocument();
  });

  it('shows who is on call now for a Rotation', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<DataInfraSearchResultListItem result={rotationDoc} />, {
      api,
    });
    expect(
      await screen.findByText(
        'On call now: Alice Andersen (primary), Bob Berg (secondary)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Timezone: Europe/Berlin')).toBeInTheDocument();
    expect(screen.getByText('Domain: Data Platform')).toBeInTheDocument();
    expect(api.getOnCall).toHaveBeenCalledTimes(1);
  });

  it('shows a loading state, then nothing extra when the on-call lookup fails', async () => {
    let reject: (e: Error) => void = () => {};
    const api = mockDataInfraApi({
      getOnCall: jest.fn().mockReturnValue(
        new Promise((_, r) => {
          reject = r;
        }),
      ),
    });
    await renderOnEntityPage(<DataInfraSearchResultListItem result={rotationDoc} />, {
      api,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Checking who is on call…');
    await act(async () => reject(new Error('backend down')));
    await waitFor(() =>
      expect(screen.queryByRole('status')).not.toBeInTheDocument(),
    );
    expect(screen.queryByText(/On call now/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data Platform on-call' })).toBeInTheDocument();
  });
});
