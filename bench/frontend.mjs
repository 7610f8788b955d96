#!/usr/bin/env node
/*
 * Frontend benchmarks (issue 5), run by `make bench` or
 *   scripts/with-toolchain node bench/frontend.mjs [--services 5000]
 *  1. What the data-infra plugin adds to the app's initial JavaScript, gzip:
 *     the app is built twice, with and without the plugin (excluded from
 *     package discovery), and the gzip sizes of the scripts index.html loads
 *     are compared.
 *  2. Time until the ownership map shows N services in Chromium: a synthetic
 *     catalog of N DataServices is loaded into the real backend, which serves
 *     the built app; the map is opened (warm: after one load that fills the
 *     backend's caches) and timed from navigation to the services count and
 *     the first tiles being on screen. Reports the median of 5 loads.
 *  3. Data-infra API requests per page (issue 13: at most 3 per plugin page,
 *     whatever the catalog size): each plugin page and the entity page of a
 *     Subteam, a DataService and a Rotation is opened in Chromium, and the
 *     requests to /api/data-infra/ it makes until the network is idle are
 *     counted, with the bytes of their answers and the time until idle.
 *     `--requests-only` skips 1 and 2 (reusing packages/app/dist).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const appDir = path.join(root, 'packages', 'app');
const args = process.argv.slice(2);
// --services N (default 5000); `args[-1 + 1]` would read the first flag.
const services = args.includes('--services') ? Number(args[args.indexOf('--services') + 1]) : 5000;
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function build(extraConfig) {
  const configArgs = ['--config', path.join(root, 'app-config.yaml'), ...(extraConfig ? ['--config', extraConfig] : [])];
  execFileSync('yarn', ['backstage-cli', 'package', 'build', ...configArgs], { cwd: appDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const html = fs.readFileSync(path.join(appDir, 'dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1].replace(/^\//, ''));
  const gzip = scripts.reduce((n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(appDir, 'dist', s))).length, 0);
  return { scripts: scripts.length, gzipKiB: gzip / 1024 };
}

// --map-only: reuse packages/app/dist (built with the plugin) and time the map.
// --requests-only: reuse it too, and only count requests per page.
const requestsOnly = args.includes('--requests-only');
const mapOnly = args.includes('--map-only') || requestsOnly;
const without = mapOnly ? undefined : build(path.join(here, 'frontend', 'without-data-infra.yaml'));
const withPlugin = mapOnly ? undefined : build(); // leave dist/ with the plugin for the timing below
const addedKiB = mapOnly ? NaN : withPlugin.gzipKiB - without.gzipKiB;
if (!mapOnly) console.log(JSON.stringify({ initialGzipKiB: { with: withPlugin.gzipKiB.toFixed(1), without: without.gzipKiB.toFixed(1), added: addedKiB.toFixed(1) } }));

// 2. Map timing.
const catalogDir = path.join(root, 'bench', '.generated', `map-${services}`);
execFileSync('node', [path.join(here, 'generate.mjs'), '--out', catalogDir, '--services', String(services), '--rotations', '100', '--subteams', '200']);
// BENCH_PORT pins the port (machines shared by several people); else a free one.
const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
});
const baseUrl = `http://localhost:${port}`;
const configFile = path.join(os.tmpdir(), `bench-frontend-${port}.json`);
fs.writeFileSync(configFile, JSON.stringify({
  backend: { baseUrl, listen: { port } }, app: { baseUrl },
  catalog: { locations: [{ type: 'file', target: path.join(catalogDir, 'all.yaml') }], rules: [{ allow: ['Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation'] }] },
}));
const backend = spawn(path.join(root, 'scripts', 'run-backend'), ['--config', path.join(root, 'app-config.yaml'), '--config', configFile], { detached: true, stdio: 'ignore' });
let browser;
try {
  for (;;) {
    try { if ((await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok) break; } catch { /* starting */ }
    await sleep(500);
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  // Navigate only once the guest session exists.
  await page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Catalog', exact: true }).waitFor();
  const expected = `${services.toLocaleString('en-US')} services`;
  // Wait until the catalog has every service (ingestion), then warm up.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseUrl}/data-infra`);
    try {
      await page.getByText(expected).waitFor({ timeout: 60_000 });
      break;
    } catch (error) {
      // Still ingesting, most likely; give up after ten minutes and show why.
      if (attempt >= 10) {
        await page.screenshot({ path: path.join(root, 'bench', 'results', 'map-failed.png') });
        throw new Error(`the map never showed "${expected}": ${(await page.textContent('body'))?.slice(0, 500)}`);
      }
    }
  }
  if (!requestsOnly) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      await page.goto(`${baseUrl}/data-infra`);
      await page.getByText(expected).waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: /^Service \d+/ }).first().waitFor();
      times.push(Date.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({ mapServices: services, mapLoadMs: times, medianMs: times[2] }));
    if (!mapOnly) console.log(`\n| measure | value |\n| --- | --- |\n| initial JS, gzip, without plugin | ${without.gzipKiB.toFixed(1)} KiB |\n| initial JS, gzip, with plugin | ${withPlugin.gzipKiB.toFixed(1)} KiB |\n| added by the plugin | ${addedKiB.toFixed(1)} KiB |`);
    console.log(`| map shows ${services} services (median of 5, warm) | ${times[2]} ms |`);
  }

  // 3. Requests per page. The first entity of each kind, as generate.mjs names them.
  const pages = [
    ['ownership map', '/data-infra'],
    ['on call now', '/data-infra/on-call'],
    ['service catalog', '/data-infra/services'],
    ['Subteam page', '/catalog/default/subteam/subteam-00000'],
    ['DataService page', '/catalog/default/dataservice/service-00000'],
    ['Rotation page', '/catalog/default/rotation/oncall-00000'],
  ];
  const rows = [];
  for (const [name, path] of pages) {
    const seen = [];
    const reading = [];
    const onResponse = (response) => reading.push(readResponse(response));
    const readResponse = async (response) => {
      if (!response.url().includes('/api/data-infra/')) return;
      const entry = { path: new URL(response.url()).pathname + new URL(response.url()).search, status: response.status(), bytes: 0, sent: 0 };
      seen.push(entry);
      try {
        await response.finished();
        entry.sent = (await response.request().sizes()).responseBodySize;
        entry.bytes = (await response.body()).length;
      } catch (error) {
        entry.error = String(error).slice(0, 200);
      }
    };
    page.on('response', onResponse);
    const start = Date.now();
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    const idleMs = Date.now() - start;
    // Cards load their code on demand: give late requests a chance to show.
    await page.waitForTimeout(2000);
    page.off('response', onResponse);
    await Promise.all(reading);
    rows.push({
      name, path, requests: seen.length, idleMs,
      kib: seen.reduce((n, r) => n + r.bytes, 0) / 1024,
      sentKib: seen.reduce((n, r) => n + r.sent, 0) / 1024,
      detail: seen.map((r) => `${r.path} ${r.status}${r.error ? ` (${r.error})` : ''}`),
    });
  }
  console.log(JSON.stringify({ requestsPerPage: rows }, null, 1));
  console.log(`\n| page (${services.toLocaleString('en-US')} services, 200 subteams) | data-infra requests | answers, KiB (sent / JSON) | until network idle |\n| --- | --- | --- | --- |`);
  for (const r of rows) console.log(`| ${r.name} | ${r.requests} | ${r.sentKib.toFixed(0)} / ${r.kib.toFixed(0)} | ${(r.idleMs / 1000).toFixed(1)} s |`);
  // The map: its summary and the first page of each domain's tiles.
  if (rows.some((r) => r.requests > 5)) {
    console.error('frontend: a page made more than 5 data-infra requests');
    process.exitCode = 1;
  }
} finally {
  await browser?.close();
  try { process.kill(-backend.pid, 'SIGKILL'); } catch { /* gone */ }
}
