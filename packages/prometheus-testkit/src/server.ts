/*
 * A real Prometheus for tests and the dev instance: its TSDB built from
 * OpenMetrics with promtool, started on loopback with our own flags, config,
 * data directory and port (whatever the Debian package's service does).
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PrometheusTools } from './binaries';

const run = promisify(execFile);

/**
 * Builds TSDB blocks from an OpenMetrics file. Blocks of up to 32 days keep
 * a month of data to a few blocks (the default, 2 hours, makes hundreds).
 */
export async function buildTsdb(tools: PrometheusTools, openMetricsFile: string, dataDir: string): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  await run(tools.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', '--max-block-duration=768h', openMetricsFile, dataDir], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

function tryPort(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port in `PROMETHEUS_TEST_PORTS` (default 9400-9499, the
 * range kept for Prometheus and Alertmanager on shared machines).
 */
export async function freePrometheusPort(): Promise<number> {
  const [from, to] = (process.env.PROMETHEUS_TEST_PORTS ?? '9400-9499').split('-').map(Number);
  const span = to - from + 1;
  const offset = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((offset + i) % span);
    if (await tryPort(port)) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

export interface RunningPrometheus {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Prometheus on an existing data directory and waits until it is
 * ready. No scrape jobs: it serves the blocks it finds (and evaluates
 * `ruleFiles`, if any). Retention is ten years, so no block is deleted for
 * its age.
 */
export async function startPrometheus(
  tools: PrometheusTools,
  options: { dataDir: string; port?: number; ruleFiles?: string[]; logFile?: string },
): Promise<RunningPrometheus> {
  const port = options.port ?? (await freePrometheusPort());
  const configFile = path.join(options.dataDir, '..', `prometheus-${port}.yml`);
  fs.writeFileSync(
    configFile,
    `global:\n  evaluation_interval: 30s\nrule_files: ${JSON.stringify(options.ruleFiles ?? [])}\nscrape_configs: []\n`,
  );
  const log = fs.openSync(options.logFile ?? path.join(options.dataDir, '..', `prometheus-${port}.log`), 'a');
  const child = spawn(
    tools.prometheus,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${options.dataDir}`,
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}; see its log beside ${options.dataDir}`);
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('prometheus did not become ready within 60 s');
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return { url, port, process: child, stop };
}

/** Asks Prometheus an instant query, for tests that check what it holds. */
export async function instantQuery(url: string, query: string, atSeconds?: number): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
  const body = new URLSearchParams({ query, ...(atSeconds !== undefined ? { time: String(atSeconds) } : {}) });
  const res = await fetch(`${url}/api/v1/query`, { method: 'POST', body });
  const json = (await res.json()) as any;
  if (json.status !== 'success') throw new Error(`${query}: ${json.error}`);
  return json.data.result;
}
