import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { readDataInfraConfig } from './config';
import { encodeCursor } from './http/params';
import { createRouter } from './http/router';
import type { CalendarSubscriptions } from './service/calendar/CalendarSubscriptions';
import type { DataInfraService } from './service/DataInfraService';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';

/** One concrete request per route; the inventory test checks none is missing. */
const ROUTES: Record<string, string> = {
  '/oncall': '/oncall',
  '/oncall/subteams': '/oncall/subteams',
  '/escalation': '/escalation?entityRef=dataservice:default/kafka',
  '/rotations/:namespace/:name/shifts': '/rotations/default/platform-oncall/shifts',
  '/rotations/:namespace/:name/calendar.ics': '/rotations/default/platform-oncall/calendar.ics',
  '/services': '/services',
  '/map': '/map',
  '/map/subteams': '/map/subteams?domain=data-platform',
  '/map/dependencies': '/map/dependencies?entityRef=dataservice:default/kafka',
  '/checks': '/checks',
  '/sla': '/sla?entityRef=dataservice:default/kafka',
  '/rotations/:namespace/:name/calendar-subscription': '/rotations/default/platform-oncall/calendar-subscription',
  '/people/:namespace/:name/calendar-subscription': '/people/default/alice/calendar-subscription',
  '/people/:namespace/:name/oncall': '/people/default/alice/oncall',
  '/rotation-plan': '/rotation-plan',
};

/** Routes anyone may call: the calendar feed checks its link itself; /health is for probes. */
const PUBLIC_ROUTES = ['/health', '/calendar-feeds/:file'];


describe('route inventory', () => {
  it('lists every route the router registers', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      service: {} as DataInfraService,
      config: readDataInfraConfig(mockServices.rootConfig()),
      calendar: { subscriptions: {} as CalendarSubscriptions, discovery: mockServices.discovery() },
    });
    const registered = (router as any).stack
      .filter((layer: any) => layer.route)
      .map((layer: any) => layer.route.path);
    expect([...new Set(registered)].sort()).toEqual([...Object.keys(ROUTES), ...PUBLIC_ROUTES].sort());
  });

  it.each(Object.entries(ROUTES))('%s answers 401 without credentials', async (_route, path) => {
    const server = await startFixtureBackend();
    const res = await request(server)
      .get(`/api/data-infra${path}`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it.each(['post', 'delete'] as const)('%s of a calendar subscription answers 401 without credentials', async method => {
    const server = await startFixtureBackend();
    const res = await request(server)
      [method]('/api/data-infra/rotations/default/platform-oncall/calendar-subscription')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});

describe('freshness headers', () => {
  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend();
  });

  const answering = Object.entries(ROUTES).filter(([route]) => !route.endsWith('/calendar-subscription'));
  it.each([...answering, ['/services, sorted by budget', '/services?sort=budget&order=desc&offset=1']])(
    '%s says how current the catalog state behind it is',
    async (_route, path) => {
      const res = await request(server).get(`/api/data-infra${path}`);
      expect(res.status).toBe(200);
      expect(res.headers['data-infra-state']).toBe('fresh');
      expect(res.headers['data-infra-state-age']).toMatch(/^\d+$/);
    },
  );
});

describe('malformed requests', () => {
  const otherFilters = encodeCursor(2, JSON.stringify(['mlops', null, null, null]));
  const garbage = Buffer.from('offset=3').toString('base64url');
  const cases: Array<[string, string]> = [
    ['/oncall?at=yesterday', 'at'],
    ['/oncall?at=2026-03-08T09:00', 'at'],
    ['/oncall?at=2026-13-01T00:00:00Z', 'at'],
    ['/oncall?at=2026-03-08T09:00:00Z&at=2026-03-09T09:00:00Z', 'at'],
    ['/escalation', 'entityRef'],
    ['/escalation?entityRef=kafka', 'entityRef'],
    ['/escalation?entityRef=component:default/kafka', 'entityRef'],
    ['/escalation?entityRef=dataservice:default/ka%20fka', 'entityRef'],
    ['/escalation?entityRef=dataservice:default/kafka&at=now', 'at'],
    ['/oncall?owner=subteam:default/platform&load=yes', 'load'],
    ['/rotations/default/platform-oncall/shifts?from=monday', 'from'],
    ['/rotations/default/platform-oncall/shifts?to=2026-02-30T00:00:00Z', 'to'],
    ['/rotations/default/platform-oncall/shifts?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'to'],
    ['/rotations/default/platform-oncall/shifts?from=2026-01-01T00:00:00Z&to=2027-02-05T00:00:00Z', 'to'],
    ['/rotations/b@d/platform-oncall/shifts', 'namespace'],
    ['/rotations/default/-oncall/shifts', 'name'],
    ['/rotations/default/on%20call/calendar.ics', 'name'],
    ['/services?limit=0', 'limit'],
    ['/services?limit=201', 'limit'],
    ['/services?limit=ten', 'limit'],
    ['/services?limit=1.5', 'limit'],
    ['/services?cursor=!!!', 'cursor'],
    [`/services?cursor=${garbage}`, 'cursor'],
    [`/services?cursor=${otherFilters}`, 'cursor'],
    ['/services?tier=4', 'tier'],
    ['/services?domain=finance', 'domain'],
    ['/services?owner=group:default/data-infrastructure', 'owner'],
    [`/services?q=${'x'.repeat(201)}`, 'q'],
    ['/services?sort=name', 'sort'],
    ['/services?sort=title&order=up', 'order'],
    ['/services?offset=-1', 'offset'],
    ['/services?offset=2&cursor=abc', 'offset'],
    ['/oncall?owner=group:default/data-infrastructure', 'owner'],
    ['/oncall?rotation=dataservice:default/kafka', 'rotation'],
    ['/oncall/subteams?at=noon', 'at'],
    ['/map?at=2026', 'at'],
    ['/checks?entityRef=user:default/alice', 'entityRef'],
    ['/checks?flat=yes', 'flat'],
    ['/sla', 'entityRef'],
    ['/sla?entityRef=subteam:default/platform', 'entityRef'],
    ['/sla?entityRef=dataservice:default/k%22afka', 'entityRef'],
    // Instants the time math does not answer for, on every route that takes one.
    ['/rotations/default/platform-oncall/shifts?from=%2B275760-09-01T00:00:00Z', 'from'],
    ['/rotations/default/platform-oncall/shifts?from=2026-01-01T00:00:00Z&to=%2B275760-09-13T00:00:00Z', 'to'],
    ['/oncall?at=%2B275760-09-13T00:00:00Z', 'at'],
    ['/oncall?at=-271821-04-20T00:00:00Z', 'at'],
    ['/oncall?at=1899-12-31T23:59:59Z', 'at'],
    ['/map?at=2200-01-01T00:00:00Z', 'at'],
    ['/map/subteams', 'domain'],
    ['/map/subteams?domain=', 'domain'],
    ['/map/subteams?domain=finance', 'domain'],
    ['/map/subteams?domain=data-platform&domain=mlops', 'domain'],
    ['/map/subteams?domain=data-platform&limit=0', 'limit'],
    ['/map/subteams?domain=data-platform&limit=101', 'limit'],
    ['/map/subteams?domain=data-platform&limit=ten', 'limit'],
    ['/map/subteams?domain=data-platform&offset=-1', 'offset'],
    ['/map/subteams?domain=data-platform&offset=1.5', 'offset'],
    ['/map/subteams?domain=data-platform&at=noon', 'at'],
    ['/map/subteams?domain=data-platform&at=%2B275760-09-13T00:00:00Z', 'at'],
    ['/map/dependencies', 'entityRef'],
    ['/map/dependencies?entityRef=subteam:default/platform', 'entityRef'],
    ['/map/dependencies?entityRef=dataservice:default/ka%20fka', 'entityRef'],
    [`/services?lifecycle=${'x'.repeat(101)}`, 'lifecycle'],
    ['/escalation?entityRef=dataservice:default/kafka&at=%2B010000-01-01T00:00:00Z', 'at'],
    ['/oncall/subteams?at=%2B275760-09-13T00:00:00Z', 'at'],
    ['/oncall/subteams?at=1899-12-31T23:59:59Z', 'at'],
    ['/services?sort=budget&order=sideways', 'order'],
    ['/people/default/alice/oncall?from=2026-01-01T00:00:00Z&to=2026-04-02T00:00:01Z', 'to'],
    ['/people/default/alice/oncall?at=%2B275760-09-13T00:00:00Z', 'at'],
    ['/people/default/al%20ice/oncall', 'name'],
    ['/rotation-plan?at=soon', 'at'],
    ['/rotation-plan?at=2026-03-08T09:00', 'at'],
    ['/rotation-plan?at=%2B275760-09-13T00:00:00Z', 'at'],
  ];

  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend();
  });

  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)('GET %s is a 400 naming %s', async (path, parameter) => {
    const res = await request(server).get(`/api/data-infra${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message.startsWith(`${parameter}:`)).toBe(true);
  });

  it.each(['1900-01-01T00:00:00Z', '2199-12-31T23:59:59Z'])('answers for %s, at the edge of the supported instants', async at => {
    for (const path of [
      `/oncall?at=${at}`,
      `/oncall/subteams?at=${at}`,
      `/map?at=${at}`,
      `/map/subteams?domain=data-platform&at=${at}`,
      `/escalation?entityRef=dataservice:default/kafka&at=${at}`,
      `/rotation-plan?at=${at}`,
    ]) {
      expect((await request(server).get(`/api/data-infra${path}`)).status).toBe(200);
    }
    const shifts = await request(server).get(`/api/data-infra/rotations/default/platform-oncall/shifts?from=${at}`);
    expect(shifts.status).toBe(200);
  });

  it.each([
    '/map/subteams?domain=data-platform&limit=1&offset=0',
    '/map/subteams?domain=data-platform&limit=100&offset=999',
    '/map/dependencies?entityRef=kafka',
    `/services?lifecycle=${'x'.repeat(100)}`,
  ])('accepts GET %s, at the edge of its parameters', async path => {
    expect((await request(server).get(`/api/data-infra${path}`)).status).toBe(200);
  });

  it('accepts the 366-day window exactly', async () => {
    const res = await request(server).get(
      '/api/data-infra/rotations/default/platform-oncall/shifts?from=2026-01-01T00:00:00Z&to=2027-01-02T00:00:00Z',
    );
    expect(res.status).toBe(200);
  });
});
