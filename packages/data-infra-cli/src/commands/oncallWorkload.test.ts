import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { workloadInstants, writeWorkloadCatalog } from '../lib/workload';
import type { OnCallEntry } from './oncall';

const run = promisify(execFile);
// Test-only: the binary as a user runs it, from the sources.
// eslint-disable-next-line no-restricted-syntax
const BIN = resolve(__dirname, '../../bin/data-infra');

/**
 * Runs the CLI under bash's `time`: wall seconds, and the CPU seconds of the
 * process itself (user + system), which do not depend on what else the
 * machine runs (make test runs test files in parallel).
 */
async function timedCli(args: string[]) {
  const { stdout, stderr } = await run(
    'bash',
    ['-c', 'TIMEFORMAT="%R %U %S"; time "$@"', 'timed', process.execPath, BIN, ...args],
    { maxBuffer: 1 << 30 },
  );
  const [wall, user, system] = stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { stdout, wall, cpu: user + system };
}

describe('data-infra oncall on the issue-14 workload (9,408 instants × 14 rotations)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-infra-workload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers in under 10 seconds, process start included', async () => {
    const rotations = writeWorkloadCatalog(dir);
    const instants = workloadInstants();
    const { stdout, wall, cpu } = await timedCli(['oncall', '--catalog', dir, ...instants.flatMap(at => ['--at', at]), '--json']);
    const entries: OnCallEntry[] = JSON.parse(stdout);
    expect(entries).toHaveLength(instants.length * rotations);
    // Answers, not empty lists: the always-covered rotations have someone
    // on call at every instant after their start, with an interval around it.
    const weekly = entries.filter(e => e.rotation === 'rotation:default/platform-weekly');
    expect(weekly.every(e => e.onCall.length === 2 && e.onCall.every(a => a.from <= e.at && (a.until === null || e.at < a.until)))).toBe(true);
    // Coverage leaves the office-hours rotation empty at night.
    const office = entries.filter(e => e.rotation === 'rotation:default/lake-office');
    expect(office.some(e => e.onCall.length === 0) && office.some(e => e.onCall.length === 2)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(`data-infra oncall: ${entries.length} answers, ${cpu.toFixed(1)} s of CPU, ${wall.toFixed(1)} s wall`);
    expect(cpu).toBeLessThan(10);
    // Wall time counts the other test files' turns on the CPU too; it
    // only guards against a process that waits on something.
    expect(wall).toBeLessThan(30);
  }, 90_000);
});
