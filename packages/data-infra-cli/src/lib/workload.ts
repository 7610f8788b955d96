/*
 * The on-call workload of issue 14, reproducible: 14 rotations (weekly down
 * to 90-minute shifts, in seven zones, some with coverage windows and
 * overrides) and 9,408 instants (every hour of 392 days, through both DST
 * changes of every zone). Before the on-call math became arithmetic,
 * `data-infra oncall --json` took 9.5 minutes on it; the test in
 * commands/oncallWorkload.test.ts and bench/cli-oncall.ts time it now.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HOUR = 3_600_000;

interface WorkloadRotation {
  name: string;
  timezone: string;
  shiftLength: string;
  participants: number;
  coverage?: string;
  overrides?: number;
}

const ROTATIONS: WorkloadRotation[] = [
  { name: 'platform-weekly', timezone: 'Europe/Berlin', shiftLength: 'P1W', participants: 4 },
  { name: 'platform-secondary', timezone: 'Europe/Berlin', shiftLength: 'P1W', participants: 6, overrides: 20 },
  { name: 'ingest-daily', timezone: 'America/New_York', shiftLength: 'P1D', participants: 5 },
  { name: 'ingest-nights', timezone: 'America/New_York', shiftLength: 'P1D', participants: 3, coverage: "{ days: [mon, tue, wed, thu, fri], from: '18:00', to: '08:00' }" },
  { name: 'ml-12h', timezone: 'Asia/Kolkata', shiftLength: 'PT12H', participants: 4 },
  { name: 'ml-business', timezone: 'Asia/Kolkata', shiftLength: 'PT12H', participants: 4, coverage: "{ days: [mon, tue, wed, thu, fri], from: '09:00', to: '18:00' }", overrides: 30 },
  { name: 'bi-8h', timezone: 'Australia/Sydney', shiftLength: 'PT8H', participants: 3 },
  { name: 'bi-weekend', timezone: 'Australia/Sydney', shiftLength: 'PT8H', participants: 5, coverage: "{ days: [sat, sun], from: '00:00', to: '24:00' }" },
  { name: 'lake-4h', timezone: 'America/Chicago', shiftLength: 'PT4H', participants: 6, overrides: 50 },
  { name: 'lake-office', timezone: 'America/Chicago', shiftLength: 'PT4H', participants: 2, coverage: "{ days: [mon, tue, wed, thu, fri], from: '08:00', to: '17:00' }" },
  { name: 'stream-2h', timezone: 'UTC', shiftLength: 'PT2H', participants: 8 },
  { name: 'stream-follow', timezone: 'Pacific/Auckland', shiftLength: 'PT2H', participants: 4, coverage: "{ days: [mon, wed, fri], from: '06:00', to: '22:00' }", overrides: 10 },
  { name: 'serving-90m', timezone: 'Europe/London', shiftLength: 'PT90M', participants: 7 },
  { name: 'serving-90m-day', timezone: 'Europe/London', shiftLength: 'PT90M', participants: 3, coverage: "{ days: [mon, tue, wed, thu, fri, sat, sun], from: '07:30', to: '19:30' }", overrides: 40 },
];

/** The first instant of the workload and how many hourly instants follow. */
export const WORKLOAD_FROM = Date.UTC(2026, 0, 1);
export const WORKLOAD_INSTANTS = 392 * 24;

/** Every hour of 392 days, as ISO instants. */
export function workloadInstants(): string[] {
  return Array.from({ length: WORKLOAD_INSTANTS }, (_, i) =>
    new Date(WORKLOAD_FROM + i * HOUR).toISOString().replace('.000Z', 'Z'),
  );
}

/** Writes the workload's catalog (one file of rotations) into `dir`; returns the number of rotations. */
export function writeWorkloadCatalog(dir: string): number {
  const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  const documents = ROTATIONS.map(r => {
    const people = Array.from({ length: r.participants }, (_, i) => `      - user:default/${r.name}-${i}`);
    const overrides = Array.from({ length: r.overrides ?? 0 }, (_, i) => {
      // Every 19 days, a day and a half, alternating roles.
      const start = WORKLOAD_FROM + i * 19 * 24 * HOUR + 10 * HOUR;
      return [
        `      - start: '${local(start)}'`,
        `        end: '${local(start + 36 * HOUR)}'`,
        `        user: user:default/${r.name}-stand-in`,
        `        role: ${i % 2 ? 'secondary' : 'primary'}`,
      ].join('\n');
    });
    return [
      'apiVersion: data-infra.io/v1alpha1',
      'kind: Rotation',
      'metadata:',
      `  name: ${r.name}`,
      'spec:',
      '  owner: subteam:default/workload',
      `  timezone: ${r.timezone}`,
      "  start: '2025-06-02T09:00'",
      `  shiftLength: ${r.shiftLength}`,
      '  participants:',
      ...people,
      ...(r.coverage ? ['  coverage:', `    - ${r.coverage}`] : []),
      ...(overrides.length ? ['  overrides:', ...overrides] : []),
    ].join('\n');
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'rotations.yaml'), `${documents.join('\n---\n')}\n`);
  return ROTATIONS.length;
}
