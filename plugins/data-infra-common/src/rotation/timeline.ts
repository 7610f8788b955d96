/*
 * Who holds each role, as a piecewise-constant function of time.
 *
 * The holder of a role can only change at a hand-off, a coverage boundary or
 * an override boundary. The precedence at an instant:
 *   1. an override for the role covering the instant (the last one in the
 *      list wins). Overrides apply even outside coverage and before the
 *      rotation starts: an explicit assignment beats the schedule.
 *   2. outside every coverage window: nobody.
 *   3. the schedule: after k hand-offs, primary = participants[(k-1) mod n],
 *      secondary = participants[k mod n]; nobody before the first hand-off.
 */
import type { RotationRole } from './types';
import { nextOverrideBoundary, overrideAt } from './overrides';
import { CompiledRotation, handoffCount, handoffsBetween, scheduledUser } from './schedule';

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

const ROLES_1: RotationRole[] = ['primary'];
const ROLES_2: RotationRole[] = ['primary', 'secondary'];

export function rolesOf(r: CompiledRotation): RotationRole[] {
  return r.depth === 2 ? ROLES_2 : ROLES_1;
}

/** Who holds one role at an instant; `count` (hand-offs at or before it) when already known. */
export function holderOf(
  r: CompiledRotation,
  role: RotationRole,
  at: number,
  covered?: boolean,
  count?: number,
): Holder | undefined {
  const override = overrideAt(r.overrides[role], at);
  if (override !== undefined) return { user: override, source: 'override' };
  if (!(covered ?? (r.coverage ? r.coverage.covers(at) : true))) return undefined;
  const user = scheduledUser(r, role, count ?? handoffCount(r, at));
  return user === undefined ? undefined : { user, source: 'schedule' };
}

/** Who holds each role at one instant. */
export function holdersAt(r: CompiledRotation, at: number): Partial<Record<RotationRole, Holder>> {
  const covered = r.coverage ? r.coverage.covers(at) : true;
  const count = covered ? handoffCount(r, at) : 0;
  const holders: Partial<Record<RotationRole, Holder>> = {};
  for (const role of rolesOf(r)) {
    const holder = holderOf(r, role, at, covered, count);
    if (holder) holders[role] = holder;
  }
  return holders;
}

/**
 * The pieces of [from, to), in order, each with its holders. Hand-offs are
 * only listed inside covered stretches: elsewhere the schedule puts nobody
 * anywhere, so the work follows the shifts that can be shown.
 */
export function timeline(r: CompiledRotation, from: number, to: number): Segment[] {
  if (!(from < to)) return [];
  const cuts = new Set<number>([from]);
  for (const role of rolesOf(r)) {
    for (let b = nextOverrideBoundary(r.overrides[role], from); b < to; b = nextOverrideBoundary(r.overrides[role], b)) {
      cuts.add(b);
    }
  }
  const addHandoffs = (start: number, end: number) => {
    // With a single distinct participant only the first hand-off (nobody →
    // someone) changes anything.
    if (r.distinctUsers === 1) {
      if (r.startInstant > from && r.startInstant >= start && r.startInstant < end) cuts.add(r.startInstant);
      return;
    }
    for (const h of handoffsBetween(r, start, end)) if (h > from) cuts.add(h);
  };
  if (!r.coverage) addHandoffs(from, to);
  else {
    let covered = r.coverage.covers(from);
    let start = from;
    while (start < to) {
      const boundary = Math.min(r.coverage.nextBoundary(start, to), to);
      if (covered) addHandoffs(start, boundary);
      if (boundary < to) cuts.add(boundary);
      covered = !covered;
      start = boundary;
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.map((start, i) => ({
    start,
    end: i + 1 < points.length ? points[i + 1] : to,
    holders: holdersAt(r, start),
  }));
}
