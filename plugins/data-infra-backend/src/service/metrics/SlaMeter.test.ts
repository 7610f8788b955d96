/*
 * What a page sees when Prometheus is slow, hung, absent or rejects a
 * query: answers in bounded time, "metrics unavailable" as a state, and
 * the other services still measured.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { dataInfraPlugin } from '../../plugin';
import { fixtureEntities } from '../../__testUtils__/fixtures';

const indicators = (metric: string) => ({
  availability: 99.9,
  window: '30d',
  indicators: {
    availability: { good: `sum(rate(${metric}_good[{{.window}}]))`, total: `sum(rate(${metric}_total[{{.window}}]))` },
  },
});

function service(name: string, sla: object): Entity {
  return {
    apiVersion: 'data-infra.io/v1alpha1',
    kind: 'DataService',
    metadata: { name, namespace: 'default' },
    spec: { type: 'streaming', lifecycle: 'production', owner: 'subteam:default/platform', sla },
  } as Entity;
}

const entities = [
  ...fixtureEntities,
  service('measured-a', indicators('a')),
  service('measured-b', indicators('broken')),
  service('measured-c', indicators('c')),
];

async function start(metrics?: object) {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: metrics ? { dataInfra: { metrics } } : {} }),
    ],
  });
  return server;
}

const measuredOf = (body: any, name: string) => body.items.find((s: any) => s.name === name)?.measured;

describe('a Prometheus that never answers', () => {
  let hung: net.Server;
  const sockets: net.Socket[] = [];
  let port: number;
  beforeAll(async () => {
    // Accepts connections and never says a word.
    hung = net.createServer(socket => sockets.push(socket));
    await new Promise<void>(resolve => hung.listen(0, '127.0.0.1', () => resolve()));
    port = (hung.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    sockets.forEach(s => s.destroy());
    await new Promise(resolve => hung.close(resolve));
  });

  it('cannot stall a page: answers come within the wait, marked unavailable, then say why', async () => {
    const server = await start({ prometheus: { baseUrl: `http://127.0.0.1:${port}`, timeout: 1 }, wait: 0.3, refresh: 60 });
    const started = Date.now();
    const first = await request(server).get('/api/data-infra/services');
    expect(first.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(measuredOf(first.body, 'measured-a')).toEqual({
      status: 'unavailable',
      reason: 'Prometheus has not answered yet (waited 0.3 s); measuring…',
    });
    // The declared SLA is still there.
    expect(first.body.items.find((s: any) => s.name === 'measured-a').sla.availability).toBe(99.9);
    const map = await request(server).get('/api/data-infra/map');
    expect(map.status).toBe(200);
    // Once the query timed out, the reason is Prometheus's silence.
    await new Promise(r => setTimeout(r, 1500));
    const later = await request(server).get('/api/data-infra/sla?entityRef=measured-a');
    expect(later.body.measurement).toEqual({ state: 'unavailable', reason: 'Prometheus did not answer within 1 s' });
    expect(later.body.budgetSeries).toEqual([]);
    // One query was tried for the whole batch, not one per service.
    expect(sockets.length).toBeLessThanOrEqual(3);
  });
});

describe('a Prometheus that rejects one service’s query', () => {
  let stub: http.Server;
  let url: string;
  const queries: string[] = [];
  beforeAll(async () => {
    // Answers like Prometheus: a batch naming broken_* is a 400 bad_data;
    // otherwise every label_replace'd item gets one sample.
    stub = http.createServer((req, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        const query = new URLSearchParams(body).get('query') ?? '';
        queries.push(query);
        res.setHeader('Content-Type', 'application/json');
        if (query.includes('broken_')) {
          res.statusCode = 400;
          res.end(JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'unknown function broken' }));
          return;
        }
        const items = [...query.matchAll(/"data_infra_i", "(\d+)"/g)].map(m => m[1]);
        res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: items.map(i => ({ metric: { data_infra_i: i }, value: [0, '0.0002'] })) } }));
      });
    });
    await new Promise<void>(resolve => stub.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(stub.address() as net.AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => stub.close(resolve)));

  it('measures the others and says which indicators Prometheus rejected', async () => {
    const server = await start({ prometheus: { baseUrl: url }, wait: 10 });
    const res = await request(server).get('/api/data-infra/services');
    expect(measuredOf(res.body, 'measured-a')).toEqual({ status: 'healthy', budgetLeft: 0.8, achieved: 99.98 });
    expect(measuredOf(res.body, 'measured-c')).toEqual({ status: 'healthy', budgetLeft: 0.8, achieved: 99.98 });
    expect(measuredOf(res.body, 'measured-b')).toEqual({
      status: 'unavailable',
      reason: "Prometheus rejected this service's indicators: Prometheus answered 400: bad_data: unknown function broken",
    });
    // Six windows; each batch of three is split to find the culprit (3 + 2 queries)
    // the first time, and measured-b is left out of later windows.
    expect(queries.length).toBeLessThanOrEqual(6 * 3);
    // Services without indicators carry no measured figure.
    expect(measuredOf(res.body, 'kafka')).toBeUndefined();
  });
});

describe('no Prometheus configured', () => {
  it('shows declared SLAs, and measured ones as unavailable with the config key to set', async () => {
    const server = await start();
    const res = await request(server).get('/api/data-infra/services');
    expect(measuredOf(res.body, 'measured-a')).toEqual({
      status: 'unavailable',
      reason: 'No Prometheus is configured (dataInfra.metrics.prometheus.baseUrl).',
    });
    const sla = await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/measured-a');
    expect(sla.status).toBe(200);
    expect((await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/nope')).status).toBe(404);
    expect((await request(server).get('/api/data-infra/sla?entityRef=subteam:default/platform')).status).toBe(400);
  });
});
