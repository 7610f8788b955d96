import { screen } from '@testing-library/react';
import { halfFilled, kafkaEntity } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { DataServiceSlaCard } from './DataServiceSlaCard';

describe('DataServiceSlaCard', () => {
  it('shows availability, the error budget it allows and response times', async () => {
    await renderOnEntityPage(<DataServiceSlaCard />, { entity: kafkaEntity });
    expect(screen.getByText('Availability').nextSibling).toHaveTextContent('99.9 % over 30d');
    expect(screen.getByText('Error budget').nextSibling).toHaveTextContent(
      '43.2 min of downtime per 30d',
    );
    expect(screen.getByText('Support hours').nextSibling).toHaveTextContent('24x7');
    expect(screen.getByText('RPO / RTO').nextSibling).toHaveTextContent('5 min / 1 h');
    const sev1 = screen.getByRole('row', { name: /sev1/ });
    expect(sev1).toHaveTextContent('sev115 min4 h');
  });

  it('says when a service declares no SLA', async () => {
    await renderOnEntityPage(<DataServiceSlaCard />, { entity: halfFilled('DataService') });
    expect(screen.getByText('This service declares no SLA (spec.sla).')).toBeInTheDocument();
  });
});
