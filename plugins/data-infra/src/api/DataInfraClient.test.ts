import { DataInfraClient } from './DataInfraClient';

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Bad Request',
    headers: { 'content-type': 'application/json' },
  });
}

function client(fetchImpl: jest.Mock) {
  return new DataInfraClient({
    discoveryApi: { getBaseUrl: async id => `http://backend/api/${id}` },
    fetchApi: { fetch: fetchImpl },
  });
}

describe('DataInfraClient', () => {
  it('builds the route URLs with their query parameters', async () => {
    const fetch = jest.fn().mockImplementation(async () => jsonResponse({}));
    const api = client(fetch);
    await api.getEscalation('dataservice:default/kafka', { at: '2026-03-10T10:00:00Z' });
    await api.getShifts('rotation:default/data-platform-oncall', { from: 'a', to: 'b' });
    await api.getChecks();
    await api.getServices({ tier: 1, q: 'kafka' });
    await api.getServices({ domain: 'mlops', sort: 'tier', order: 'desc', offset: 100, limit: 50 });
    await api.getOnCall({ owner: 'subteam:default/mlops' });
    await api.getOnCall({ owner: 'subteam:default/mlops', load: true });
    await api.getSubteamsOnCall();
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/data-infra/escalation?entityRef=dataservice%3Adefault%2Fkafka&at=2026-03-10T10%3A00%3A00Z',
      'http://backend/api/data-infra/rotations/default/data-platform-oncall/shifts?from=a&to=b',
      'http://backend/api/data-infra/checks',
      'http://backend/api/data-infra/services?tier=1&q=kafka',
      'http://backend/api/data-infra/services?domain=mlops&sort=tier&order=desc&offset=100&limit=50',
      'http://backend/api/data-infra/oncall?owner=subteam%3Adefault%2Fmlops',
      'http://backend/api/data-infra/oncall?owner=subteam%3Adefault%2Fmlops&load=true',
      'http://backend/api/data-infra/oncall/subteams',
    ]);
    expect(await api.getCalendarUrl('rotation:ops/weekly')).toBe(
      'http://backend/api/data-infra/rotations/ops/weekly/calendar.ics',
    );
  });

  it('reads every matching service in pages of the largest size the backend allows', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(jsonResponse({ items: [{ ref: 'a' }], totalItems: 2, nextCursor: 'c1' }))
      .mockResolvedValueOnce(jsonResponse({ items: [{ ref: 'b' }], totalItems: 2 }));
    const progress = jest.fn();
    const items = await client(fetch).getAllServices({ domain: 'mlops', sort: 'tier', order: 'desc' }, progress);
    expect(items.map(i => i.ref)).toEqual(['a', 'b']);
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/data-infra/services?domain=mlops&sort=tier&order=desc&limit=200',
      'http://backend/api/data-infra/services?domain=mlops&sort=tier&order=desc&cursor=c1&limit=200',
    ]);
    expect(progress.mock.calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('sends a question asked twice at the same time once', async () => {
    let answer: (r: Response) => void = () => {};
    const fetch = jest.fn(() => new Promise<Response>(resolve => (answer = resolve)));
    const api = client(fetch);
    const first = api.getChecks({ entityRef: 'subteam:default/mlops' });
    const second = api.getChecks({ entityRef: 'subteam:default/mlops' });
    await new Promise(resolve => setTimeout(resolve, 0));
    answer(jsonResponse({ groups: [] }));
    expect(await first).toEqual({ groups: [] });
    expect(await second).toEqual({ groups: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
    // Once answered, the next question is asked again.
    fetch.mockImplementation(async () => jsonResponse({ groups: [] }));
    await api.getChecks({ entityRef: 'subteam:default/mlops' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('throws a ResponseError carrying the backend message', async () => {
    const fetch = jest.fn().mockResolvedValue(
      jsonResponse({ error: { name: 'InputError', message: 'Invalid at: not an ISO instant' } }, 400),
    );
    await expect(client(fetch).getOnCall({ at: 'nope' })).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: expect.stringContaining('Invalid at: not an ISO instant') } },
    });
  });
});
