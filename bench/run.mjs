#!/usr/bin/env node
/*
 * Benchmarks of the data-infra plugins in the real backend (packages/backend).
 * Run through the toolchain: `make bench` or
 *   scripts/with-toolchain node bench/run.mjs [--sizes 1000,10000] [--db sqlite,pg] [--api-only]
 *
 * For each size and database it generates a synthetic catalog twice (our
 * kinds, and the same number of plain Backstage kinds), and for each:
 *  - ingestion: time from backend readiness until every entity is stitched;
 *  - churn: whether entities are re-stitched although the input is unchanged
 *    (their etags change) over three processing rounds;
 *  - for our kinds, API latency of /escalation, /oncall, /map and a page
 *    of the map's tiles with
 *    autocannon at 50 connections;
 *  - the backend's peak RSS (VmHWM).
 * Results are printed as Markdown and saved in bench/results/ (git-ignored).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '1000,10000').split(',').map(Number);
const databases = opt('db', 'sqlite,pg').split(',');
const apiOnly = args.includes('--api-only');
// --ingest-only: ingestion times only (no churn check, no API load).
const ingestOnly = args.includes('--ingest-only');
// --profile api: the backend issue's benchmark: 100 and 10,000 DataServices
// (1,000 Rotations, 200 Subteams at 10k), SQLite, our kinds only.
const apiProfile = opt('profile') === 'api';
const pgConn = { host: process.env.POSTGRES_HOST ?? '127.0.0.1', port: Number(process.env.POSTGRES_PORT ?? 5432), user: process.env.POSTGRES_USER ?? 'postgres', password: process.env.POSTGRES_PASSWORD ?? '' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The pid of the process listening on a TCP port (the backend's node). */
function listenerPid(port) {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
  const m = /pid=(\d+)/.exec(out);
  return m ? Number(m[1]) : undefined;
}

function peakRssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
}

async function startBackend(catalogDir, db) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  let database = { client: 'better-sqlite3', connection: ':memory:' };
  let dbName;
  if (db === 'pg') {
    dbName = `data_infra_bench_${Date.now()}`;
    const admin = new pg.Client({ ...pgConn, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    database = { client: 'pg', pluginDivisionMode: 'schema', connection: { ...pgConn, database: dbName } };
  }
  const configFile = path.join(os.tmpdir(), `bench-config-${port}.json`);
  fs.writeFileSync(configFile, JSON.stringify({
    backend: { baseUrl, listen: { port }, database },
    app: { baseUrl },
    catalog: {
      locations: [{ type: 'file', target: path.join(catalogDir, 'all.yaml') }],
      rules: [{ allow: ['Component', 'Resource', 'Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation'] }],
      // The churn check watches three processing rounds, so those runs
      // process every 20 s; the API profile keeps Backstage's default.
      ...(apiProfile ? {} : { processingInterval: { seconds: 20 } }),
    },
    search: { collators: { catalog: { schedule: { frequency: { hours: 24 }, timeout: { minutes: 10 }, initialDelay: { hours: 24 } } } } },
  }));
  const spawnedAt = Date.now();
  const child = spawn(path.join(root, 'scripts', 'run-backend'), ['--config', path.join(root, 'app-config.yaml'), '--config', configFile], { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (c) => { log = (log + c).slice(-5000); });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited: ${log}`);
    try {
      if ((await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok) break;
    } catch { /* not yet */ }
    await sleep(250);
  }
  const readyAt = Date.now();
  const tokenRes = await fetch(`${baseUrl}/api/auth/guest/refresh`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  const token = (await tokenRes.json()).backstageIdentity.token;
  return {
    baseUrl, token, spawnedAt, readyAt, pid: listenerPid(port), dbName,
    async stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await sleep(3000);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      if (dbName) {
        const admin = new pg.Client({ ...pgConn, database: 'postgres' });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}

/**
 * What the catalog wrote to PostgreSQL so far: rows inserted, updated and
 * deleted per table, and each table's live rows and size — the write volume
 * behind an ingestion time.
 */
async function catalogWrites(dbName) {
  const client = new pg.Client({ ...pgConn, database: dbName });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT relname AS table, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del, n_live_tup AS live,
              pg_total_relation_size(relid) AS bytes
         FROM pg_stat_user_tables WHERE schemaname = 'catalog' ORDER BY relname`,
    );
    return Object.fromEntries(rows.map(({ table, ...r }) => [table, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]))]));
  } finally {
    await client.end();
  }
}

async function catalogGet(backend, query) {
  const res = await fetch(`${backend.baseUrl}/api/catalog/entities/by-query?${query}`, { headers: { Authorization: `Bearer ${backend.token}` } });
  return res.json();
}

/** Stitched entities carry relations; wait until every expected one does. */
const KINDS = ['user', 'group', 'subteam', 'dataservice', 'rotation', 'component', 'resource'];
async function waitStitched(backend, expected) {
  // An entity is listed once it has been stitched; Locations are left out.
  const query = `limit=1&fields=metadata.name&${KINDS.map((k) => `filter=kind=${k}`).join('&')}`;
  for (;;) {
    const body = await catalogGet(backend, query);
    if (body.totalItems >= expected) return Date.now();
    await sleep(500);
  }
}

async function etags(backend) {
  const map = new Map();
  let cursor;
  do {
    // A cursor carries the first page's query, fields included.
    const body = await catalogGet(backend, cursor ? `cursor=${encodeURIComponent(cursor)}` : 'limit=1000&fields=kind,metadata.name,metadata.etag');
    if (!Array.isArray(body.items)) throw new Error(`catalog answered ${JSON.stringify(body).slice(0, 300)}`);
    for (const e of body.items) map.set(`${e.kind}:${e.metadata.name}`, e.metadata.etag);
    cursor = body.pageInfo?.nextCursor;
  } while (cursor);
  return map;
}

/** 10 s of load at 50 connections; percentiles from every response's time. */
async function measure(backend, urlPath) {
  // The first answer of a route pays for gathering the caller's view and
  // the findings; it is reported apart ("cold"), then the load runs warm.
  const coldStart = Date.now();
  const first = await fetch(`${backend.baseUrl}${urlPath}`, { headers: { Authorization: `Bearer ${backend.token}`, 'Accept-Encoding': 'gzip, deflate, br' }, signal: AbortSignal.timeout(300_000) });
  await first.arrayBuffer();
  const coldMs = Date.now() - coldStart;
  const times = [];
  let bytes = 0;
  // As a browser asks (the app is the API's client): compressed answers.
  const instance = autocannon({ url: `${backend.baseUrl}${urlPath}`, connections: 50, duration: 10, headers: { Authorization: `Bearer ${backend.token}`, 'Accept-Encoding': 'gzip, deflate, br' } });
  instance.on('response', (_client, _status, responseBytes, responseTime) => {
    times.push(responseTime);
    bytes += responseBytes;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 10) / 10;
  // Bytes on the wire per response (compressed, headers included).
  const kibPerResponse = Math.round(bytes / Math.max(1, times.length) / 1024);
  return { coldMs, p50: pct(50), p95: pct(95), p99: pct(99), rps: Math.round(result.requests.average), kibPerResponse, non2xx: result.non2xx, errors: result.errors };
}

const runs = apiProfile
  ? [
      { size: 100, db: 'sqlite', plain: false, gen: ['--services', '100', '--rotations', '10', '--subteams', '4'] },
      { size: 10000, db: 'sqlite', plain: false, gen: ['--services', '10000', '--rotations', '1000', '--subteams', '200'] },
      // The same 10k as plain Backstage kinds, for the peak-RSS ratio (no API load).
      { size: 10000, db: 'sqlite', plain: true, gen: ['--services', '10000', '--rotations', '1000', '--subteams', '200', '--plain'] },
    ]
  : sizes.flatMap((size) => databases.flatMap((db) => (apiOnly ? [false] : [false, true]).map((plain) => ({ size, db, plain, gen: ['--total', String(size), ...(plain ? ['--plain'] : [])] }))));

const rows = [];
for (const { size, db, plain, gen: genArgs } of runs) {
  {
    {
      const dir = path.join(root, 'bench', '.generated', `${size}-${plain ? 'plain' : 'ours'}`);
      const gen = JSON.parse(execFileSync('node', [path.join(here, 'generate.mjs'), '--out', dir, ...genArgs]).toString());
      const backend = await startBackend(dir, db);
      try {
        const stitchedAt = await waitStitched(backend, gen.entities);
        const row = { size, entities: gen.entities, db, kinds: plain ? 'plain Backstage kinds' : 'data-infra kinds', ingestSeconds: (stitchedAt - backend.readyAt) / 1000, startSeconds: (backend.readyAt - backend.spawnedAt) / 1000 };
        if (backend.dbName) row.writes = await catalogWrites(backend.dbName);
        if (!apiProfile && !ingestOnly) {
          // Let relations settle, then watch three processing rounds at 20 s.
          await sleep(30_000);
          const before = await etags(backend);
          await sleep(70_000);
          const after = await etags(backend);
          row.restitched = [...before].filter(([k, v]) => after.get(k) !== v).length;
        }
        if (!plain && !ingestOnly) {
          // Latencies are of the steady state: once stitched, the catalog
          // still settles relations for a while (minutes at 10k on SQLite,
          // in the same process); wait until no etag changes over 15 s.
          const settleStart = Date.now();
          let last = await etags(backend);
          for (let round = 0; round < 20; round++) {
            await sleep(15_000);
            const next = await etags(backend);
            const changed = [...next].filter(([k, v]) => last.get(k) !== v).length;
            last = next;
            if (changed === 0) break;
          }
          row.settleSeconds = (Date.now() - settleStart) / 1000;
          // The data-infra state follows the catalog within its refresh
          // interval (10 s): wait until it answers for every service.
          const stateStart = Date.now();
          for (let i = 0; i < 120; i++) {
            const res = await fetch(`${backend.baseUrl}/api/data-infra/services?limit=1`, { headers: { Authorization: `Bearer ${backend.token}` } });
            if (res.ok && (await res.json()).totalItems === gen.services) break;
            await sleep(1000);
          }
          row.stateWaitSeconds = (Date.now() - stateStart) / 1000;
          const service = 'dataservice:default/service-00001';
          row.escalation = await measure(backend, `/api/data-infra/escalation?entityRef=${service}`);
          row.oncall = await measure(backend, '/api/data-infra/oncall');
          row.map = await measure(backend, '/api/data-infra/map');
          // What the map asks for as a person scrolls a domain's column:
          // a page of 100 tiles, here the second one.
          row.mapTiles = await measure(backend, '/api/data-infra/services?domain=data-platform&sort=title&limit=100&offset=100');
          // Backstage's own answer for one entity, same load, same run: the
          // yardstick for /escalation's throughput.
          if (apiProfile) row.catalogByName = await measure(backend, '/api/catalog/entities/by-name/dataservice/default/service-00001');
        }
        row.peakRssMiB = backend.pid ? peakRssMiB(backend.pid) : undefined;
        rows.push(row);
        console.log(JSON.stringify(row));
      } finally {
        await backend.stop();
      }
    }
  }
}

const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0].model}`;
const release = JSON.parse(fs.readFileSync(path.join(root, 'backstage.json'), 'utf8')).version;
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
const stamp = new Date().toISOString();
fs.writeFileSync(path.join(root, 'bench', 'results', `run-${stamp.replace(/[:.]/g, '-')}.json`), JSON.stringify({ machine, release, date: stamp, rows }, null, 2));
console.log(`\nMachine: ${machine}; Backstage ${release}; ${stamp}\n`);
console.log('| entities | db | kinds | ingest (s) | re-stitched | /escalation p50/p95/p99 ms | /oncall p50/p95/p99 ms | /map p50/p95/p99 ms | map tiles (/services page of 100) p50/p95/p99 ms | catalog by-name p50/p95/p99 ms | peak RSS MiB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const l = (m) => (m ? `${m.p50}/${m.p95}/${m.p99} (${m.rps} req/s, ${m.kibPerResponse} KiB each${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}${m.errors ? `, ${m.errors} errors` : ''}; cold ${m.coldMs} ms)` : '–');
for (const r of rows) console.log(`| ${r.entities} | ${r.db} | ${r.kinds} | ${r.ingestSeconds.toFixed(1)} | ${r.restitched ?? '–'} | ${l(r.escalation)} | ${l(r.oncall)} | ${l(r.map)} | ${l(r.mapTiles)} | ${l(r.catalogByName)} | ${r.peakRssMiB} |`);
