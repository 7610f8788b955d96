import { screen } from '@testing-library/react';
import {
  dataPlatformSubteam,
  halfFilled,
  kafkaEntity,
} from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { DataServiceOwnershipCard } from './DataServiceOwnershipCard';

describe('DataServiceOwnershipCard', () => {
  it('shows that Kafka is owned by Data Platform, with its lead and contact', async () => {
    await renderOnEntityPage(<DataServiceOwnershipCard />, {
      entity: kafkaEntity,
      catalogEntities: [dataPlatformSubteam],
    });

    const subteamLink = await screen.findByRole('link', { name: 'Data Platform' });
    expect(subteamLink).toHaveAttribute(
      'href',
      '/catalog/default/subteam/data-platform',
    );
    // The domain row reads the configured domain title.
    expect(screen.getByText('Domain').nextSibling).toHaveTextContent('Data Platform');
    expect(screen.getByText('Lead').nextSibling).toHaveTextContent('alice');
    expect(screen.getByText('#data-platform', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Consumers').nextSibling).toHaveTextContent('analytics');
  });

  it('uses the domain titles of app-config when they are configured', async () => {
    await renderOnEntityPage(<DataServiceOwnershipCard />, {
      entity: kafkaEntity,
      catalogEntities: [dataPlatformSubteam],
      config: {
        dataInfra: { domains: [{ id: 'data-platform', title: 'Core Platform' }] },
      },
    });
    expect(await screen.findByText('Core Platform')).toBeInTheDocument();
  });

  it('says so when the owner is not in the catalog', async () => {
    await renderOnEntityPage(<DataServiceOwnershipCard />, { entity: kafkaEntity });
    expect(
      await screen.findByText(
        'The owner subteam:default/data-platform is not in the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it('renders a DataService without spec', async () => {
    await renderOnEntityPage(<DataServiceOwnershipCard />, {
      entity: halfFilled('DataService'),
    });
    expect(
      await screen.findByText('This service names no owner subteam (spec.owner).'),
    ).toBeInTheDocument();
  });
});
