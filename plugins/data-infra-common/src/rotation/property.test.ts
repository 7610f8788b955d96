import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { onCallAt, rotationShifts } from '.';
import type { RotationEntityV1alpha1 } from '../kinds/types';
import type { RotationShift } from './types';
import { referenceHolder, referenceInstant, rotation } from '../__testUtils__/rotation';

const QUARTER = 15 * 60_000;
const DAY = 86_400_000;
const TWO_YEARS = 730 * DAY;

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Chicago',
  'America/Sao_Paulo', // until 2019 its clocks sprang forward at midnight
  'Australia/Lord_Howe', // 30-minute DST
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kathmandu',
];
const SHIFTS = ['PT8H', 'PT12H', 'P1D', 'P1W'];

/** Per role, the shifts sorted by start. */
function byRole(shifts: RotationShift[]) {
  return {
    primary: shifts.filter(s => s.role === 'primary'),
    secondary: shifts.filter(s => s.role === 'secondary'),
  };
}

/**
 * Walks every 15-minute instant of [from, from + TWO_YEARS) and returns, for
 * each, the single primary and secondary shift holding it; fails on a gap or
 * an overlap.
 */
function walkEveryQuarter(
  shifts: RotationShift[],
  from: number,
  visit: (t: number, primary: RotationShift, secondary: RotationShift) => void,
  to = from + TWO_YEARS,
) {
  const roles = byRole(shifts);
  const index = { primary: 0, secondary: 0 };
  for (let t = from; t < to; t += QUARTER) {
    const holding = (['primary', 'secondary'] as const).map(role => {
      const list = roles[role];
      while (index[role] < list.length && list[index[role]].end <= t) index[role]++;
      const shift = list[index[role]];
      const next = list[index[role] + 1];
      if (!shift || shift.start > t || (next && next.start <= t)) {
        throw new Error(`${role}: not exactly one holder at ${new Date(t).toISOString()}`);
      }
      return shift;
    });
    visit(t, holding[0], holding[1]);
  }
}

const arbitraryRotation = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    shiftLength: fc.constantFrom(...SHIFTS),
    participants: fc.integer({ min: 2, max: 5 }),
    day: fc.integer({ min: 0, max: 3 * 365 }),
    minutes: fc.integer({ min: 0, max: 95 }).map(q => q * 15),
    windowDelay: fc.integer({ min: 0, max: 400 }),
  })
  .map(p => ({
    entity: rotation({
      timezone: p.zone,
      shiftLength: p.shiftLength,
      start: DateTime.fromISO('2017-01-01T00:00', { zone: 'UTC' })
        .plus({ days: p.day, minutes: p.minutes })
        .toFormat("yyyy-MM-dd'T'HH:mm"),
      participants: Array.from({ length: p.participants }, (_, i) => `user:default/u${i}`),
    }),
    windowDelay: p.windowDelay * DAY,
  }));

describe('a full-coverage depth-2 rotation (property)', () => {
  it('has exactly one primary and one secondary, different people, at every 15-minute instant of two years', () => {
    fc.assert(
      fc.property(arbitraryRotation, ({ entity, windowDelay }) => {
        const from = DateTime.fromISO(entity.spec.start, { zone: 'UTC' }).toMillis() + 2 * DAY + windowDelay;
        const { shifts, truncated } = rotationShifts(entity, from, from + TWO_YEARS, { maxShifts: 100_000 });
        expect(truncated).toBe(false);
        const sampled: Array<{ t: number; primary: RotationShift; secondary: RotationShift }> = [];
        walkEveryQuarter(shifts, from, (t, primary, secondary) => {
          if (primary.user === secondary.user) throw new Error(`${primary.user} holds both roles at ${t}`);
          if (sampled.length * 7919 <= (t - from) / QUARTER) sampled.push({ t, primary, secondary });
        });
        // Now and then, onCallAt must tell the same story, intervals included
        // (a shift clipped at the window's start began earlier).
        for (const { t, primary, secondary } of sampled) {
          const [p, s] = onCallAt(entity, t);
          expect([p.user, s.user]).toEqual([primary.user, secondary.user]);
          expect(p.from === primary.start || (primary.start === from && p.from < from)).toBe(true);
          expect(p.until === primary.end || (primary.end === from + TWO_YEARS && (p.until === null || p.until > primary.end))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['Australia/Lord_Howe', 'PT8H', '2018-01-03T07:30'],
    ['America/Chicago', 'P1D', '2017-03-01T02:30'],
  ])('matches the naive reference at every 15-minute instant of two years (%s, %s)', (zone, shiftLength, start) => {
    const entity: RotationEntityV1alpha1 = rotation({
      timezone: zone,
      shiftLength,
      start,
      participants: ['user:default/u0', 'user:default/u1', 'user:default/u2'],
    });
    // All hand-offs of the two years, resolved one by one by brute force.
    const startWall = DateTime.fromISO(start, { zone: 'UTC' });
    const step = Duration.fromISO(shiftLength);
    const handoffs: number[] = [];
    for (let k = 0; startWall.plus(step.mapUnits(x => x * k)).toMillis() < startWall.toMillis() + TWO_YEARS + 2 * DAY; k++) {
      handoffs.push(referenceInstant(startWall.plus(step.mapUnits(x => x * k)).toMillis(), zone));
    }
    handoffs.sort((a, b) => a - b);
    // Start the walk a day before the first hand-off: nobody, then the schedule.
    const from = handoffs[0] - DAY;
    const { shifts, truncated } = rotationShifts(entity, from, from + TWO_YEARS, { maxShifts: 100_000 });
    expect(truncated).toBe(false);
    expect(shifts[0].start).toBe(handoffs[0]);
    let count = 0;
    let checked = 0;
    walkEveryQuarter(
      shifts,
      handoffs[0],
      (t, primary, secondary) => {
        while (count < handoffs.length && handoffs[count] <= t) count++;
        const expected = [entity.spec.participants[(count - 1) % 3], entity.spec.participants[count % 3]];
        if (primary.user !== expected[0] || secondary.user !== expected[1]) {
          throw new Error(`at ${new Date(t).toISOString()}: ${primary.user}/${secondary.user}, expected ${expected}`);
        }
        checked++;
      },
      from + TWO_YEARS,
    );
    expect(checked).toBeGreaterThan(69_900);
  });
});

describe('short shifts around DST changes (property)', () => {
  // Transitions: NY spring 2007-03-11, Berlin autumn 2026-10-25, Lord Howe
  // spring 2026-10-04 and autumn 2026-04-05.
  const cases = [
    ['America/New_York', '2007-03-10T20:00'],
    ['Europe/Berlin', '2026-10-24T20:00'],
    ['Australia/Lord_Howe', '2026-10-03T20:00'],
    ['Australia/Lord_Howe', '2026-04-04T20:00'],
  ] as const;

  it('agrees with the naive reference for any shift length and instant nearby', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom('PT15M', 'PT20M', 'PT30M', 'PT45M', 'PT1H', 'PT90M', 'PT3H'),
        fc.integer({ min: 0, max: 23 }).map(q => q * 20),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: -120, max: 14 * 60 }),
        ([zone, start], shiftLength, startDelay, n, minutesAfter) => {
          const entity = rotation({
            timezone: zone,
            shiftLength,
            start: DateTime.fromISO(start, { zone: 'UTC' }).plus({ minutes: startDelay }).toFormat("yyyy-MM-dd'T'HH:mm"),
            participants: Array.from({ length: n }, (_, i) => `user:default/u${i}`),
          });
          const t = DateTime.fromISO(start, { zone }).toMillis() + minutesAfter * 60_000;
          const expected = [referenceHolder(entity, 'primary', t), referenceHolder(entity, 'secondary', t)].filter(Boolean);
          expect(onCallAt(entity, t).map(a => a.user)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
