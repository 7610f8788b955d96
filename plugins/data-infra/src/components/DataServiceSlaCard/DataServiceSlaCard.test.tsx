import { screen } from '@testing-library/react';
import { halfFilled, kafkaEntity, mockDataInfraApi } from '../../__testUtils__/fixtures';
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

describe('DataServiceSlaCard with indicators', () => {
  const measuredKafka = {
    ...kafkaEntity,
    spec: {
      ...kafkaEntity.spec,
      sla: {
        ...(kafkaEntity.spec as any).sla,
        indicators: { availability: { good: 'sum(rate(ok[{{.window}}]))', total: 'sum(rate(all[{{.window}}]))' } },
      },
    },
  };
  const measurement = {
    state: 'measured',
    measuredAt: '2026-12-01T12:00:00Z',
    window: '30d',
    availability: {
      target: 99.9,
      achieved: 99.938,
      budgetLeft: 0.38,
      budgetLeftMs: 984_960,
      burnRates: { '5m': 20, '30m': 3, '1h': 16.2, '6h': 2.5, '3d': 0.8 },
      thresholds: { fast: 14.4, slow: 6, ticket: 1 },
      fastBurn: true,
      slowBurn: false,
    },
  };

  it('shows target against achieved, the budget left with its sparkline, and the burn state', async () => {
    const api = mockDataInfraApi({
      getSla: jest.fn().mockResolvedValue({
        entityRef: 'dataservice:default/kafka',
        measurement,
        budgetSeries: [['2026-11-01T12:00:00Z', 1], ['2026-11-20T12:00:00Z', 0.7], ['2026-12-01T12:00:00Z', 0.38]],
      }),
    });
    await renderOnEntityPage(<DataServiceSlaCard />, { entity: measuredKafka as any, api });
    expect(await screen.findByText('Achieved')).toBeInTheDocument();
    expect(api.getSla).toHaveBeenCalledWith('dataservice:default/kafka');
    expect(screen.getByText('Achieved').nextSibling).toHaveTextContent('99.938 % against 99.9 % Burning fast');
    expect(screen.getByText('Budget left').nextSibling).toHaveTextContent('38.0 % (16.4 min)');
    expect(screen.getByRole('img', { name: 'Budget left over 30d: from 100.0 % to 38.0 %' })).toBeInTheDocument();
    expect(screen.getByText('Burn rate').nextSibling).toHaveTextContent('Fast burn · 1 h 16× · 6 h 2.5× · 3 d 0.8×');
    // The declared SLA stays.
    expect(screen.getByText('Availability').nextSibling).toHaveTextContent('99.9 % over 30d');
  });

  it('says metrics are unavailable, and why, beside the declared SLA', async () => {
    const api = mockDataInfraApi({
      getSla: jest.fn().mockResolvedValue({
        entityRef: 'dataservice:default/kafka',
        measurement: { state: 'unavailable', reason: 'Prometheus did not answer within 10 s' },
        budgetSeries: [],
      }),
    });
    await renderOnEntityPage(<DataServiceSlaCard />, { entity: measuredKafka as any, api });
    expect(await screen.findByText('Measured')).toBeInTheDocument();
    expect(screen.getByText('Measured').nextSibling).toHaveTextContent('Metrics unavailable: Prometheus did not answer within 10 s');
    expect(screen.getByText('Error budget').nextSibling).toHaveTextContent('43.2 min of downtime per 30d');
  });

  it('asks nothing of the backend for a service without indicators', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<DataServiceSlaCard />, { entity: kafkaEntity, api });
    expect(api.getSla).not.toHaveBeenCalled();
  });
});
