/*
 * Where Debian's prometheus and prometheus-alertmanager packages put their
 * programs (scripts/ensure-prometheus installs them), and why a test must
 * skip when they are missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PrometheusTools {
  prometheus: string;
  promtool: string;
  amtool: string;
  /** Debian calls it prometheus-alertmanager; upstream alertmanager. */
  alertmanager: string;
}

function which(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin']);
  for (const name of names) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The programs, or the reason they cannot be used. */
export function findPrometheusTools(): PrometheusTools | { missing: string } {
  const found = {
    prometheus: which(['prometheus']),
    promtool: which(['promtool']),
    amtool: which(['amtool']),
    alertmanager: which(['prometheus-alertmanager', 'alertmanager']),
  };
  const missing = Object.entries(found).filter(([, file]) => !file).map(([name]) => name);
  if (missing.length > 0) {
    return {
      missing:
        `${missing.join(', ')} not found; scripts/ensure-prometheus installs Debian's prometheus and ` +
        'prometheus-alertmanager packages (it needs root or sudo and apt)',
    };
  }
  const version = execFileSync(found.prometheus!, ['--version'], { encoding: 'utf8' });
  const major = /version (\d+)\./.exec(version)?.[1];
  if (major !== '2' && major !== '3') {
    return { missing: `prometheus reports ${version.split('\n')[0]}; Prometheus 2.x is needed` };
  }
  return found as PrometheusTools;
}

/**
 * The tools for a test suite, or undefined after printing why the suite is
 * skipped (only where the Debian packages could not be installed).
 */
export function prometheusToolsOrSkip(suite: string): PrometheusTools | undefined {
  const tools = findPrometheusTools();
  if ('missing' in tools) {
    // eslint-disable-next-line no-console
    console.warn(`SKIPPED ${suite}: ${tools.missing}`);
    return undefined;
  }
  return tools;
}
