import { holdersOfRotationAt, onCallAt, rotationShifts } from '.';
import { iso, ms, rotation } from '../__testUtils__/rotation';

const DAY = 86_400_000;
// 2026-01-05 is a Monday; weekly 09:00 UTC hand-offs: a/b, then b/c, then c/a…
const weekly = rotation();

describe('onCallAt', () => {
  it('puts primary first, then secondary, with the hand-offs as bounds', () => {
    expect(onCallAt(weekly, ms('2026-01-14T12:00Z'))).toEqual([
      { role: 'primary', user: 'user:default/b', from: ms('2026-01-12T09:00Z'), until: ms('2026-01-19T09:00Z'), source: 'schedule' },
      { role: 'secondary', user: 'user:default/c', from: ms('2026-01-12T09:00Z'), until: ms('2026-01-19T09:00Z'), source: 'schedule' },
    ]);
  });

  it('has nobody before the start, and the first pair from the start on (half-open)', () => {
    expect(onCallAt(weekly, ms('2026-01-05T08:59Z'))).toEqual([]);
    expect(onCallAt(weekly, ms('2026-01-05T09:00Z')).map(a => [a.role, a.user, iso(a.from)])).toEqual([
      ['primary', 'user:default/a', '2026-01-05T09:00Z'],
      ['secondary', 'user:default/b', '2026-01-05T09:00Z'],
    ]);
    expect(onCallAt(weekly, ms('2026-01-12T09:00Z'))[0].user).toBe('user:default/b');
  });

  it('merges hand-offs where the same person continues, up to the horizon', () => {
    const solo = rotation({ participants: ['user:default/solo'], depth: 1, shiftLength: 'PT8H' });
    const at = ms('2026-02-01T00:00Z');
    expect(onCallAt(solo, at)).toEqual([
      { role: 'primary', user: 'user:default/solo', from: ms('2026-01-05T09:00Z'), until: null, source: 'schedule' },
    ]);
    const [clamped] = onCallAt(solo, at, { horizonMs: 7 * DAY });
    expect(clamped).toMatchObject({ from: at - 7 * DAY, until: null });
    // A participant listed twice in a row holds two shifts as one.
    const twice = rotation({ participants: ['a', 'a', 'b'] });
    expect(onCallAt(twice, ms('2026-01-06T00:00Z'))[0]).toMatchObject({
      user: 'user:default/a',
      from: ms('2026-01-05T09:00Z'),
      until: ms('2026-01-19T09:00Z'),
    });
  });

  it('normalises participant refs in the rotation namespace', () => {
    const r = { ...rotation({ participants: ['jane', 'user:ops/john'] }), metadata: { name: 'r', namespace: 'Team' } };
    expect(onCallAt(r, ms('2026-01-06T00:00Z')).map(a => a.user)).toEqual(['user:team/jane', 'user:ops/john']);
  });

  it('returns nothing for a rotation that cannot be computed', () => {
    expect(onCallAt(rotation({ timezone: 'Mars/Olympus' }), ms('2026-02-01T00:00Z'))).toEqual([]);
    expect(onCallAt(rotation({ participants: [] }), ms('2026-02-01T00:00Z'))).toEqual([]);
  });

  it('never reads the process time zone', () => {
    // Same answers whatever TZ the suite runs under; the CI runs it under
    // UTC, America/Chicago and Australia/Lord_Howe. This pins a value that a
    // local-time bug would move.
    const chicago = rotation({ timezone: 'America/Chicago', start: '2026-03-02T08:00' });
    expect(onCallAt(chicago, ms('2026-03-09T13:30Z')).map(a => iso(a.from))).toEqual([
      '2026-03-09T13:00Z',
      '2026-03-09T13:00Z',
    ]);
  });
});

describe('overrides', () => {
  const r = rotation({
    overrides: [
      { start: '2026-01-07T00:00', end: '2026-01-09T00:00', user: 'user:default/x' },
      // Later in the list: wins where they overlap.
      { start: '2026-01-08T00:00', end: '2026-01-08T12:00', user: 'user:default/y' },
      { start: '2026-01-08T06:00', end: '2026-01-08T18:00', user: 'user:default/z', role: 'secondary' },
    ],
  });

  it('replaces the person at its role (primary by default) for [start, end)', () => {
    expect(onCallAt(r, ms('2026-01-07T00:00Z'))).toEqual([
      { role: 'primary', user: 'user:default/x', from: ms('2026-01-07T00:00Z'), until: ms('2026-01-08T00:00Z'), source: 'override' },
      { role: 'secondary', user: 'user:default/b', from: ms('2026-01-05T09:00Z'), until: ms('2026-01-08T06:00Z'), source: 'schedule' },
    ]);
    expect(onCallAt(r, ms('2026-01-06T23:59Z'))[0].user).toBe('user:default/a');
    expect(onCallAt(r, ms('2026-01-09T00:00Z'))[0]).toMatchObject({ user: 'user:default/a', from: ms('2026-01-09T00:00Z'), source: 'schedule' });
  });

  it('lets a later override win over an earlier one', () => {
    expect(onCallAt(r, ms('2026-01-08T11:00Z')).map(a => a.user)).toEqual(['user:default/y', 'user:default/z']);
    expect(onCallAt(r, ms('2026-01-08T12:00Z')).map(a => a.user)).toEqual(['user:default/x', 'user:default/z']);
  });

  it('reads override times in the rotation zone', () => {
    const berlin = rotation({
      timezone: 'Europe/Berlin',
      overrides: [{ start: '2026-01-07T00:00', end: '2026-01-08T00:00', user: 'user:default/x' }],
    });
    expect(onCallAt(berlin, ms('2026-01-06T23:00Z'))[0]).toMatchObject({
      user: 'user:default/x',
      from: ms('2026-01-06T23:00Z'),
      until: ms('2026-01-07T23:00Z'),
    });
  });

  it('applies outside coverage: an explicit assignment beats the schedule', () => {
    const covered = rotation({
      coverage: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
      overrides: [{ start: '2026-01-10T08:00', end: '2026-01-10T20:00', user: 'user:default/weekend' }],
    });
    // Saturday: no coverage, but the override puts someone there as primary.
    expect(onCallAt(covered, ms('2026-01-10T12:00Z'))).toEqual([
      { role: 'primary', user: 'user:default/weekend', from: ms('2026-01-10T08:00Z'), until: ms('2026-01-10T20:00Z'), source: 'override' },
    ]);
    expect(onCallAt(covered, ms('2026-01-10T20:00Z'))).toEqual([]);
  });

  it('applies before the rotation starts too', () => {
    const early = rotation({ overrides: [{ start: '2026-01-01T00:00', end: '2026-01-02T00:00', user: 'user:default/early' }] });
    expect(onCallAt(early, ms('2026-01-01T12:00Z')).map(a => [a.role, a.user])).toEqual([['primary', 'user:default/early']]);
    expect(onCallAt(early, ms('2026-01-02T12:00Z'))).toEqual([]);
  });

  it('merges an override with the scheduled shift of the same person', () => {
    const extended = rotation({ overrides: [{ start: '2026-01-12T09:00', end: '2026-01-13T09:00', user: 'user:default/a' }] });
    expect(onCallAt(extended, ms('2026-01-12T10:00Z'))[0]).toEqual({
      role: 'primary',
      user: 'user:default/a',
      from: ms('2026-01-05T09:00Z'),
      until: ms('2026-01-13T09:00Z'),
      source: 'override',
    });
  });

  it('ignores a secondary override on a depth-1 rotation', () => {
    const single = rotation({ depth: 1, overrides: [{ start: '2026-01-07T00:00', end: '2026-01-08T00:00', user: 'x', role: 'secondary' }] });
    expect(holdersOfRotationAt(single, ms('2026-01-07T12:00Z'))).toEqual([
      { role: 'primary', user: 'user:default/a', source: 'schedule' },
    ]);
  });
});

describe('rotationShifts', () => {
  it('lists per role the maximal intervals, clipped to the window, sorted by start then role', () => {
    const result = rotationShifts(weekly, ms('2026-01-01T00:00Z'), ms('2026-01-15T00:00Z'));
    expect(result.truncated).toBe(false);
    expect(result.shifts.map(s => `${s.role} ${s.user.slice(-1)} ${iso(s.start)}–${iso(s.end)}`)).toEqual([
      'primary a 2026-01-05T09:00Z–2026-01-12T09:00Z',
      'secondary b 2026-01-05T09:00Z–2026-01-12T09:00Z',
      'primary b 2026-01-12T09:00Z–2026-01-15T00:00Z',
      'secondary c 2026-01-12T09:00Z–2026-01-15T00:00Z',
    ]);
  });

  it('splits shifts around overrides and marks them', () => {
    const r = rotation({ depth: 1, overrides: [{ start: '2026-01-07T00:00', end: '2026-01-08T00:00', user: 'x' }] });
    const { shifts } = rotationShifts(r, ms('2026-01-06T00:00Z'), ms('2026-01-09T00:00Z'));
    expect(shifts.map(s => [s.user.slice(-1), iso(s.start), iso(s.end), s.source])).toEqual([
      ['a', '2026-01-06T00:00Z', '2026-01-07T00:00Z', 'schedule'],
      ['x', '2026-01-07T00:00Z', '2026-01-08T00:00Z', 'override'],
      ['a', '2026-01-08T00:00Z', '2026-01-09T00:00Z', 'schedule'],
    ]);
  });

  it('cuts the list at maxShifts and says so', () => {
    const hourly = rotation({ shiftLength: 'PT1H' });
    const from = ms('2026-02-01T00:00Z');
    const result = rotationShifts(hourly, from, from + 365 * DAY, { maxShifts: 50 });
    expect(result.truncated).toBe(true);
    expect(result.shifts).toHaveLength(50);
    expect(result.shifts[0].start).toBe(from);
    expect(result.shifts[49].start).toBe(from + 24 * 3_600_000);
    const exact = rotationShifts(hourly, from, from + 25 * 3_600_000, { maxShifts: 50 });
    expect(exact).toMatchObject({ truncated: false });
    expect(exact.shifts).toHaveLength(50);
  });

  it('agrees with onCallAt at every hour of a DST week', () => {
    const r = rotation({ timezone: 'Australia/Lord_Howe', start: '2026-09-28T09:00', shiftLength: 'PT12H' });
    const from = ms('2026-10-01T00:00Z');
    const { shifts } = rotationShifts(r, from, from + 7 * DAY);
    for (let t = from; t < from + 7 * DAY; t += 3_600_000) {
      const expected = shifts.filter(s => s.start <= t && t < s.end).map(s => s.user);
      expect(onCallAt(r, t).map(a => a.user)).toEqual(expected);
    }
  });

  it('returns nothing for an empty window', () => {
    expect(rotationShifts(weekly, 10, 10)).toEqual({ shifts: [], truncated: false });
  });
});
