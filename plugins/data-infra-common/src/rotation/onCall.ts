import type { RotationEntityV1alpha1 } from '../kinds/types';
import type { OnCallAssignment, RotationRole, RotationShift, RotationShifts } from './types';
import { CompiledRotation, compileRotation, handoffsBetween } from './schedule';
import { holdersAt, Holder, rolesOf, Segment, timeline } from './timeline';

const DAY = 86_400_000;
const DEFAULT_HORIZON = 366 * DAY;
/** A search must end: horizons beyond 20 years are cut to 20 years. */
const MAX_HORIZON = 20 * 366 * DAY;
const MAX_CHUNK = 64 * DAY;
/** More than any UTC offset a zone has had (Pacific/Kiritimati is +14:00). */
const OFFSET_BOUND = 16 * 3_600_000;

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
 * there is none (a rotation whose spec cannot describe a schedule).
 * @public
 */
export function nextHandoff(rotation: RotationEntityV1alpha1, at: number): number | null {
  const r = compileRotation(rotation);
  if (!r) return null;
  // The first reading more than any offset after `at` is surely a hand-off
  // after it; an earlier one (hand-offs are not sorted across a DST gap) is
  // found by enumerating the hand-offs up to it.
  const bound = r.instantAt(r.wallCountAtOrBefore(at + OFFSET_BOUND));
  const candidates = handoffsBetween(r, at + 1, Math.max(bound, at + 1) + 1);
  return candidates.length > 0 ? candidates[0] : null;
}

function holderIn(segment: Segment, role: RotationRole): string | undefined {
  return segment.holders[role]?.user;
}

function searchUntil(r: CompiledRotation, at: number, role: RotationRole, user: string, horizon: number): number | null {
  const limit = at + horizon;
  let size = firstChunk(r);
  for (let from = at; from < limit; size = Math.min(MAX_CHUNK, size * 2)) {
    const to = Math.min(from + size, limit);
    for (const segment of timeline(r, from, to)) {
      if (holderIn(segment, role) !== user) return segment.start;
    }
    from = to;
  }
  return null;
}

function searchFrom(r: CompiledRotation, at: number, role: RotationRole, user: string, horizon: number): number {
  const limit = at - horizon;
  let size = firstChunk(r);
  for (let to = at; to > limit; size = Math.min(MAX_CHUNK, size * 2)) {
    const from = Math.max(to - size, limit);
    const segments = timeline(r, from, to);
    for (let i = segments.length - 1; i >= 0; i--) {
      if (holderIn(segments[i], role) !== user) return segments[i].end;
    }
    to = from;
  }
  return limit;
}

/**
 * Who is on call at an instant: primary first, then secondary (depth 2);
 * empty when nobody is (before the start, outside coverage). Each assignment
 * carries the maximal interval [from, until) in which that same user holds
 * that role, across hand-offs, coverage windows and overrides, searched at
 * most `horizonMs` (default 366 days) either way: `until` is null when
 * nothing changes within it, and `from` stops at it.
 * @public
 */
export function onCallAt(
  rotation: RotationEntityV1alpha1,
  at: number,
  options?: { horizonMs?: number },
): OnCallAssignment[] {
  const r = compileRotation(rotation);
  if (!r || !Number.isFinite(at)) return [];
  const horizon = Math.min(MAX_HORIZON, Math.max(0, options?.horizonMs ?? DEFAULT_HORIZON));
  const holders = holdersAt(r, at);
  const result: OnCallAssignment[] = [];
  for (const role of rolesOf(r)) {
    const holder = holders[role];
    if (!holder) continue;
    result.push({
      role,
      user: holder.user,
      from: searchFrom(r, at, role, holder.user, horizon),
      until: searchUntil(r, at, role, holder.user, horizon),
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
  if (!r || !Number.isFinite(at)) return [];
  const holders = holdersAt(r, at);
  return rolesOf(r).flatMap(role => {
    const holder = holders[role];
    return holder ? [{ role, user: holder.user, source: holder.source }] : [];
  });
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
  from: number,
  to: number,
  options?: { maxShifts?: number },
): RotationShifts {
  const r = compileRotation(rotation);
  const maxShifts = Math.max(0, options?.maxShifts ?? 1000);
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
