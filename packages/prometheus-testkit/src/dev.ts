/*
 * The demo Prometheus of the dev instance (`make start`) and the end-to-end
 * tests: a month of the seed catalog's metrics (see demo.ts), made into a
 * TSDB and served on loopback until this process is stopped.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/prometheus-testkit/src/dev.ts [--port 9490] [--dir .dev/prometheus]
 */
import fs from 'node:fs';
import path from 'node:path';
import { findPrometheusTools } from './binaries';
import { demoMetrics } from './demo';
import { writeOpenMetrics } from './openMetrics';
import { buildTsdb, startPrometheus } from './server';

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const port = Number(option('port', '9490'));
  const dir = path.resolve(option('dir', '.dev/prometheus'));
  const tools = findPrometheusTools();
  if ('missing' in tools) {
    process.stderr.write(`demo Prometheus: ${tools.missing}\n`);
    process.exit(1);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'demo.om');
  const demo = demoMetrics(Date.now());
  writeOpenMetrics(file, demo.families);
  // Tests rebuild the same scenario from its instant to know what to expect.
  fs.writeFileSync(path.join(dir, 'demo.json'), JSON.stringify({ now: demo.now }));
  await buildTsdb(tools, file, path.join(dir, 'data'));
  fs.rmSync(file);
  const prometheus = await startPrometheus(tools, { dataDir: path.join(dir, 'data'), port });
  process.stdout.write(`demo Prometheus on ${prometheus.url}: a month of the seed's exporter metrics, with incidents\n`);
  const stop = () => prometheus.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  prometheus.process.on('exit', code => {
    process.stderr.write(`demo Prometheus exited (${code}); its log is beside ${dir}/data\n`);
    process.exit(1);
  });
}

main().catch(error => {
  process.stderr.write(`demo Prometheus: ${error?.message ?? error}\n`);
  process.exit(1);
});
