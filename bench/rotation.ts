/*
 * Lookup throughput of the on-call functions, in process: onCallAt (with
 * the [from, until) intervals) and holdersOfRotationAt, for shifts from a
 * quarter hour to a week, one day and two years after the rotation's start,
 * on a rotation with coverage windows and 50 overrides in Europe/Berlin.
 * The targets (issue 14): onCallAt ≥ 100k lookups/s in every case, the
 * fastest case at most 2× the slowest; holdersOfRotationAt ≥ 1M lookups/s.
 * Run through the toolchain:
 *
 *   scripts/with-toolchain node --require @backstage/cli/config/nodeTransform.cjs \
 *     bench/rotation.ts [--seconds 2] [--json]
 */
import {
  holdersOfRotationAt,
  onCallAt,
  RotationEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = Number(opt('seconds', '2'));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = '2026-01-05T09:00';
const START_MS = Date.UTC(2026, 0, 5, 8); // 09:00 in Berlin (winter)
const local = (ms: number) => new Date(ms + HOUR).toISOString().slice(0, 16);

/** Berlin, five people, weekday 07:00–21:00 and weekend 10:00–16:00, 50 overrides around `around`. */
function rotationAround(shiftLength: string, around: number): RotationEntityV1alpha1 {
  const overrides = Array.from({ length: 50 }, (_, i) => {
    // Spread over the four weeks around the instants looked up, 6 to 30 hours each.
    const start = around - 14 * DAY + i * 13 * HOUR + (i % 7) * 37 * 60_000;
    return {
      start: local(start),
      end: local(start + (6 + (i % 5) * 6) * HOUR),
      user: `user:default/stand-in-${i % 4}`,
      role: (i % 3 === 0 ? 'secondary' : 'primary') as 'primary' | 'secondary',
    };
  });
  return {
    apiVersion: 'data-infra.io/v1alpha1',
    kind: 'Rotation',
    metadata: { name: `bench-${shiftLength.toLowerCase()}`, namespace: 'default' },
    spec: {
      owner: 'subteam:default/data-platform',
      timezone: 'Europe/Berlin',
      start: START,
      shiftLength,
      depth: 2,
      participants: ['a', 'b', 'c', 'd', 'e'].map(p => `user:default/${p}`),
      coverage: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', to: '21:00' },
        { days: ['sat', 'sun'], from: '10:00', to: '16:00' },
      ],
      overrides,
    },
  };
}

/**
 * Lookups per second of `fn` over `instants`, round after round for
 * `seconds`, per second of this process's CPU time: the machine is shared,
 * and wall time would count the other processes' turns.
 */
function rate(fn: (at: number) => unknown, instants: number[]): { cpu: number; wall: number } {
  for (const at of instants) fn(at); // warm-up: JIT, zone blocks, coverage weeks
  let calls = 0;
  const began = process.cpuUsage();
  const wallBegan = process.hrtime.bigint();
  const cpuSeconds = () => {
    const used = process.cpuUsage(began);
    return (used.user + used.system) / 1e6;
  };
  while (cpuSeconds() < seconds) {
    for (const at of instants) fn(at);
    calls += instants.length;
  }
  return { cpu: calls / cpuSeconds(), wall: calls / (Number(process.hrtime.bigint() - wallBegan) / 1e9) };
}

type Rate = { cpu: number; wall: number };
const results: Array<{ shiftLength: string; age: string; onCallAt: Rate; holdersOfRotationAt: Rate }> = [];
for (const shiftLength of ['PT15M', 'PT1H', 'P1D', 'P1W']) {
  for (const [age, offset] of [['1 day', DAY], ['2 years', 730 * DAY]] as const) {
    const around = START_MS + offset;
    const rotation = rotationAround(shiftLength, around);
    // 10,000 instants over the week that follows, 61 s apart (every minute
    // of the clock, inside and outside coverage and overrides).
    const instants = Array.from({ length: 10_000 }, (_, i) => around + i * 61_000);
    results.push({
      shiftLength,
      age,
      onCallAt: rate(at => onCallAt(rotation, at), instants),
      holdersOfRotationAt: rate(at => holdersOfRotationAt(rotation, at), instants),
    });
  }
}

const onCall = results.map(r => r.onCallAt.cpu);
const holders = results.map(r => r.holdersOfRotationAt.cpu);
const summary = {
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  results,
  onCallAtMin: Math.min(...onCall),
  onCallAtMax: Math.max(...onCall),
  ratio: Math.max(...onCall) / Math.min(...onCall),
  holdersMin: Math.min(...holders),
  targets: {
    onCallAtAtLeast100k: Math.min(...onCall) >= 100_000,
    ratioAtMost2: Math.max(...onCall) / Math.min(...onCall) <= 2,
    holdersAtLeast1M: Math.min(...holders) >= 1_000_000,
  },
};
if (args.includes('--json')) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const k = (n: number) => `${Math.round(n / 1000)}k/s`;
  console.log('lookups per CPU second (per wall second, which counts other processes\' turns)');
  console.log('shift  age      onCallAt              holdersOfRotationAt');
  for (const r of results) {
    const both = (x: Rate) => `${k(x.cpu)} (${k(x.wall)})`.padStart(20);
    console.log(`${r.shiftLength.padEnd(6)} ${r.age.padEnd(8)} ${both(r.onCallAt)}  ${both(r.holdersOfRotationAt)}`);
  }
  console.log(
    `per CPU second: onCallAt ${k(summary.onCallAtMin)}–${k(summary.onCallAtMax)} (ratio ${summary.ratio.toFixed(2)}), ` +
      `holdersOfRotationAt ≥ ${k(summary.holdersMin)}; targets: ${JSON.stringify(summary.targets)}`,
  );
}
