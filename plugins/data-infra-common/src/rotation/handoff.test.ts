import { handoffInstant, nextHandoff, onCallAt, rotationShifts } from '.';
import { iso, ms, referenceHolder, rotation } from '../__testUtils__/rotation';

const HOUR = 3_600_000;
const shiftHours = (r: ReturnType<typeof rotation>, k: number) =>
  (handoffInstant(r, k + 1) - handoffInstant(r, k)) / HOUR;

describe('handoffInstant: wall-clock hand-offs across DST', () => {
  it('a weekly 08:00 hand-off in Chicago lasts 167 h across the March change and 169 h across November', () => {
    const r = rotation({ timezone: 'America/Chicago', start: '2026-03-02T08:00', shiftLength: 'P1W' });
    expect(iso(handoffInstant(r, 0))).toBe('2026-03-02T14:00Z');
    expect(iso(handoffInstant(r, 1))).toBe('2026-03-09T13:00Z');
    expect(shiftHours(r, 0)).toBe(167);
    // 2026-10-26 is 34 weeks after 2026-03-02; the change is on 2026-11-01.
    expect(iso(handoffInstant(r, 34))).toBe('2026-10-26T13:00Z');
    expect(shiftHours(r, 34)).toBe(169);
    expect(shiftHours(r, 10)).toBe(168);
  });

  it('a daily one lasts 23 h and 25 h', () => {
    const spring = rotation({ timezone: 'America/Chicago', start: '2026-03-07T08:00', shiftLength: 'P1D' });
    expect(shiftHours(spring, 0)).toBe(23);
    expect(shiftHours(spring, 1)).toBe(24);
    const autumn = rotation({ timezone: 'America/Chicago', start: '2026-10-31T08:00', shiftLength: 'P1D' });
    expect(shiftHours(autumn, 0)).toBe(25);
  });

  it('a 3-hour one from 00:00 on 2017-03-12 in Chicago ends at 03:00 local (08:00Z) after 2 h', () => {
    const r = rotation({ timezone: 'America/Chicago', start: '2017-03-12T00:00', shiftLength: 'PT3H' });
    expect(iso(handoffInstant(r, 0))).toBe('2017-03-12T06:00Z');
    expect(iso(handoffInstant(r, 1))).toBe('2017-03-12T08:00Z');
    const [primary] = onCallAt(r, ms('2017-03-12T07:00Z'));
    expect(primary).toMatchObject({ user: 'user:default/a', from: ms('2017-03-12T06:00Z'), until: ms('2017-03-12T08:00Z') });
  });

  it('resolves a time in the spring-forward gap with the offset from before it, and a repeated time as its first occurrence (New York 2007)', () => {
    expect(iso(handoffInstant(rotation({ timezone: 'America/New_York', start: '2007-03-11T02:30' }), 0))).toBe('2007-03-11T07:30Z');
    expect(iso(handoffInstant(rotation({ timezone: 'America/New_York', start: '2007-11-04T01:30' }), 0))).toBe('2007-11-04T05:30Z');
  });

  it('handles Europe/Berlin: 167/169 h weeks, a daily 02:30 hand-off falling in the gap and in the overlap', () => {
    const weekly = rotation({ timezone: 'Europe/Berlin', start: '2026-03-23T09:00' });
    expect(shiftHours(weekly, 0)).toBe(167);
    // 2026-10-19 is 30 weeks later; clocks go back on 2026-10-25.
    expect(iso(handoffInstant(weekly, 30))).toBe('2026-10-19T07:00Z');
    expect(shiftHours(weekly, 30)).toBe(169);

    const gap = rotation({ timezone: 'Europe/Berlin', start: '2026-03-28T02:30', shiftLength: 'P1D' });
    // 2026-03-29 02:30 does not exist: it keeps +01:00, the offset before the gap.
    expect(iso(handoffInstant(gap, 1))).toBe('2026-03-29T01:30Z');
    expect(shiftHours(gap, 0)).toBe(24);
    expect(shiftHours(gap, 1)).toBe(23);

    const overlap = rotation({ timezone: 'Europe/Berlin', start: '2026-10-24T02:30', shiftLength: 'P1D' });
    // 2026-10-25 02:30 happens twice: the first, at +02:00, counts.
    expect(iso(handoffInstant(overlap, 1))).toBe('2026-10-25T00:30Z');
    expect(shiftHours(overlap, 0)).toBe(24);
    expect(shiftHours(overlap, 1)).toBe(25);
  });

  it('handles Australia/Lord_Howe and its 30-minute change', () => {
    const april = rotation({ timezone: 'Australia/Lord_Howe', start: '2026-04-04T09:00', shiftLength: 'P1D' });
    expect(iso(handoffInstant(april, 0))).toBe('2026-04-03T22:00Z');
    expect(shiftHours(april, 0)).toBe(24.5);
    const october = rotation({ timezone: 'Australia/Lord_Howe', start: '2026-10-03T09:00', shiftLength: 'P1D' });
    expect(shiftHours(october, 0)).toBe(23.5);
    // 02:15 on 2026-10-04 is in the gap (02:00 → 02:30): +10:30 applies.
    expect(iso(handoffInstant(rotation({ timezone: 'Australia/Lord_Howe', start: '2026-10-04T02:15' }), 0))).toBe('2026-10-03T15:45Z');
    // 01:45 on 2026-04-05 happens twice: the first is at +11:00.
    expect(iso(handoffInstant(rotation({ timezone: 'Australia/Lord_Howe', start: '2026-04-05T01:45' }), 0))).toBe('2026-04-04T14:45Z');
  });

  it('adds months on the calendar, each unit multiplied by k (31st → 28th → 31st)', () => {
    const r = rotation({ start: '2026-01-31T09:00', shiftLength: 'P1M' });
    expect([0, 1, 2, 3].map(k => iso(handoffInstant(r, k)))).toEqual([
      '2026-01-31T09:00Z',
      '2026-02-28T09:00Z',
      '2026-03-31T09:00Z',
      '2026-04-30T09:00Z',
    ]);
    // Found by estimate and adjustment, years later.
    const at = ms('2031-07-30T12:00Z');
    expect(onCallAt(r, at, { horizonMs: 0 }).map(a => a.user)).toEqual([
      referenceHolder(r, 'primary', at),
      referenceHolder(r, 'secondary', at),
    ]);
  });

  it('rejects a negative or fractional index and an uncomputable rotation', () => {
    expect(() => handoffInstant(rotation(), -1)).toThrow(/integer/);
    expect(() => handoffInstant(rotation({ shiftLength: 'weekly' }), 0)).toThrow(/spec.shiftLength/);
  });
});

describe('counting hand-offs when a DST gap puts them out of order', () => {
  // New York, 2007-03-11: 02:00–03:00 does not exist.
  const participants = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map(p => `user:default/${p}`);

  it('an hourly rotation hands off twice at 07:00Z (02:00 in the gap and 03:00), so p2 is never primary', () => {
    const r = rotation({ timezone: 'America/New_York', start: '2007-03-11T00:00', shiftLength: 'PT1H', participants: participants.slice(0, 5), depth: 1 });
    expect(iso(handoffInstant(r, 2))).toBe('2007-03-11T07:00Z');
    expect(iso(handoffInstant(r, 3))).toBe('2007-03-11T07:00Z');
    expect(onCallAt(r, ms('2007-03-11T06:59Z'))[0]).toMatchObject({ user: 'user:default/p1', until: ms('2007-03-11T07:00Z') });
    expect(onCallAt(r, ms('2007-03-11T07:00Z'))[0]).toMatchObject({ user: 'user:default/p3', from: ms('2007-03-11T07:00Z') });
    const { shifts } = rotationShifts(r, ms('2007-03-11T05:00Z'), ms('2007-03-11T09:00Z'));
    expect(shifts.map(s => [s.user.slice(-2), iso(s.start), iso(s.end)])).toEqual([
      ['p0', '2007-03-11T05:00Z', '2007-03-11T06:00Z'],
      ['p1', '2007-03-11T06:00Z', '2007-03-11T07:00Z'],
      ['p3', '2007-03-11T07:00Z', '2007-03-11T08:00Z'],
      ['p4', '2007-03-11T08:00Z', '2007-03-11T09:00Z'],
    ]);
  });

  it('a 30-minute rotation counts every hand-off at or before t even when a later one maps earlier', () => {
    // 01:00→06:00Z, 01:30→06:30Z, 02:00→07:00Z, 02:30→07:30Z (gap, old offset),
    // 03:00→07:00Z, 03:30→07:30Z, 04:00→08:00Z.
    const r = rotation({ timezone: 'America/New_York', start: '2007-03-11T01:00', shiftLength: 'PT30M', participants });
    expect([0, 1, 2, 3, 4, 5, 6].map(k => iso(handoffInstant(r, k)))).toEqual([
      '2007-03-11T06:00Z',
      '2007-03-11T06:30Z',
      '2007-03-11T07:00Z',
      '2007-03-11T07:30Z',
      '2007-03-11T07:00Z',
      '2007-03-11T07:30Z',
      '2007-03-11T08:00Z',
    ]);
    const primary = (at: string) => onCallAt(r, ms(at))[0].user.slice(-2);
    expect(primary('2007-03-11T06:59Z')).toBe('p1'); // 2 hand-offs
    expect(primary('2007-03-11T07:00Z')).toBe('p3'); // 4: k = 0, 1, 2, 4
    expect(primary('2007-03-11T07:30Z')).toBe('p5'); // 6
    expect(primary('2007-03-11T08:00Z')).toBe('p6'); // 7
    expect(iso(nextHandoff(r, ms('2007-03-11T06:45Z')))).toBe('2007-03-11T07:00Z');
    expect(iso(nextHandoff(r, ms('2007-03-11T07:00Z')))).toBe('2007-03-11T07:30Z');
    expect(iso(nextHandoff(r, ms('2007-03-11T07:30Z')))).toBe('2007-03-11T08:00Z');
    for (let t = ms('2007-03-11T05:30Z'); t < ms('2007-03-11T09:00Z'); t += 15 * 60_000) {
      expect(onCallAt(r, t, { horizonMs: 0 }).map(a => a.user)).toEqual([
        referenceHolder(r, 'primary', t),
        referenceHolder(r, 'secondary', t),
      ]);
    }
  });
});

describe('nextHandoff', () => {
  const r = rotation({ timezone: 'Europe/Berlin', start: '2026-01-05T09:00' });
  it('is the first hand-off strictly after the instant, including the start', () => {
    expect(iso(nextHandoff(r, ms('2025-12-01T00:00Z')))).toBe('2026-01-05T08:00Z');
    expect(iso(nextHandoff(r, ms('2026-01-05T08:00Z')))).toBe('2026-01-12T08:00Z');
    expect(iso(nextHandoff(r, ms('2026-01-05T07:59Z')))).toBe('2026-01-05T08:00Z');
    // Across the spring change the wall clock stays at 09:00.
    expect(iso(nextHandoff(r, ms('2026-03-30T06:00Z')))).toBe('2026-03-30T07:00Z');
  });
  it('is null for a rotation that cannot be computed', () => {
    expect(nextHandoff(rotation({ timezone: 'EST' }), 0)).toBeNull();
  });
});

describe('speed on old rotations', () => {
  it('answers for an hourly rotation started 16 years earlier without walking from the start', () => {
    const r = rotation({ start: '2010-01-01T00:00', shiftLength: 'PT1H', participants: ['a', 'b', 'c', 'd', 'e'] });
    const began = Date.now();
    const at = ms('2026-06-15T10:30Z');
    const result = onCallAt(r, at);
    expect(Date.now() - began).toBeLessThan(500);
    const hours = Math.floor((at - ms('2010-01-01T00:00Z')) / 3_600_000);
    // hours + 1 hand-offs at or before `at`
    expect(result.map(a => a.user)).toEqual([`user:default/${'abcde'[hours % 5]}`, `user:default/${'abcde'[(hours + 1) % 5]}`]);
    expect(result[0]).toMatchObject({ from: ms('2026-06-15T10:00Z'), until: ms('2026-06-15T11:00Z') });
  });
});
