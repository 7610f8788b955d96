/*
 * Faults and load a catalog author or an outage can cause: the catalog
 * failing and recovering (answers keep coming, marked stale, then fresh;
 * one log line per change), and 10,000 distinct instants asked of /map
 * (the memos stay within their byte budget).
 */
import { coreServices, createServiceFactory, LoggerService } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { dataInfraPlugin } from './plugin';
import { fixtureEntities } from './__testUtils__/fixtures';

/** A catalog that fails every call while `down` is set. */
function unreliableCatalog(down = false) {
  const inner = catalogServiceMock({ entities: fixtureEntities });
  const state = { down };
  const catalog = new Proxy(inner, {
    get(target, name) {
      const value = (target as any)[name];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (state.down) return Promise.reject(new Error('connect ECONNREFUSED catalog'));
        return value.apply(target, args);
      };
    },
  });
  return { state, factory: createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }) };
}

/** A logger that keeps what it is told. */
function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const logger: LoggerService = {
    error: message => void lines.push({ level: 'error', message }),
    warn: message => void lines.push({ level: 'warn', message }),
    info: message => void lines.push({ level: 'info', message }),
    debug: message => void lines.push({ level: 'debug', message }),
    child: () => logger,
  };
  return { lines, factory: createServiceFactory({ service: coreServices.logger, deps: {}, factory: () => logger }) };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The plugin over an unreliable catalog; with `down`, the catalog is down from the start. */
async function start(config: object, options?: { down?: boolean }) {
  const catalog = unreliableCatalog(options?.down);
  const log = recordingLogger();
  const { server } = await startTestBackend({
    features: [dataInfraPlugin, catalog.factory, log.factory, mockServices.rootConfig.factory({ data: { dataInfra: config } })],
  });
  return { server, catalog: catalog.state, log: log.lines };
}

describe('when the catalog fails and recovers', () => {
  it('keeps answering, marked stale with the age of its state, then fresh; logs each change once; backs off', async () => {
    // Refresh every 0.2 s; answers are not reused between requests.
    const { server, catalog, log } = await start({ cache: { refresh: 0.2, callerTtl: 0 } });
    const oncall = () => request(server).get('/api/data-infra/oncall?at=2026-03-04T12:00:00Z');
    const health = async () => (await request(server).get('/api/data-infra/health')).body;

    const first = await oncall();
    expect(first.status).toBe(200);
    expect(first.headers['data-infra-state']).toBe('fresh');
    expect(first.headers['data-infra-state-age']).toBe('0');
    expect(await health()).toMatchObject({ status: 'ok', failedRefreshes: 0 });

    catalog.down = true;
    const during: request.Response[] = [];
    for (let i = 0; i < 20; i++) {
      await sleep(100);
      during.push(await oncall());
    }
    // Every request was answered, with the last state's people on call.
    expect(during.every(r => r.status === 200)).toBe(true);
    expect(during.every(r => JSON.stringify(r.body.rotations) === JSON.stringify(first.body.rotations))).toBe(true);
    const last = during[during.length - 1];
    expect(last.headers['data-infra-state']).toBe('stale');
    expect(Number(last.headers['data-infra-state-age'])).toBeGreaterThanOrEqual(1);
    const stale = await health();
    expect(stale.status).toBe('stale');
    // Backing off: in 2 s of requests every 0.1 s, a handful of attempts
    // (after 0.4, 0.8, 1.6 s…), not one per request.
    expect(stale.failedRefreshes).toBeGreaterThanOrEqual(2);
    expect(stale.failedRefreshes).toBeLessThanOrEqual(4);
    expect(log.filter(l => l.level === 'warn' && /refreshing the shared catalog state failed/.test(l.message))).toHaveLength(1);

    catalog.down = false;
    // The next attempt is at most one back-off (≤ 3.2 s here) away.
    let after = await oncall();
    for (let i = 0; i < 60 && after.headers['data-infra-state'] !== 'fresh'; i++) {
      await sleep(100);
      after = await oncall();
    }
    expect(after.status).toBe(200);
    expect(after.headers['data-infra-state']).toBe('fresh');
    expect(await health()).toMatchObject({ status: 'ok', failedRefreshes: 0 });
    expect(log.filter(l => l.level === 'info' && /fresh again/.test(l.message))).toHaveLength(1);
    expect(log.filter(l => l.level === 'warn')).toHaveLength(1);
  });

  it('answers 503 naming the retry while it has never loaded, then recovers', async () => {
    // Down from the start: the state the plugin loads as it starts (cache.warm) fails too.
    const { server, catalog } = await start({ cache: { refresh: 0.2, callerTtl: 0 } }, { down: true });
    const refused = await request(server).get('/api/data-infra/oncall');
    expect(refused.status).toBe(503);
    const again = await request(server).get('/api/data-infra/oncall');
    expect(again.status).toBe(503);
    expect(again.body.error.message).toMatch(/could not be loaded yet \(Error: connect ECONNREFUSED catalog\); retrying in \d+ s/);
    const health = await request(server).get('/api/data-infra/health');
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('unavailable');

    catalog.down = false;
    let res = await request(server).get('/api/data-infra/oncall');
    for (let i = 0; i < 30 && res.status !== 200; i++) {
      await sleep(100);
      res = await request(server).get('/api/data-infra/oncall');
    }
    expect(res.status).toBe(200);
    expect((await request(server).get('/api/data-infra/health')).body.status).toBe('ok');
  });
});

describe('ahead of the first request', () => {
  const health = async (server: Parameters<typeof request>[0]) =>
    (await request(server).get('/api/data-infra/health')).body;

  it('loads its state as it starts, so no request waits for it (cache.warm, the default)', async () => {
    const { server } = await start({ cache: { callerTtl: 0 } });
    // Only /health is asked, which reads nothing.
    let body = await health(server);
    for (let i = 0; i < 50 && body.status !== 'ok'; i++) {
      await sleep(100);
      body = await health(server);
    }
    expect(body).toMatchObject({ status: 'ok', failedRefreshes: 0 });
  });

  it('leaves it to the first request with cache.warm: false', async () => {
    const { server } = await start({ cache: { callerTtl: 0, warm: false } });
    await sleep(1000);
    expect((await health(server)).status).toBe('loading');
    expect((await request(server).get('/api/data-infra/oncall')).status).toBe(200);
    expect((await health(server)).status).toBe('ok');
  });
});

describe('the memory budget', () => {
  it('holds while /map is asked about 10,000 distinct instants, by its own byte count', async () => {
    const maxBytes = 1024 * 1024;
    // Answers would be kept a minute: only the budget limits them.
    const { server } = await start({ cache: { maxBytes, callerTtl: 60 } });
    const first = Date.parse('2026-03-01T00:00:00Z');
    let bodies = 0;
    for (let batch = 0; batch < 10_000; batch += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          request(server).get(`/api/data-infra/map?at=${new Date(first + (batch + i) * 61_000).toISOString()}`),
        ),
      );
      for (const res of answers) {
        expect(res.status).toBe(200);
        bodies += res.text.length;
      }
    }
    const { cache } = (await request(server).get('/api/data-infra/health')).body;
    // Kept, the 10,000 bodies would be many times the budget.
    expect(bodies).toBeGreaterThan(10 * maxBytes);
    expect(cache.maxBytes).toBe(maxBytes);
    expect(cache.peakBytes).toBeLessThanOrEqual(maxBytes);
    expect(cache.usedBytes).toBeLessThanOrEqual(maxBytes);
    expect(cache.usedBytes).toBeGreaterThan(maxBytes / 2);
    expect(cache.evictions).toBeGreaterThan(5000);
    expect(cache.entries).toBeLessThan(10_000);
  }, 180_000);
});
