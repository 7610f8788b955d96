import type { RotationEntityV1alpha1 } from '../kinds/types';
import { isSupportedInstant, SUPPORTED_INSTANTS } from '../time';
import type { OnCallAssignment, RotationRole, RotationShift, RotationShifts } from './types';
import { nextOverrideBoundary, overrideAt, previousOverrideBoundary } from './overrides';
import {
  CompiledRotation,
  compileRotation,
  countReachedAt,
  handoffCount,
  positionOf,
  scheduledUser,
} from './schedule';
import { countStep } from './steps';
import { holderOf, holdersAt, Holder, rolesOf, Segment, timeline } from './timeline';

const DAY = 86_400_000;
const DEFAULT_HORIZON = 366 * DAY;
/** A search must end: horizons beyond 20 years are cut to 20 years. */
const MAX_HORIZON = 20 * 366 * DAY;
const MAX_CHUNK = 64 * DAY;
/**
 * Change points one search looks at, at most. Each one that does not end
 * the search is an override boundary or a week of unbroken coverage, so a
 * valid rotation (at most 500 overrides, a horizon of 20 years) needs
 * fewer; beyond it the interval is cut where the search stopped.
 */
export const MAX_SEARCH_STEPS = 4096;

function compileOrThrow(rotation: RotationEntityV1alpha1): CompiledRotation {
  const r = compileRotation(rotation);
  if (!r) {
    throw new Error(
      `Rotation ${rotation?.metadata?.name ?? '?'} cannot be computed: check spec.timezone, spec.start, spec.shiftLength and spec.participants`,
    );
  }
  return r;
}

/** Search windows start at a couple of shifts and double, so a change is usually found in the first one. */
function firstChunk(r: CompiledRotation): number {
  return Math.min(MAX_CHUNK, Math.max(2 * DAY, 2 * r.approxShiftMs));
}

/**
 * The instant of hand-off k (k ≥ 0; hand-off 0 is the start): the local
 * wall-clock reading start + k × shiftLength in the rotation's zone, resolved
 * by RFC 5545 (a reading in a DST gap keeps the offset from before the gap; a
 * repeated reading means its first occurrence). Throws for a rotation whose
 * spec cannot describe a schedule.
 * @public
 */
export function handoffInstant(rotation: RotationEntityV1alpha1, k: number): number {
  if (!Number.isInteger(k) || k < 0) throw new Error(`Hand-off index must be an integer ≥ 0, got ${k}`);
  return compileOrThrow(rotation).instantAt(k);
}

/**
 * The first scheduled hand-off strictly after `at` (epoch ms), or null when
 * there is none (a rotation whose spec cannot describe a schedule, or an
 * instant outside SUPPORTED_INSTANTS).
 * @public
 */
export function nextHandoff(rotation: RotationEntityV1alpha1, at: number): number | null {
  const r = compileRotation(rotation);
  if (!r || !isSupportedInstant(at)) return null;
  return countReachedAt(r, handoffCount(r, at) + 1);
}

/**
 * The next instant after `s` at which the holder of `role` may change,
 * given that `holder` holds it at `s`: the end of the override holding it,
 * or else the next override, coverage end or scheduled change of person,
 * whichever comes first. Hand-offs that keep the same person are skipped
 * arithmetically (by the run lengths of the participant list).
 */
function nextCandidate(r: CompiledRotation, role: RotationRole, s: number, holder: Holder, limit: number): number {
  const overrides = r.overrides[role];
  const override = nextOverrideBoundary(overrides, s);
  if (holder.source === 'override') return override;
  const coverage = r.coverage ? r.coverage.nextBoundary(s, Math.min(override, limit)) : Infinity;
  const count = handoffCount(r, s);
  const run = r.ahead[positionOf(r, role, count)];
  const schedule = run === Infinity ? Infinity : countReachedAt(r, count + run);
  return Math.min(override, coverage, schedule);
}

/** The last instant at or before `s` at which the holder of `role` may have changed. */
function previousCandidate(r: CompiledRotation, role: RotationRole, s: number, holder: Holder, limit: number): number {
  const overrides = r.overrides[role];
  const override = previousOverrideBoundary(overrides, s);
  if (holder.source === 'override') return override;
  const coverage = r.coverage ? r.coverage.previousBoundary(s, Math.max(override, limit)) : -Infinity;
  const count = handoffCount(r, s);
  const run = r.behind[positionOf(r, role, count)];
  // The first count of this run of the same person (at least 1: before the
  // first hand-off nobody holds anything).
  const first = run === Infinity ? 1 : Math.max(1, count - run + 1);
  return Math.max(override, coverage, countReachedAt(r, first));
}

/** The first instant after `at` (and before `limit`) at which someone else holds the role; null if none. */
function searchUntil(r: CompiledRotation, role: RotationRole, at: number, holder: Holder, limit: number): number | null {
  let s = at;
  let current = holder;
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    countStep();
    const candidate = nextCandidate(r, role, s, current, limit);
    if (candidate >= limit) return null;
    const next = holderOf(r, role, candidate);
    if (next?.user !== holder.user) return candidate;
    s = candidate;
    current = next;
  }
  return s;
}

/** The first instant of the stretch, ending at `at`, in which the same person holds the role (at least `limit`). */
function searchFrom(r: CompiledRotation, role: RotationRole, at: number, holder: Holder, limit: number): number {
  let s = at;
  let current = holder;
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    countStep();
    const candidate = previousCandidate(r, role, s, current, limit);
    if (candidate <= limit) return limit;
    // Boundaries are whole milliseconds: the holder just before one holds
    // the whole stretch up to it.
    const before = holderOf(r, role, candidate - 1);
    if (before?.user !== holder.user) return candidate;
    s = candidate - 1;
    current = before;
  }
  return s;
}

/**
 * Who is on call at an instant: primary first, then secondary (depth 2);
 * empty when nobody is (before the start, outside coverage) and for an
 * instant outside SUPPORTED_INSTANTS. Each assignment carries the maximal
 * interval [from, until) in which that same user holds that role, across
 * hand-offs, coverage windows and overrides, searched at most `horizonMs`
 * (default 366 days) either way: `until` is null when nothing changes
 * within it, and `from` stops at it. The work does not grow with the
 * number of hand-offs: see MAX_SEARCH_STEPS.
 * @public
 */
export function onCallAt(
  rotation: RotationEntityV1alpha1,
  at: number,
  options?: { horizonMs?: number },
): OnCallAssignment[] {
  const r = compileRotation(rotation);
  if (!r || !isSupportedInstant(at)) return [];
  const horizon = Math.min(MAX_HORIZON, Math.max(0, options?.horizonMs ?? DEFAULT_HORIZON));
  const holders = holdersAt(r, at);
  const result: OnCallAssignment[] = [];
  for (const role of rolesOf(r)) {
    const holder = holders[role];
    if (!holder) continue;
    result.push({
      role,
      user: holder.user,
      from: searchFrom(r, role, at, holder, at - horizon),
      until: searchUntil(r, role, at, holder, at + horizon),
      source: holder.source,
    });
  }
  return result;
}

/**
 * Who holds each role at an instant, without the intervals (cheap). Used
 * where only "who, right now" matters, e.g. scanning a week every 15 minutes.
 * @public
 */
export function holdersOfRotationAt(
  rotation: RotationEntityV1alpha1,
  at: number,
): Array<{ role: RotationRole; user: string; source: 'schedule' | 'override' }> {
  const r = compileRotation(rotation);
  if (!r || !isSupportedInstant(at)) return [];
  // holdersAt without its intermediate objects: this runs for every
  // quarter hour of a week per rotation in the checks.
  const covered = r.coverage ? r.coverage.covers(at) : true;
  const count = covered ? handoffCount(r, at) : 0;
  const result: Array<{ role: RotationRole; user: string; source: 'schedule' | 'override' }> = [];
  for (const role of rolesOf(r)) {
    const override = overrideAt(r.overrides[role], at);
    if (override !== undefined) result.push({ role, user: override, source: 'override' });
    else if (covered) {
      const user = scheduledUser(r, role, count);
      if (user !== undefined) result.push({ role, user, source: 'schedule' });
    }
  }
  return result;
}

interface OpenRun extends RotationShift {}

/**
 * The shifts of a rotation in [from, to): per role, the maximal intervals in
 * which one user holds it after coverage and overrides, clipped to the
 * window and sorted by start, then role (primary first). A shift's source is
 * 'override' when an override put its user there for any part of it.
 * `truncated` is true when there were more than `maxShifts` (default 1000)
 * and the list was cut.
 * @public
 */
export function rotationShifts(
  rotation: RotationEntityV1alpha1,
  windowFrom: number,
  windowTo: number,
  options?: { maxShifts?: number },
): RotationShifts {
  const r = compileRotation(rotation);
  const maxShifts = Math.max(0, options?.maxShifts ?? 1000);
  // Outside the supported instants nobody is on call.
  const from = Math.max(windowFrom, SUPPORTED_INSTANTS.from);
  const to = Math.min(windowTo, SUPPORTED_INSTANTS.until);
  if (!r || !(from < to)) return { shifts: [], truncated: false };

  const roles = rolesOf(r);
  const done: RotationShift[] = [];
  const open: Partial<Record<RotationRole, OpenRun>> = {};
  const extend = (segment: Segment) => {
    for (const role of roles) {
      const holder: Holder | undefined = segment.holders[role];
      const run = open[role];
      if (run && holder && run.user === holder.user && run.end === segment.start) {
        run.end = segment.end;
        if (holder.source === 'override') run.source = 'override';
        continue;
      }
      if (run) done.push(run);
      open[role] = holder
        ? { role, user: holder.user, start: segment.start, end: segment.end, source: holder.source }
        : undefined;
    }
  };
  const order = (a: RotationShift, b: RotationShift) =>
    a.start - b.start || roles.indexOf(a.role) - roles.indexOf(b.role);

  let size = firstChunk(r);
  for (let chunkFrom = from; chunkFrom < to; size = Math.min(MAX_CHUNK, size * 2)) {
    const chunkTo = Math.min(chunkFrom + size, to);
    timeline(r, chunkFrom, chunkTo).forEach(extend);
    chunkFrom = chunkTo;
    if (chunkFrom < to && done.length > maxShifts) {
      // Finished shifts that start before every run still open are final and
      // no later shift can start before them.
      const cutoff = Math.min(chunkFrom, ...roles.map(role => open[role]?.start ?? chunkFrom));
      const final = done.filter(s => s.start < cutoff).sort(order);
      if (final.length > maxShifts) return { shifts: final.slice(0, maxShifts), truncated: true };
    }
  }
  for (const role of roles) {
    const run = open[role];
    if (run) done.push(run);
  }
  const shifts = done.sort(order);
  return shifts.length > maxShifts
    ? { shifts: shifts.slice(0, maxShifts), truncated: true }
    : { shifts, truncated: false };
}
