/*
 * Random valid rotations at the schema's bounds (100 participants, 500
 * overrides, 50 coverage windows, shifts down to PT15M): onCallAt must
 * agree with the naive reference, intervals included, and finish in a
 * number of steps that does not depend on the shift length or the age of
 * the rotation — counted, not timed.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { onCallAt } from '.';
import { DATA_INFRA_LIMITS } from '../kinds/limits';
import type { CoverageWindow, RotationEntityV1alpha1, Weekday } from '../kinds/types';
import { validateDataInfraEntity } from '../kinds/validation';
import { ReferenceRotation } from '../__testUtils__/rotationReference';
import { MAX_PROBES, workDone } from './steps';
import { referenceInstant, rotation } from '../__testUtils__/rotation';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HORIZON = 21 * DAY;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Kathmandu'];
const SHIFTS = ['PT15M', 'PT20M', 'PT1H', 'PT90M', 'PT8H', 'P1D', 'P1W'];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (quarter: number) =>
  quarter === 96 ? '24:00' : `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
const local = (wall: number) => DateTime.fromMillis(wall, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");

const window = fc
  .record({
    days: fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 7 }),
    from: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 1, max: 95 }),
  })
  .map(w => ({ days: w.days, from: hhmm(w.from), to: hhmm(w.from + w.length > 96 ? w.from + w.length - 96 : w.from + w.length) }));

const count = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }), fc.constant(max));

/** A rotation, and an instant `age` after its start (plus or minus a few days). */
function arbitraryCase(age: number) {
  return fc
    .record({
      zone: fc.constantFrom(...ZONES),
      shiftLength: fc.constantFrom(...SHIFTS),
      startDay: fc.integer({ min: 0, max: 800 }),
      startQuarter: fc.integer({ min: 0, max: 95 }),
      n: fc.constantFrom(1, 2, 3, 7, DATA_INFRA_LIMITS.participants),
      pool: fc.integer({ min: 1, max: 100 }),
      picks: fc.array(fc.nat(), { minLength: DATA_INFRA_LIMITS.participants, maxLength: DATA_INFRA_LIMITS.participants }),
      depth: fc.constantFrom(1, 2),
      coverage: fc.oneof(
        fc.constant(undefined),
        fc.array(window, { minLength: 1, maxLength: 5 }),
        fc.array(window, { minLength: DATA_INFRA_LIMITS.coverageWindows, maxLength: DATA_INFRA_LIMITS.coverageWindows }),
      ),
      overrides: count(DATA_INFRA_LIMITS.overrides).chain(m =>
        fc.array(
          fc.record({
            offset: fc.integer({ min: -20 * 96, max: 20 * 96 }),
            length: fc.integer({ min: 1, max: 3 * 96 }),
            user: fc.nat(),
            secondary: fc.boolean(),
          }),
          { minLength: m, maxLength: m },
        ),
      ),
      atMinutes: fc.integer({ min: -3 * 1440, max: 45 * 1440 }),
    })
    .map(p => {
      const startWall = Date.UTC(2025, 0, 1) + p.startDay * DAY + p.startQuarter * 15 * MINUTE;
      const users = Array.from({ length: Math.min(p.pool, p.n) }, (_, i) => `user:default/u${i}`);
      const participants = p.picks.slice(0, p.n).map(i => users[i % users.length]);
      const atWall = startWall + age + p.atMinutes * MINUTE;
      const overrides = p.overrides.map(o => ({
        start: local(atWall + o.offset * 15 * MINUTE),
        end: local(atWall + (o.offset + o.length) * 15 * MINUTE),
        user: o.user % 3 === 0 ? `user:default/extra${o.user % 5}` : participants[o.user % participants.length],
        role: (o.secondary && p.depth === 2 ? 'secondary' : 'primary') as 'primary' | 'secondary',
      }));
      const entity: RotationEntityV1alpha1 = rotation({
        timezone: p.zone,
        start: local(startWall),
        shiftLength: p.shiftLength,
        participants,
        depth: p.depth as 1 | 2,
        ...(p.coverage ? { coverage: p.coverage as CoverageWindow[] } : {}),
        ...(overrides.length ? { overrides } : {}),
      });
      return { entity, at: referenceInstant(atWall, p.zone) + (p.atMinutes % 7) * 1000 };
    });
}

/**
 * The steps one onCallAt may take: two per role and direction, and more
 * only for boundaries where nothing changes (an override handing the role
 * to the person who already holds it) and for weeks of unbroken coverage.
 * None of it depends on the shift length or on how many hand-offs lie
 * between the start and the instant.
 */
function stepBound(entity: RotationEntityV1alpha1): number {
  const overrideBoundaries = 2 * (entity.spec.overrides?.length ?? 0);
  const weeks = Math.ceil(HORIZON / (7 * DAY)) + 1;
  return 4 * (2 + weeks) + 2 * overrideBoundaries;
}

/** Runs onCallAt and returns its answer with the work it counted. */
function measured(entity: RotationEntityV1alpha1, at: number, options?: { horizonMs?: number }) {
  const before = workDone();
  const answer = onCallAt(entity, at, options);
  const after = workDone();
  return { answer, steps: after.steps - before.steps, probes: after.probes - before.probes };
}

function check({ entity, at }: { entity: RotationEntityV1alpha1; at: number }) {
  expect(validateDataInfraEntity(entity)).toEqual([]);
  const reference = new ReferenceRotation(entity, at - HORIZON - 2 * DAY, at + HORIZON + 2 * DAY);
  const { answer, steps, probes } = measured(entity, at, { horizonMs: HORIZON });
  expect(answer).toEqual(reference.onCallAt(at, HORIZON));
  expect(steps).toBeLessThanOrEqual(stepBound(entity));
  // A bisection (near a DST change only) per step at most.
  expect(probes).toBeLessThanOrEqual(MAX_PROBES * (steps + 2));
}

describe('onCallAt on random rotations at the schema bounds (property)', () => {
  // check() asserts; fc.assert runs it on each generated rotation.
  it('agrees with the naive reference, intervals included, within the step bound (days after the start)', () => {
    expect(() => fc.assert(fc.property(arbitraryCase(0), c => void check(c)), { numRuns: 100, endOnFailure: true })).not.toThrow();
  });

  it('agrees with the naive reference within the same step bound two years after the start', () => {
    expect(() => fc.assert(fc.property(arbitraryCase(730 * DAY), c => void check(c)), { numRuns: 15, endOnFailure: true })).not.toThrow();
  });
});

describe('the work does not grow with the number of hand-offs', () => {
  // The same rotation with shifts from a quarter hour to a week, asked one
  // day and two years after its start: the same number of steps.
  const stepsFor = (shiftLength: string, age: number, extra: Partial<RotationEntityV1alpha1['spec']> = {}) => {
    const entity = rotation({ timezone: 'Europe/Berlin', start: '2026-01-05T09:00', shiftLength, participants: ['a', 'b', 'c'], ...extra });
    const { answer, steps, probes } = measured(entity, Date.UTC(2026, 0, 6, 12) + age);
    expect(answer).toHaveLength(2);
    return steps + probes;
  };

  it.each([
    ['without coverage', {}],
    ['with weekday coverage', { coverage: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[], from: '00:00', to: '24:00' }] }],
  ])('%s', (_, extra) => {
    const counts = ['PT15M', 'PT1H', 'P1D', 'P1W'].flatMap(s => [stepsFor(s, 0, extra), stepsFor(s, 730 * DAY + 3 * 3_600_000, extra)]);
    expect(Math.max(...counts)).toBeLessThanOrEqual(16);
    expect(new Set(counts).size).toBe(1);
  });

  it('answers a PT15M rotation 20 years old with a 20-year horizon in a bounded number of steps', () => {
    const entity = rotation({ start: '2006-01-02T00:00', shiftLength: 'PT15M', participants: ['solo'], depth: 1 });
    const { answer, steps, probes } = measured(entity, Date.UTC(2026, 5, 1), { horizonMs: 20 * 366 * DAY });
    expect(answer[0]).toMatchObject({ from: Date.UTC(2026, 5, 1) - 20 * 366 * DAY, until: null });
    expect(steps + probes).toBeLessThanOrEqual(2);
  });
});
