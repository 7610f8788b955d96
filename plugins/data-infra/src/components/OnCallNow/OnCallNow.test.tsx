import { screen, within } from '@testing-library/react';
import { mockDataInfraApi } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { rootRouteRef } from '../../routes';
import { OnCallNow } from './OnCallNow';

describe('OnCallNow', () => {
  it('shows, from one answer, who is on call per subteam, how to page, what it handles and its runbooks', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<OnCallNow />, { api });
    const platform = (await screen.findByText('Data Platform', { selector: 'a *, a' })).closest('.MuiCard-root') as HTMLElement;
    expect(platform).toHaveTextContent('Primary: Alice Andersen until');
    expect(platform).toHaveTextContent('Secondary: Bob Berg until');
    expect(platform).toHaveTextContent('Chat: #data-platform');
    expect(platform).toHaveTextContent('Page: https://pager.example.com/data-platform');
    expect(within(platform).getAllByRole('listitem').map(li => li.textContent)).toEqual(
      expect.arrayContaining(['Kafka outages', 'HDFS capacity']),
    );
    expect(within(platform).getByRole('link', { name: /^Kafka/ })).toHaveAttribute('href', 'https://runbooks.example.com/kafka');
    expect(platform).toHaveTextContent('and 24 more');
    const mlops = screen.getByText('MLOps', { selector: 'a *, a' }).closest('.MuiCard-root') as HTMLElement;
    expect(mlops).toHaveTextContent('No rotation: alerts follow the escalation policy below.');
    expect(mlops).toHaveTextContent('At once: Dave Diaz');
    expect(mlops).toHaveTextContent('RunbooksNone linked');

    // One request for the whole page, whatever the number of subteams.
    expect(api.getSubteamsOnCall).toHaveBeenCalledTimes(1);
    expect(api.getOnCall).not.toHaveBeenCalled();
    expect(api.getEscalation).not.toHaveBeenCalled();
    expect(api.getServices).not.toHaveBeenCalled();
    expect(api.getAllServices).not.toHaveBeenCalled();
  });

  it('links the runbooks it does not list to the service catalog filtered by owner', async () => {
    await renderOnEntityPage(<OnCallNow />, { mountedRoutes: { '/data-infra': rootRouteRef } });
    expect(await screen.findByRole('link', { name: '24 more in the service catalog' })).toHaveAttribute(
      'href',
      '/data-infra/services?owner=subteam%3Adefault%2Fdata-platform',
    );
  });
});
