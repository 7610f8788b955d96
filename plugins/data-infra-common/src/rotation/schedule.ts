/*
 * The hand-off schedule of a rotation, compiled once per entity.
 *
 * Hand-off k happens at the local wall-clock reading W(k) = start + k × shiftLength,
 * computed on a zone-less calendar (a UTC luxon DateTime used as a plain
 * calendar), and turned into an instant H(k) by RFC 5545 (wallClockToInstant).
 * W is strictly increasing; H is not quite: around a spring-forward change a
 * reading inside the gap keeps the offset from before the gap, so with shifts
 * shorter than the change (PT30M, or PT1H landing in the gap) a later hand-off
 * can map to an earlier instant than the one before it. The semantics count
 * hand-offs ("k hand-offs at or before t"), so everything here works on the
 * multiset {H(k)} and never assumes H is sorted by k.
 *
 * To stay fast on rotations that are years old with hourly shifts, k is never
 * found by iterating from the start: the number of readings W(k) at or before
 * a wall time is computed arithmetically (fixed units) or estimated and
 * adjusted (months, years). The only hand-offs evaluated one by one are those
 * whose wall reading is within the zone's offset range of the instant asked
 * about.
 */
import { DateTime, Duration, IANAZone } from 'luxon';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CoverageWindow, RotationEntityV1alpha1 } from '../kinds/types';
import { isValidIanaZone, parseIsoDuration, parseLocalDateTime, wallClockToInstant } from '../time';
import type { RotationRole } from './types';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const AVERAGE_MONTH = (365.2425 / 12) * DAY;

/** An override with its bounds as instants. */
export interface CompiledOverride {
  start: number;
  end: number;
  user: string;
  role: RotationRole;
}

/** A rotation ready for computation. Internal to the rotation folder. */
export interface CompiledRotation {
  ref: string;
  zone: string;
  depth: 1 | 2;
  /** Normalised User refs, in order. */
  participants: string[];
  distinctUsers: number;
  coverage?: CoverageWindow[];
  /** In list order: a later one wins. */
  overrides: CompiledOverride[];
  /** Wall reading of hand-off k, in ms on the zone-less calendar. */
  wallAt(k: number): number;
  /** Number of k ≥ 0 with wallAt(k) ≤ wall. */
  wallCountAtOrBefore(wall: number): number;
  /** Rough length of a shift, for sizing search windows. */
  approxShiftMs: number;
  /** The instant of hand-off k. */
  instantAt(k: number): number;
  /** The instant of hand-off 0 (the start). */
  startInstant: number;
}

/** Normalises a ref, falling back to the text as written when it cannot be parsed. */
export function normaliseRef(ref: string, defaultKind: string, defaultNamespace: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref, { defaultKind, defaultNamespace }));
  } catch {
    return ref;
  }
}

function multiplyUnits(units: Record<string, number>, k: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [unit, value] of Object.entries(units)) result[unit] = value * k;
  return result;
}

const compiled = new WeakMap<RotationEntityV1alpha1, CompiledRotation | null>();

/**
 * Compiles a rotation, or returns undefined when its spec cannot describe a
 * schedule (bad zone, start or shift length, no participants). Cached per
 * entity object: entities are treated as immutable.
 */
export function compileRotation(rotation: RotationEntityV1alpha1): CompiledRotation | undefined {
  if (compiled.has(rotation)) return compiled.get(rotation) ?? undefined;
  const result = doCompile(rotation);
  compiled.set(rotation, result ?? null);
  return result;
}

function doCompile(rotation: RotationEntityV1alpha1): CompiledRotation | undefined {
  const spec = rotation?.spec;
  if (!spec || !isValidIanaZone(spec.timezone)) return undefined;
  const startWall = parseLocalDateTime(spec.start);
  const duration: Duration | undefined = parseIsoDuration(spec.shiftLength);
  if (!startWall || !duration || !(duration.toMillis() > 0)) return undefined;
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
    wallCountAtOrBefore = wall => {
      if (wall < w0) return 0;
      let k = Math.max(0, Math.floor((wall - w0) / approxShiftMs));
      while (wallAt(k) <= wall) k++;
      while (k > 0 && wallAt(k - 1) > wall) k--;
      return k;
    };
  }
  // Hand-off instants are asked for again and again (the same rotation at
  // thousands of instants), so they are memoised.
  const instants = new Map<number, number>();
  const instantAt = (k: number) => {
    let instant = instants.get(k);
    if (instant === undefined) {
      if (instants.size > 100_000) instants.clear();
      instant = wallClockToInstant(DateTime.fromMillis(wallAt(k), { zone: 'UTC' }), zone);
      instants.set(k, instant);
    }
    return instant;
  };

  const participants = spec.participants.map(p => normaliseRef(p, 'user', namespace));
  const depth = spec.depth === 1 ? 1 : 2;
  const overrides: CompiledOverride[] = [];
  for (const o of spec.overrides ?? []) {
    const start = parseLocalDateTime(o.start);
    const end = parseLocalDateTime(o.end);
    const role = o.role ?? 'primary';
    // A secondary override on a depth-1 rotation has no role to fill.
    if (!start || !end || !o.user || (role === 'secondary' && depth < 2)) continue;
    const from = wallClockToInstant(start, zone);
    const until = wallClockToInstant(end, zone);
    if (from < until) overrides.push({ start: from, end: until, user: normaliseRef(o.user, 'user', namespace), role });
  }

  return {
    ref: normaliseRef(rotation.metadata?.name ?? '', 'rotation', namespace),
    zone,
    depth,
    participants,
    distinctUsers: new Set(participants).size,
    coverage: spec.coverage && spec.coverage.length > 0 ? spec.coverage : undefined,
    overrides,
    wallAt,
    wallCountAtOrBefore,
    approxShiftMs,
    instantAt,
    startInstant: instantAt(0),
  };
}

/*
 * Offsets of a zone, sampled every 12 hours and memoised per zone. Only their
 * minimum and maximum near an instant are used, to bound which hand-offs can
 * be ambiguous there.
 */
const SAMPLE = 12 * HOUR;
const offsetCache = new Map<string, Map<number, number>>();

function sampledOffset(zone: string, bucket: number): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  let offset = cache.get(bucket);
  if (offset === undefined) {
    if (cache.size > 200_000) cache.clear();
    offset = IANAZone.create(zone).offset(bucket * SAMPLE) * 60_000;
    cache.set(bucket, offset);
  }
  return offset;
}

/**
 * The UTC offset (ms) of a zone at an instant, as luxon computes it, but
 * memoised: when the offsets at both ends of the surrounding UTC hour agree
 * (no zone changes twice within an hour), that is the offset throughout it.
 */
const HOUR_BUCKET = 3_600_000;
const hourCache = new Map<string, Map<number, number>>();

function hourOffset(zone: string, hour: number): number {
  let cache = hourCache.get(zone);
  if (!cache) {
    cache = new Map();
    hourCache.set(zone, cache);
  }
  let offset = cache.get(hour);
  if (offset === undefined) {
    if (cache.size > 200_000) cache.clear();
    offset = IANAZone.create(zone).offset(hour * HOUR_BUCKET) * 60_000;
    cache.set(hour, offset);
  }
  return offset;
}

export function zoneOffset(zone: string, at: number): number {
  const hour = Math.floor(at / HOUR_BUCKET);
  const start = hourOffset(zone, hour);
  return start === hourOffset(zone, hour + 1) ? start : IANAZone.create(zone).offset(at) * 60_000;
}

/**
 * Min and max UTC offset (ms) of the zone at instants within two days of
 * [from, to]. wallClockToInstant only ever uses offsets found a day either
 * side of the reading, so this brackets the offset of any hand-off whose
 * instant falls in [from, to].
 */
export function offsetRange(zone: string, from: number, to: number): [number, number] {
  const first = Math.floor((from - 2 * DAY) / SAMPLE);
  const last = Math.ceil((to + 2 * DAY) / SAMPLE);
  let min = Infinity;
  let max = -Infinity;
  for (let b = first; b <= last; b++) {
    const offset = sampledOffset(zone, b);
    if (offset < min) min = offset;
    if (offset > max) max = offset;
  }
  return [min, max];
}

/** Number of hand-offs at or before instant t (hand-off 0 counts). */
export function handoffCount(r: CompiledRotation, t: number): number {
  const [minOffset, maxOffset] = offsetRange(r.zone, t, t);
  // Readings up to t + minOffset are surely at or before t; readings after
  // t + maxOffset surely after. Only those in between are checked one by one.
  const sure = r.wallCountAtOrBefore(t + minOffset);
  const end = r.wallCountAtOrBefore(t + maxOffset);
  let count = sure;
  for (let k = sure; k < end; k++) if (r.instantAt(k) <= t) count++;
  return count;
}

/** Instants of the hand-offs in [from, to), sorted, with repeats kept. */
export function handoffsBetween(r: CompiledRotation, from: number, to: number): number[] {
  if (!(from < to)) return [];
  const [minOffset, maxOffset] = offsetRange(r.zone, from, to);
  const first = r.wallCountAtOrBefore(from + minOffset - 1);
  const end = r.wallCountAtOrBefore(to + maxOffset - 1);
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
  const n = r.participants.length;
  return r.participants[(role === 'primary' ? count - 1 : count) % n];
}
