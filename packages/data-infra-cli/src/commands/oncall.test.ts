import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { runCli, SEEDED_CATALOG } from '../lib/testing';
import type { OnCallEntry } from './oncall';

const PLATFORM = 'rotation:default/data-platform-oncall';

// The rotation as written in the seeded catalog: expectations are derived
// from its start and participants, not copied from the CLI's output.
const rotation = parse(
  readFileSync(join(SEEDED_CATALOG, 'rotations/data-platform-oncall.yaml'), 'utf8'),
).spec;

async function oncallJson(...instants: string[]): Promise<OnCallEntry[]> {
  const result = await runCli([
    'oncall',
    '--catalog',
    SEEDED_CATALOG,
    ...instants.flatMap(at => ['--at', at]),
    '--json',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('data-infra oncall', () => {
  it('names the participant whose week it is, with the week as the interval', async () => {
    // Weekly hand-offs start on Monday 2026-01-05 09:00 Berlin. 2026-03-10 is
    // the Tuesday of the 10th week (hand-off k = 10 on Monday 2026-03-09,
    // still CET, so 08:00Z), before the switch to summer time on 03-29.
    // Primary = participants[(k-1) mod 2], secondary = participants[k mod 2].
    const start = DateTime.fromISO(rotation.start, { zone: rotation.timezone });
    const at = DateTime.fromISO('2026-03-10T12:00:00Z');
    const k = Math.floor(at.diff(start, 'weeks').weeks) + 1;
    expect(k).toBe(10);
    const handoff = start.plus({ weeks: k - 1 });

    const [entry] = (await oncallJson(at.toISO()!)).filter(e => e.rotation === PLATFORM);
    expect(entry).toEqual({
      rotation: PLATFORM,
      at: '2026-03-10T12:00:00Z',
      onCall: [
        {
          role: 'primary',
          user: rotation.participants[(k - 1) % 2],
          from: handoff.toUTC().toISO({ suppressMilliseconds: true }),
          until: handoff.plus({ weeks: 1 }).toUTC().toISO({ suppressMilliseconds: true }),
        },
        {
          role: 'secondary',
          user: rotation.participants[k % 2],
          from: handoff.toUTC().toISO({ suppressMilliseconds: true }),
          until: handoff.plus({ weeks: 1 }).toUTC().toISO({ suppressMilliseconds: true }),
        },
      ],
    });
  });

  it('keeps hand-offs at 09:00 Berlin wall-clock time after the switch to summer time', async () => {
    // 2026-03-29 is the change to CEST: the 13th hand-off, Monday 03-30
    // 09:00 local, is 07:00Z, an hour earlier in UTC than the one before.
    const [entry] = (await oncallJson('2026-03-30T12:00:00+02:00')).filter(e => e.rotation === PLATFORM);
    expect(entry.onCall[0]).toMatchObject({ from: '2026-03-30T07:00:00Z', until: '2026-04-06T07:00:00Z' });
    expect(entry.onCall[0].user).toBe(rotation.participants[(13 - 1) % 2]);
  });

  it('applies the Christmas override of the seeded rotation', async () => {
    // Week 51 (from 2026-12-21) is Lukas's as primary; the override gives
    // primary to Priya from 2026-12-23 18:00 Berlin (17:00Z).
    const override = rotation.overrides[0];
    const [before] = (await oncallJson('2026-12-22T12:00:00Z')).filter(e => e.rotation === PLATFORM);
    const [during] = (await oncallJson('2026-12-24T12:00:00Z')).filter(e => e.rotation === PLATFORM);
    expect(before.onCall[0].user).toBe(rotation.participants[0]);
    expect(during.onCall[0]).toMatchObject({ role: 'primary', user: override.user, from: '2026-12-23T17:00:00Z' });
  });

  it('has an empty onCall before a rotation starts', async () => {
    const entries = await oncallJson('2025-12-31T23:00:00Z');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every(e => e.onCall.length === 0)).toBe(true);
  });

  it('answers thousands of --at instants in one run, one entry per rotation and instant, in order', async () => {
    const first = DateTime.fromISO('2026-01-01T00:00:00Z', { zone: 'utc' });
    const instants = Array.from({ length: 3000 }, (_, i) => first.plus({ hours: 3 * i }).toISO({ suppressMilliseconds: true })!);
    const entries = await oncallJson(...instants);
    const rotations = [...new Set(entries.map(e => e.rotation))];
    expect(rotations).toEqual(['rotation:default/data-engineering-oncall', PLATFORM]);
    expect(entries).toHaveLength(instants.length * rotations.length);
    expect(entries.filter(e => e.rotation === PLATFORM).map(e => e.at)).toEqual(
      instants.map(i => i.replace('+00:00', 'Z')),
    );
    // Every instant from the start on has exactly one primary and one secondary, never the same person
    // outside the Christmas override.
    const platform = entries.filter(e => e.rotation === PLATFORM && e.at >= '2026-01-05T08:00:00Z' && e.at < '2026-12-01');
    expect(platform.every(e => e.onCall.length === 2 && e.onCall[0].user !== e.onCall[1].user)).toBe(true);
  }, 60_000);

  it('prints a readable table by default', async () => {
    const result = await runCli(['oncall', '--catalog', SEEDED_CATALOG, '--at', '2026-03-10T12:00:00Z']);
    expect(result.stdout.split('\n')[0]).toMatch(/^AT\s+ROTATION\s+ROLE\s+USER\s+FROM\s+UNTIL$/);
    expect(result.stdout).toMatch(/2026-03-10T12:00:00Z\s+rotation:default\/data-platform-oncall\s+primary\s+user:default\/priya\.raman/);
  });

  it('defaults to now', async () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const result = await runCli(['oncall', '--catalog', SEEDED_CATALOG, '--json'], { now });
    expect(JSON.parse(result.stdout)[0].at).toBe('2026-03-10T12:00:00Z');
  });

  it.each([
    [['--at', '2026-03-10'], /--at "2026-03-10": not an ISO-8601 instant with an offset/],
    [['--at', 'yesterday'], /--at "yesterday": not an ISO-8601 instant/],
  ])('rejects %j with one line and exit 2', async (args, message) => {
    const result = await runCli(['oncall', '--catalog', SEEDED_CATALOG, ...args]);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('rejects a missing catalog folder and a missing --catalog', async () => {
    const missing = await runCli(['oncall', '--catalog', '/no/such/dir']);
    expect(missing.stderr).toBe('data-infra: --catalog /no/such/dir: no such directory\n');
    expect(missing.code).toBe(2);
    const absent = await runCli(['oncall']);
    expect(absent.stderr).toMatch(/required option '--catalog <dir>' not specified/);
    expect(absent.code).toBe(2);
  });
});
