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
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/data-infra/escalation?entityRef=dataservice%3Adefault%2Fkafka&at=2026-03-10T10%3A00%3A00Z',
      'http://backend/api/data-infra/rotations/default/data-platform-oncall/shifts?from=a&to=b',
      'http://backend/api/data-infra/checks',
      'http://backend/api/data-infra/services?tier=1&q=kafka',
    ]);
    expect(await api.getCalendarUrl('rotation:ops/weekly')).toBe(
      'http://backend/api/data-infra/rotations/ops/weekly/calendar.ics',
    );
  });

  it('follows cursors to read every service', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(jsonResponse({ items: [{ ref: 'a' }], totalItems: 2, nextCursor: 'c1' }))
      .mockResolvedValueOnce(jsonResponse({ items: [{ ref: 'b' }], totalItems: 2 }));
    const items = await client(fetch).getAllServices({ domain: 'mlops' });
    expect(items.map(i => i.ref)).toEqual(['a', 'b']);
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backend/api/data-infra/services?domain=mlops&cursor=c1&limit=200',
    );
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
