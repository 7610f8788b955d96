/*
 * Measured SLAs against a real Prometheus: a month of the seed's exporter
 * metrics with known incidents (packages/prometheus-testkit), made into a
 * TSDB by promtool, served by Prometheus on loopback, asked by the backend.
 * Every expected figure is computed here from the scenario's minutes, not
 * from any query.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  buildTsdb,
  demoMetrics,
  DemoMetrics,
  gaugeAt,
  increaseInWindow,
  prometheusToolsOrSkip,
  RunningPrometheus,
  startPrometheus,
  writeOpenMetrics,
} from '@internal/prometheus-testkit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { dataInfraPlugin } from './plugin';
import { seedEntities } from './__testUtils__/seedCatalog';

const tools = prometheusToolsOrSkip('measured SLAs against a real Prometheus');
const describeWithPrometheus = tools ? describe : describe.skip;

const MINUTE = 60_000;
const WINDOWS: Record<string, number> = {
  '5m': 5 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': 60 * MINUTE,
  '6h': 360 * MINUTE,
  '3d': 3 * 1440 * MINUTE,
  '30d': 30 * 1440 * MINUTE,
};

/** Kafka's bad-event fraction over a window, from the scenario's counters. */
function kafkaErrorRatio(demo: DemoMetrics, at: number, windowMs: number): number {
  const inc = (family: string) => increaseInWindow(demo, `kafka_server_brokertopicmetrics_${family}_total`, at, windowMs);
  const total = inc('totalproducerequests') + inc('totalfetchrequests');
  return (inc('failedproducerequests') + inc('failedfetchrequests')) / total;
}

function trinoErrorRatio(demo: DemoMetrics, at: number, windowMs: number): number {
  const inc = (name: string) => increaseInWindow(demo, `trino_execution_name_QueryManager_${name}_TotalCount`, at, windowMs);
  return inc('InternalFailures') / inc('StartedQueries');
}

describeWithPrometheus('measured SLAs (real Prometheus)', () => {
  let prometheus: RunningPrometheus;
  let demo: DemoMetrics;
  let server: any;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-prometheus-'));
    demo = demoMetrics(Date.now());
    writeOpenMetrics(path.join(dir, 'metrics.om'), demo.families);
    await buildTsdb(tools!, path.join(dir, 'metrics.om'), path.join(dir, 'data'));
    prometheus = await startPrometheus(tools!, { dataDir: path.join(dir, 'data') });
    ({ server } = await startTestBackend({
      features: [
        dataInfraPlugin,
        catalogServiceMock.factory({ entities: seedEntities() }),
        mockServices.rootConfig.factory({
          data: { dataInfra: { metrics: { prometheus: { baseUrl: prometheus.url }, wait: 30 } } },
        }),
      ],
    }));
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports Kafka's exact achieved availability, budget left and burn rates", async () => {
    const res = await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/kafka');
    expect(res.status).toBe(200);
    const m = res.body.measurement;
    expect(m.state).toBe('measured');
    const at = Date.parse(m.measuredAt);
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    const budget = 0.0005; // 99.95 %
    const ratio30d = kafkaErrorRatio(demo, at, WINDOWS['30d']);
    // The incident 10 days ago (3,000 failed produce requests) and a failed
    // fetch every 20 minutes, out of 600 requests a minute.
    expect(ratio30d).toBeGreaterThan(0.0001);
    expect(m.availability.target).toBe(99.95);
    expect(m.availability.achieved).toBeCloseTo((1 - ratio30d) * 100, 9);
    expect(m.availability.budgetLeft).toBeCloseTo(1 - ratio30d / budget, 9);
    expect(m.availability.budgetLeftMs).toBeCloseTo((1 - ratio30d / budget) * budget * WINDOWS['30d'], -1);
    for (const w of ['5m', '30m', '1h', '6h', '3d']) {
      expect([w, m.availability.burnRates[w]]).toEqual([w, expect.closeTo(kafkaErrorRatio(demo, at, WINDOWS[w]) / budget, 6)]);
    }
    expect(m.availability).toMatchObject({ thresholds: { fast: 14.4, slow: 6, ticket: 1 }, fastBurn: false, slowBurn: false });
    // The sparkline ends where the budget stands, counted from the window's start.
    expect(res.body.budgetSeries).toHaveLength(60);
    const [, last] = res.body.budgetSeries[59];
    expect(last).toBeCloseTo(m.availability.budgetLeft, 1);
    expect(res.body.budgetSeries[0][1]).toBeGreaterThanOrEqual(last);
  });

  it('raises a fast burn for the incident Trino is in, with the exact burn rates', async () => {
    const sla = (await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/trino')).body.measurement;
    const at = Date.parse(sla.measuredAt);
    for (const w of ['5m', '1h']) {
      const expected = trinoErrorRatio(demo, at, WINDOWS[w]) / 0.0005;
      expect(expected).toBeGreaterThan(14.4);
      expect(sla.availability.burnRates[w]).toBeCloseTo(expected, 6);
    }
    expect(sla.availability.fastBurn).toBe(true);
    // p99 execution time is 95 s (Trino reports milliseconds), over the 60 s threshold.
    expect(sla.latency).toEqual({ seconds: 95, thresholdSeconds: 60, breached: true });
    // With the other checks, grouped like them (each measured finding is its service's own).
    const groups = (await request(server).get('/api/data-infra/checks?entityRef=dataservice:default/trino')).body.groups;
    const measured = groups.filter((g: any) => g.check.startsWith('sla-'));
    expect(measured.map((g: any) => g.check)).toEqual(expect.arrayContaining(['sla-fast-burn', 'sla-latency-breached']));
    expect(measured.every((g: any) => g.subjectRef === 'dataservice:default/trino' && g.affected.length === 1)).toBe(true);
    // The error (fast burn) comes before the warnings.
    expect(groups[0]).toMatchObject({ check: 'sla-fast-burn', severity: 'error' });
  });

  it('measures freshness and latency, and an exhausted budget', async () => {
    const cdc = (await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/cdc-ingestion')).body.measurement;
    const at = Date.parse(cdc.measuredAt);
    expect(cdc.freshness).toEqual({
      lagSeconds: gaugeAt(demo, 'debezium_metrics_millisecondsbehindsource', at) / 1000,
      targetSeconds: 900,
      breached: true,
    });
    // 40 minutes disconnected 3 days ago against a 21.6-minute budget.
    expect(cdc.availability.budgetLeft).toBeLessThan(0);
    const vllm = (await request(server).get('/api/data-infra/sla?entityRef=dataservice:default/vllm')).body.measurement;
    // 59 of 60 requests a minute under 20 s, the 60th under 40 s: p99 is 20 + 20 × 0.4.
    expect(vllm.latency.seconds).toBeCloseTo(28, 9);
    expect(vllm.latency).toMatchObject({ percentile: 99, thresholdSeconds: 30, breached: false });
  });

  it('puts the budget left on /services rows (the map\'s tiles), and the findings with the checks', async () => {
    const services = (await request(server).get('/api/data-infra/services?limit=200')).body.items;
    const row = (name: string) => services.find((s: any) => s.name === name);
    expect(row('trino').measured.status).toBe('burning');
    expect(row('cdc-ingestion').measured.status).toBe('exhausted');
    expect(row('cdc-ingestion').worstFinding).toBe('error');
    expect(row('hdfs').measured).toEqual({ status: 'healthy', budgetLeft: 1, achieved: 100 });
    expect(row('kafka').measured.budgetLeft).toBeGreaterThan(0.25);
    expect(row('spark').measured).toBeUndefined();
    // The map's tiles are the rows of /services?domain=; its summary shows the legend.
    const map = (await request(server).get('/api/data-infra/map')).body;
    expect(map.measured).toBe(true);
    const trino = services.find((s: any) => s.name === 'trino');
    const tiles = (await request(server).get(`/api/data-infra/services?domain=${trino.domain}&limit=200`)).body.items;
    expect(tiles.find((t: any) => t.ref === 'dataservice:default/trino').measured.status).toBe('burning');
    // The measured findings are counted with the rest, for the domain they are about.
    const domain = map.domains.find((d: any) => d.id === trino.domain);
    expect(domain.findings.error).toBeGreaterThanOrEqual(1);
    const all = (await request(server).get('/api/data-infra/checks?flat=true')).body.findings;
    expect(all.filter((f: any) => f.check.startsWith('sla-')).map((f: any) => `${f.entityRef} ${f.check}`)).toEqual([
      'dataservice:default/cdc-ingestion sla-budget-exhausted',
      'dataservice:default/cdc-ingestion sla-freshness-breached',
      'dataservice:default/trino sla-fast-burn',
      'dataservice:default/trino sla-latency-breached',
      // 40 minutes at 10 % is also 22× over 6 h and 200× over 30 m.
      'dataservice:default/trino sla-slow-burn',
    ]);
    const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const f of all) counts[f.severity] += 1;
    expect(map.totals.findings).toEqual(counts);
    const groups = (await request(server).get('/api/data-infra/checks')).body.groups;
    expect(groups.filter((g: any) => g.check.startsWith('sla-')).map((g: any) => `${g.subjectRef} ${g.check}`).sort()).toEqual(
      all.filter((f: any) => f.check.startsWith('sla-')).map((f: any) => `${f.entityRef} ${f.check}`),
    );
  });

  it('sorts /services by the budget left on the server: least first, services without a figure last in either order', async () => {
    const read = async (query: string) => (await request(server).get(`/api/data-infra/services?sort=budget&${query}`)).body.items;
    for (const order of ['asc', 'desc'] as const) {
      const figures: Array<number | undefined> = (await read(`order=${order}&limit=200`)).map((s: any) => s.measured?.budgetLeft);
      const unmeasured = figures.indexOf(undefined);
      expect(unmeasured).toBeGreaterThanOrEqual(5);
      const measured = figures.slice(0, unmeasured) as number[];
      expect(measured).toEqual([...measured].sort((a, b) => (order === 'asc' ? a - b : b - a)));
      expect(figures.slice(unmeasured).every(f => f === undefined)).toBe(true);
    }
    const all = await read('order=asc&limit=200');
    expect(all[0].name).toBe('cdc-ingestion');
    // Pages continue the same order.
    const second = await read('order=asc&offset=2&limit=2');
    expect(second.map((s: any) => s.ref)).toEqual(all.slice(2, 4).map((s: any) => s.ref));
  });
});
