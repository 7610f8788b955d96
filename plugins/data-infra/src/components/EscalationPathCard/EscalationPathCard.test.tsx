import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import {
  halfFilled,
  kafkaEntity,
  kafkaEscalation,
  mockDataInfraApi,
} from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { EscalationPathCard } from './EscalationPathCard';

describe('EscalationPathCard', () => {
  it('lists the levels in order with their delays and the people reached', async () => {
    await renderOnEntityPage(<EscalationPathCard />, { entity: kafkaEntity });

    const level1 = await screen.findByText(/Level 1:/);
    expect(level1).toHaveTextContent('Level 1: Primary of rotation Data Platform on-call');
    expect(screen.getByText('At once')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alice Andersen' })).toBeInTheDocument();
    expect(screen.getByText('After 15 min')).toBeInTheDocument();
    expect(screen.getByText(/Level 2:/)).toHaveTextContent('Secondary of rotation');
    expect(screen.getByRole('link', { name: 'Bob Berg' })).toBeInTheDocument();
    expect(screen.getByText(/policy inherited from/)).toBeInTheDocument();
    expect(screen.getByText(/repeats 1 time/)).toBeInTheDocument();
  });

  it('warns about a level that reaches nobody', async () => {
    await renderOnEntityPage(<EscalationPathCard />, { entity: kafkaEntity });
    expect(
      await screen.findByText(
        'Nobody is reached at this level: the subteam has no lead',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('After 30 min')).toBeInTheDocument();
  });

  it('asks again for another time picked in the datetime input', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<EscalationPathCard />, { entity: kafkaEntity, api });
    await screen.findByText(/Level 1:/);
    expect(api.getEscalation).toHaveBeenLastCalledWith(
      'dataservice:default/kafka',
      undefined,
    );

    fireEvent.change(screen.getByLabelText('At another time'), {
      target: { value: '2026-03-14T03:00' },
    });

    await waitFor(() =>
      expect(api.getEscalation).toHaveBeenLastCalledWith(
        'dataservice:default/kafka',
        { at: expect.stringMatching(/^2026-03-1[34]T\d\d:00:00Z$/) },
      ),
    );
  });

  it('shows the backend error', async () => {
    const response = new Response(JSON.stringify({ error: { name: 'NotFoundError', message: 'no such entity' } }), {
      status: 404,
      statusText: 'Not Found',
      headers: { 'content-type': 'application/json' },
    });
    const error = await ResponseError.fromResponse(response as any);
    const api = mockDataInfraApi({ getEscalation: jest.fn().mockRejectedValue(error) });
    await renderOnEntityPage(<EscalationPathCard />, { entity: kafkaEntity, api });
    expect((await screen.findAllByText(/no such entity/)).length).toBeGreaterThan(0);
  });

  it('says when no policy applies, also for an entity without spec', async () => {
    const api = mockDataInfraApi({
      getEscalation: jest.fn().mockResolvedValue({
        ...kafkaEscalation,
        levels: [],
        firstReachableAfterMs: null,
      }),
    });
    await renderOnEntityPage(<EscalationPathCard />, {
      entity: halfFilled('DataService'),
      api,
    });
    expect(
      await screen.findByText(/No escalation policy applies to this entity/),
    ).toBeInTheDocument();
  });
});
