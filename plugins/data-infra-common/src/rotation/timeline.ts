/*
 * Who holds each role, as a piecewise-constant function of time.
 *
 * The holder of a role can only change at a hand-off, a coverage boundary or
 * an override boundary, so a window is cut at those instants and each piece
 * is evaluated once. The precedence at an instant:
 *   1. an override for the role covering the instant (the last one in the
 *      list wins). Overrides apply even outside coverage and before the
 *      rotation starts: an explicit assignment beats the schedule.
 *   2. outside every coverage window: nobody.
 *   3. the schedule: after k hand-offs, primary = participants[(k-1) mod n],
 *      secondary = participants[k mod n]; nobody before the first hand-off.
 */
import type { RotationRole } from './types';
import { coverageIntervals, isInCoverage, Interval } from './coverage';
import {
  CompiledRotation,
  handoffCount,
  handoffsBetween,
  scheduledUser,
} from './schedule';

const DAY = 86_400_000;

/** The holder of a role over a stretch of time. */
export interface Holder {
  user: string;
  source: 'schedule' | 'override';
}

/** A stretch [start, end) in which no role changes hands. */
export interface Segment {
  start: number;
  end: number;
  holders: Partial<Record<RotationRole, Holder>>;
}

export function rolesOf(r: CompiledRotation): RotationRole[] {
  return r.depth === 2 ? ['primary', 'secondary'] : ['primary'];
}

function holdersFor(
  r: CompiledRotation,
  at: number,
  count: number,
  covered: boolean,
): Partial<Record<RotationRole, Holder>> {
  const holders: Partial<Record<RotationRole, Holder>> = {};
  for (const role of rolesOf(r)) {
    let holder: Holder | undefined;
    for (let i = r.overrides.length - 1; i >= 0; i--) {
      const o = r.overrides[i];
      if (o.role === role && o.start <= at && at < o.end) {
        holder = { user: o.user, source: 'override' };
        break;
      }
    }
    if (!holder && covered) {
      const user = scheduledUser(r, role, count);
      if (user) holder = { user, source: 'schedule' };
    }
    if (holder) holders[role] = holder;
  }
  return holders;
}

/** Who holds each role at one instant. */
export function holdersAt(r: CompiledRotation, at: number): Partial<Record<RotationRole, Holder>> {
  const covered = isInCoverage(r.coverage, r.zone, at);
  return holdersFor(r, at, covered ? handoffCount(r, at) : 0, covered);
}

/** The pieces of [from, to), in order, each with its holders. */
export function timeline(r: CompiledRotation, from: number, to: number): Segment[] {
  if (!(from < to)) return [];
  // With a single distinct participant only the first hand-off (nobody →
  // someone) matters, so later hand-offs need not be enumerated: the count
  // then stays right as "at least one", which is all that is read from it.
  const handoffs =
    r.distinctUsers === 1
      ? handoffsBetween(
          r,
          Math.max(from, r.startInstant - 3 * DAY),
          Math.min(to, r.startInstant + 3 * DAY),
        )
      : handoffsBetween(r, from, to);
  const coverage: Interval[] | undefined = r.coverage
    ? coverageIntervals(r.coverage, r.zone, from, to)
    : undefined;

  const cuts = new Set<number>([from]);
  for (const h of handoffs) if (h > from) cuts.add(h);
  for (const c of coverage ?? []) {
    if (c.start > from && c.start < to) cuts.add(c.start);
    if (c.end > from && c.end < to) cuts.add(c.end);
  }
  for (const o of r.overrides) {
    if (o.start > from && o.start < to) cuts.add(o.start);
    if (o.end > from && o.end < to) cuts.add(o.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  let count = handoffCount(r, from);
  let h = 0;
  while (h < handoffs.length && handoffs[h] <= from) h++;
  let c = 0;
  const segments: Segment[] = [];
  points.forEach((start, i) => {
    while (h < handoffs.length && handoffs[h] <= start) {
      count++;
      h++;
    }
    let covered = true;
    if (coverage) {
      while (c < coverage.length && coverage[c].end <= start) c++;
      covered = c < coverage.length && coverage[c].start <= start;
    }
    segments.push({
      start,
      end: i + 1 < points.length ? points[i + 1] : to,
      holders: holdersFor(r, start, count, covered),
    });
  });
  return segments;
}
