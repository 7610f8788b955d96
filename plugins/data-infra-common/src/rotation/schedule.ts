/*
 * The hand-off schedule of a rotation, compiled once per entity.
 *
 * Hand-off k happens at the local wall-clock reading W(k) = start + k × shiftLength,
 * computed on a zone-less calendar, and turned into an instant H(k) by
 * RFC 5545 (ZoneRules.instantOf). W is strictly increasing; H is not quite:
 * a reading in a spring-forward gap keeps the offset from before the gap,
 * so with shifts shorter than the change a later hand-off can map to an
 * earlier instant than the one before it. The semantics count hand-offs
 * ("k hand-offs at or before t"), so everything here works on the multiset
 * {H(k)} and never assumes H is sorted by k.
 *
 * Nothing walks the hand-offs. Far from a DST transition the offset q is
 * constant and the count at t is the number of readings at or before t + q,
 * a division. Near one, the wall line splits into pieces that each resolve
 * with one offset (see ZoneRules.instantOf), and the count is a sum of
 * divisions, one per piece.
 */
import { Duration } from 'luxon';
import type { RotationEntityV1alpha1 } from '../kinds/types';
import { MIN_SHIFT_MS } from '../kinds/limits';
import { normaliseRefText } from '../kinds/refText';
import { isValidIanaZone, parseIsoDuration, parseLocalDateTime } from '../time';
import { switchReading, ZoneRules } from '../time/zoneRules';
import { CompiledCoverage, compileCoverage } from './coverage';
import { buildOverrideTimeline, OverrideTimeline, TimedOverride } from './overrides';
import { countProbe } from './steps';
import type { RotationRole } from './types';

const DAY = 86_400_000;
const AVERAGE_MONTH = (365.2425 / 12) * DAY;

/** A rotation ready for computation. Internal to the rotation folder. */
export interface CompiledRotation {
  ref: string;
  zone: string;
  rules: ZoneRules;
  depth: 1 | 2;
  /** Normalised User refs, in order. */
  participants: string[];
  distinctUsers: number;
  /** Undefined: always covered. */
  coverage?: CompiledCoverage;
  /** Per role, who the overrides put there and when. */
  overrides: Record<RotationRole, OverrideTimeline>;
  /** Wall reading of hand-off k, in ms on the zone-less calendar. */
  wallAt(k: number): number;
  /** Number of k ≥ 0 with wallAt(k) ≤ wall. */
  wallCountAtOrBefore(wall: number): number;
  /** Rough length of a shift, for sizing search windows. */
  approxShiftMs: number;
  /** The instant of hand-off k. */
  instantAt(k: number): number;
  /**
   * The earliest hand-off instant: the start, unless the start is in a DST
   * gap and a hand-off just after the gap maps before it.
   */
  startInstant: number;
  /**
   * For participant position i, how many positions ahead (behind) the next
   * (previous) different user is, cyclically; Infinity with one distinct user.
   */
  ahead: number[];
  behind: number[];
}

function multiplyUnits(units: Record<string, number>, k: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [unit, value] of Object.entries(units)) result[unit] = value * k;
  return result;
}

/** Cyclic distances to the next and previous different user, per position. */
function runLengths(participants: string[]): { ahead: number[]; behind: number[] } {
  const n = participants.length;
  const ahead = new Array<number>(n).fill(Infinity);
  const behind = new Array<number>(n).fill(Infinity);
  if (new Set(participants).size === 1) return { ahead, behind };
  // Two passes around the circle settle every position.
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 2 * n - 1; j >= 0; j--) {
      const i = j % n;
      const next = (i + 1) % n;
      ahead[i] = participants[next] !== participants[i] ? 1 : Math.min(ahead[i], ahead[next] + 1);
    }
    for (let j = 0; j < 2 * n; j++) {
      const i = j % n;
      const previous = (i - 1 + n) % n;
      behind[i] = participants[previous] !== participants[i] ? 1 : Math.min(behind[i], behind[previous] + 1);
    }
  }
  return { ahead, behind };
}

const compiled = new WeakMap<RotationEntityV1alpha1, CompiledRotation | null>();

/**
 * Compiles a rotation, or returns undefined when its spec cannot describe a
 * schedule (bad zone, start or shift length, a shift shorter than the
 * schema allows, no participants). Cached per entity object: entities are
 * treated as immutable.
 */
export function compileRotation(rotation: RotationEntityV1alpha1): CompiledRotation | undefined {
  const known = compiled.get(rotation);
  if (known !== undefined) return known ?? undefined;
  let result: CompiledRotation | undefined;
  try {
    result = doCompile(rotation);
  } catch {
    // A spec that the time math cannot represent (e.g. a start in year 0).
    result = undefined;
  }
  compiled.set(rotation, result ?? null);
  return result;
}

function doCompile(rotation: RotationEntityV1alpha1): CompiledRotation | undefined {
  const spec = rotation?.spec;
  if (!spec || !isValidIanaZone(spec.timezone)) return undefined;
  const rules = ZoneRules.of(spec.timezone);
  const startWall = parseLocalDateTime(spec.start);
  const duration: Duration | undefined = parseIsoDuration(spec.shiftLength);
  if (!rules || !startWall || !duration) return undefined;
  if (!Array.isArray(spec.participants) || spec.participants.length === 0) return undefined;

  const namespace = rotation.metadata?.namespace ?? 'default';
  const zone = spec.timezone;
  const units = duration.toObject() as Record<string, number>;
  const calendarUnits = (units.years ?? 0) + (units.quarters ?? 0) + (units.months ?? 0) > 0;
  const w0 = startWall.toMillis();

  let wallAt: (k: number) => number;
  let wallCountAtOrBefore: (wall: number) => number;
  let approxShiftMs: number;
  if (!calendarUnits) {
    // Weeks, days, hours…: on a zone-less calendar these are fixed lengths.
    const step = duration.toMillis();
    // Shorter shifts than validation allows (an entity that bypassed it)
    // are not computed: nobody is on call.
    if (!(step >= MIN_SHIFT_MS)) return undefined;
    approxShiftMs = step;
    wallAt = k => w0 + k * step;
    wallCountAtOrBefore = wall => (wall < w0 ? 0 : Math.floor((wall - w0) / step) + 1);
  } else {
    const { years = 0, quarters = 0, months = 0, ...rest } = units;
    approxShiftMs =
      (years * 12 + quarters * 3 + months) * AVERAGE_MONTH + Duration.fromObject(rest).toMillis();
    // Each unit is multiplied by k from the start, so a P1M rotation starting
    // on the 31st hands off on the 31st whenever the month has one.
    wallAt = k => startWall.plus(multiplyUnits(units, k)).toMillis();
    // Estimated from the average month, then adjusted: a month is 28–31
    // days, so the estimate is off by at most a couple of hand-offs.
    wallCountAtOrBefore = wall => {
      if (wall < w0) return 0;
      let k = Math.max(0, Math.floor((wall - w0) / approxShiftMs));
      while (wallAt(k) <= wall) k++;
      while (k > 0 && wallAt(k - 1) > wall) k--;
      return k;
    };
  }
  const instantAt = (k: number) => rules.instantOf(wallAt(k));

  const participants = spec.participants.map(p => normaliseRefText(p, 'user', namespace));
  const depth = spec.depth === 1 ? 1 : 2;
  const timed: Record<RotationRole, TimedOverride[]> = { primary: [], secondary: [] };
  (Array.isArray(spec.overrides) ? spec.overrides : []).forEach((o, index) => {
    const start = parseLocalDateTime(o?.start);
    const end = parseLocalDateTime(o?.end);
    const role = o?.role ?? 'primary';
    // A secondary override on a depth-1 rotation has no role to fill.
    if (!start || !end || !o.user || (role !== 'primary' && role !== 'secondary')) return;
    if (role === 'secondary' && depth < 2) return;
    const from = rules.instantOf(start.toMillis());
    const until = rules.instantOf(end.toMillis());
    if (from < until) timed[role].push({ start: from, end: until, user: normaliseRefText(o.user, 'user', namespace), index });
  });

  if (!Number.isFinite(instantAt(0))) return undefined;
  const result: CompiledRotation = {
    ref: normaliseRefText(rotation.metadata?.name ?? '', 'rotation', namespace),
    zone,
    rules,
    depth,
    participants,
    distinctUsers: new Set(participants).size,
    coverage: compileCoverage(spec.coverage, rules),
    overrides: { primary: buildOverrideTimeline(timed.primary), secondary: buildOverrideTimeline(timed.secondary) },
    wallAt,
    wallCountAtOrBefore,
    approxShiftMs,
    instantAt,
    startInstant: NaN,
    ...runLengths(participants),
  };
  result.startInstant = countReachedAt(result, 1);
  return result;
}

/** Number of hand-offs at or before instant t (hand-off 0 counts). */
export function handoffCount(r: CompiledRotation, t: number): number {
  const quiet = r.rules.quietOffset(t);
  if (!Number.isNaN(quiet)) return r.wallCountAtOrBefore(t + quiet);
  const nearby = r.rules.transitionsAround(t);
  if (nearby.length === 0) return r.wallCountAtOrBefore(t + r.rules.offsetAt(t));
  // The wall line in pieces [lower, upper), each resolving with one offset
  // q: a reading W in it is at or before t when W ≤ t + q.
  let total = 0;
  let lower = -Infinity;
  for (let i = 0; i <= nearby.length; i++) {
    const upper = i < nearby.length ? switchReading(nearby[i]) : Infinity;
    const q = i === 0 ? nearby[0].before : nearby[i - 1].after;
    const high = t + q < upper ? r.wallCountAtOrBefore(t + q) : r.wallCountAtOrBefore(upper - 1);
    const low = lower === -Infinity ? 0 : r.wallCountAtOrBefore(lower - 1);
    if (high > low) total += high - low;
    lower = upper;
  }
  return total;
}

/**
 * The instant at which the count of hand-offs reaches c (c ≥ 1): the c-th
 * smallest hand-off instant. That is H(c-1) unless a DST gap reorders the
 * hand-offs nearby; then it is found by bisection on the count.
 */
export function countReachedAt(r: CompiledRotation, c: number): number {
  const guess = r.instantAt(c - 1);
  if (r.rules.quietAround(guess)) return guess;
  let lo = guess - 2 * DAY; // count(lo) < c
  let hi = guess + 2 * DAY; // count(hi) ≥ c
  while (hi - lo > 1) {
    countProbe();
    const mid = Math.floor((lo + hi) / 2);
    if (handoffCount(r, mid) >= c) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Instants of the hand-offs in [from, to), sorted, with repeats kept. */
export function handoffsBetween(r: CompiledRotation, from: number, to: number): number[] {
  if (!(from < to)) return [];
  // A reading W resolves with some offset q in force nearby, at W - q.
  const [min, max] = r.rules.offsetBounds(from, to);
  const first = r.wallCountAtOrBefore(from + min - 1);
  const end = r.wallCountAtOrBefore(to + max);
  const result: number[] = [];
  for (let k = first; k < end; k++) {
    const instant = r.instantAt(k);
    if (instant >= from && instant < to) result.push(instant);
  }
  return result.sort((a, b) => a - b);
}

/** Who the schedule (without coverage or overrides) puts at a role after `count` hand-offs. */
export function scheduledUser(r: CompiledRotation, role: RotationRole, count: number): string | undefined {
  if (count < 1 || (role === 'secondary' && r.depth < 2)) return undefined;
  return r.participants[positionOf(r, role, count)];
}

/** The participant position holding a role after `count` (≥ 1) hand-offs. */
export function positionOf(r: CompiledRotation, role: RotationRole, count: number): number {
  return (role === 'primary' ? count - 1 : count) % r.participants.length;
}
