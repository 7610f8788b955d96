/*
 * The cost of measured SLAs: GET /services at 10,000 DataServices with
 * availability indicators, against a real Prometheus holding a month of
 * their metrics. Run through the toolchain (not part of `make test`):
 *
 *   scripts/with-toolchain node --require @backstage/cli/config/nodeTransform.cjs bench/sla.ts [--services 10000] [--shards 50]
 *
 * Reports /services latency with autocannon, the Prometheus queries sent
 * per request and per measurement cycle (counted by Prometheus itself:
 * prometheus_http_requests_total of /api/v1/query), and how long a cycle
 * takes. Each service's indicator reads the counters of one of `shards`
 * series pairs, one sample a minute for 31 days.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  buildTsdb,
  findPrometheusTools,
  startPrometheus,
  writeOpenMetrics,
  MetricFamily,
} from '../packages/prometheus-testkit/src';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SERVICES = Number(opt('services', '10000'));
const SHARDS = Number(opt('shards', '50'));
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise(resolve => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A month of requests and errors per shard: 1,000 requests a minute, 0.02 % failing. */
function families(now: number): MetricFamily[] {
  const first = Math.floor(now / 60_000) * 60_000 - 31 * 86_400_000;
  const times: number[] = [];
  for (let t = first + 500; t <= now + 3_600_000; t += 60_000) times.push(t / 1000);
  const counter = (perMinute: (i: number, shard: number) => number) => (shard: number) => ({
    labels: { shard: String(shard) },
    samples: (function* samples() {
      let v = 1e9;
      for (let i = 0; i < times.length; i++) {
        v += perMinute(i, shard);
        yield [times[i], v] as [number, number];
      }
    })(),
  });
  const shards = Array.from({ length: SHARDS }, (_, s) => s);
  return [
    { name: 'bench_requests_total', help: 'bench', series: shards.map(counter(() => 1000)) },
    { name: 'bench_errors_total', help: 'bench', series: shards.map(counter((i, s) => ((i + s) % 5 === 0 ? 1 : 0))) },
  ];
}

/** What Prometheus says it has answered on its query endpoints. */
async function prometheusQueries(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let n = 0;
  for (const line of text.split('\n')) {
    const m = /^prometheus_http_requests_total\{[^}]*handler="\/api\/v1\/query(_range)?"[^}]*\} (\S+)/.exec(line);
    if (m) n += Number(m[2]);
  }
  return n;
}

async function main() {
  const tools = findPrometheusTools();
  if ('missing' in tools) throw new Error(tools.missing);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-infra-sla-bench-'));
  const started = Date.now();
  const samples = writeOpenMetrics(path.join(dir, 'bench.om'), families(Date.now()));
  await buildTsdb(tools, path.join(dir, 'bench.om'), path.join(dir, 'data'));
  fs.rmSync(path.join(dir, 'bench.om'));
  const prometheus = await startPrometheus(tools, { dataDir: path.join(dir, 'data') });
  console.error(`TSDB: ${samples} samples in ${Date.now() - started} ms; Prometheus on ${prometheus.url}`);

  const catalogDir = path.join(dir, 'catalog');
  execFileSync('node', [path.join(root, 'bench', 'generate.mjs'), '--out', catalogDir, '--services', String(SERVICES), '--rotations', String(SERVICES / 10), '--subteams', String(SERVICES / 50), '--indicators', String(SHARDS)], { stdio: 'inherit' });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify({
    backend: { baseUrl, listen: { port }, database: { client: 'better-sqlite3', connection: ':memory:' } },
    app: { baseUrl },
    catalog: {
      locations: [{ type: 'file', target: path.join(catalogDir, 'all.yaml') }],
      rules: [{ allow: ['Component', 'Resource', 'Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation'] }],
    },
    search: { collators: { catalog: { schedule: { frequency: { hours: 24 }, timeout: { minutes: 10 }, initialDelay: { hours: 24 } } } } },
    // A refresh longer than the run: the warm load shows what requests cost, the
    // first cycle what measuring costs.
    dataInfra: { metrics: { prometheus: { baseUrl: prometheus.url, timeout: 30 }, refresh: 600, wait: 2 } },
  }));
  // The backend's log goes to bench/results/ (git-ignored) for a look after the run.
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const logFile = path.join(root, 'bench', 'results', 'sla-backend.log');
  const logFd = fs.openSync(logFile, 'w');
  const child = spawn(path.join(root, 'scripts', 'run-backend'), ['--config', path.join(root, 'app-config.yaml'), '--config', configFile], { cwd: root, detached: true, stdio: ['ignore', logFd, logFd] });
  const log = () => fs.readFileSync(logFile, 'utf8').slice(-5000);
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // gone
    }
    await prometheus.stop();
  };
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`backend exited: ${log()}`);
      try {
        if ((await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok) break;
      } catch {
        // not yet
      }
      await sleep(500);
    }
    const token = (await (await fetch(`${baseUrl}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).backstageIdentity.token;
    const headers = { Authorization: `Bearer ${token}` };
    const get = async (p: string) => (await fetch(`${baseUrl}${p}`, { headers })).json();
    // Ingested: every service in the catalog (asked of the catalog, so no
    // measurement starts before the cold request below).
    for (;;) {
      const body = await get('/api/catalog/entities/by-query?filter=kind=dataservice&limit=1&fields=metadata.name');
      if (body.totalItems >= SERVICES) break;
      await sleep(2000);
    }
    console.error(`catalog of ${SERVICES} services ready after ${Math.round((Date.now() - started) / 1000)} s`);

    // Cold: the first request starts the first cycle and waits at most `wait`.
    let before = await prometheusQueries(prometheus.url);
    let t0 = Date.now();
    const cold = await get('/api/data-infra/services?limit=200');
    const coldMs = Date.now() - t0;
    const coldMeasured = cold.items.filter((r: any) => r.measured?.status !== 'unavailable').length;
    // The cycle, measured from outside: until every row on a page is measured.
    for (;;) {
      const page = await get('/api/data-infra/services?limit=200');
      if (page.items.every((r: any) => r.measured && r.measured.status !== 'unavailable')) break;
      if (child.exitCode !== null) throw new Error(`backend exited: ${log()}`);
      await sleep(5000);
    }
    const cycleMs = Date.now() - t0;
    const cycleQueries = (await prometheusQueries(prometheus.url)) - before;
    const last = await get('/api/data-infra/services?limit=1&cursor=' + encodeURIComponent((await get('/api/data-infra/services?limit=200')).nextCursor ?? ''));

    // Warm: 20 s at 10 connections, as pages ask (limit 200).
    before = await prometheusQueries(prometheus.url);
    const times: number[] = [];
    const instance = autocannon({ url: `${baseUrl}/api/data-infra/services?limit=200`, connections: 10, duration: 20, headers });
    instance.on('response', (_c: any, _s: any, _b: any, rt: number) => times.push(rt));
    const result = await instance;
    const warmQueries = (await prometheusQueries(prometheus.url)) - before;
    times.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 10) / 10;
    const report = {
      services: SERVICES,
      shards: SHARDS,
      coldFirstRequestMs: coldMs,
      coldRowsMeasured: `${coldMeasured} of ${cold.items.length}`,
      firstCycleMs: cycleMs,
      queriesPerCycle: cycleQueries,
      warm: { requests: times.length, p50: pct(50), p95: pct(95), p99: pct(99), rps: Math.round(result.requests.average), non2xx: result.non2xx },
      warmPrometheusQueries: warmQueries,
      queriesPerRequest: Math.round((warmQueries / Math.max(1, times.length)) * 1000) / 1000,
      sampleRow: last.items?.[0]?.measured,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
