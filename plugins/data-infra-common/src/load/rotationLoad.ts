/*
 * On-call load: how much of a window each person of a rotation spends on
 * call, at night and at weekends, and their longest stretch without rest.
 * Pure functions over rotationShifts, exact in epoch milliseconds: an hour
 * is 3 600 000 ms whatever the zone, so a DST week has 167 or 169 hours.
 */
import type { RotationEntityV1alpha1 } from '../kinds/types';
import { normaliseRefText } from '../kinds/refText';
import { rotationShifts } from '../rotation';
import type { RotationRole, RotationShift } from '../rotation/types';
import { Interval, nightsBetween, weekendDaysBetween } from './calendar';
import type { PersonLoad, RotationLoadWindow } from './types';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/**
 * A break off call shorter than this does not end a stretch: 11 hours, the
 * daily rest of the EU Working Time Directive.
 * @public
 */
export const MIN_REST_HOURS = 11;

/** The windows the load is shown for: the next 4 and 13 weeks. @public */
export const LOAD_WINDOW_WEEKS: readonly number[] = [4, 13];

/** More shifts than this in one window are not counted. */
const MAX_SHIFTS = 20_000;

const round = (hours: number) => Math.round(hours * 100) / 100;

/** Merges intervals (sorted or not) into disjoint ones, joining those closer than `gap`. */
export function mergeIntervals(intervals: Interval[], gap = 0): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start - last.end <= gap) last.end = Math.max(last.end, i.end);
    else merged.push({ start: i.start, end: i.end });
  }
  return merged;
}

function touches(spans: Interval[], of: Interval[]): number {
  return of.filter(o => spans.some(s => s.start < o.end && o.start < s.end)).length;
}

/** The disjoint stretches a user is on call in, from a rotation's shifts. */
export function onCallSpans(shifts: RotationShift[], user: string): Interval[] {
  return mergeIntervals(shifts.filter(s => s.user === user).map(s => ({ start: s.start, end: s.end })));
}

/**
 * A rotation's load over [from, from + weeks): per person, the hours in each
 * role, the share of the window on call, the nights (22:00–07:00) and
 * weekend days (Saturday, Sunday) in the rotation's zone touched by a shift,
 * and the longest stretch on call without a rest of MIN_REST_HOURS (clipped
 * to the window, so a person always on call has the whole window).
 * @public
 */
export function rotationLoadWindow(rotation: RotationEntityV1alpha1, from: number, weeks: number): RotationLoadWindow {
  const to = from + weeks * WEEK;
  return loadOf(rotation, from, to, weeks, rotationShifts(rotation, from, to, { maxShifts: MAX_SHIFTS }));
}

/** The load over [from, to) from the rotation's shifts over (at least) that window. */
function loadOf(
  rotation: RotationEntityV1alpha1,
  from: number,
  to: number,
  weeks: number,
  all: { shifts: RotationShift[]; truncated: boolean },
): RotationLoadWindow {
  const truncated = all.truncated;
  const shifts = all.shifts
    .filter(s => s.start < to && s.end > from)
    .map(s => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
  const byUser = new Map<string, RotationShift[]>();
  for (const s of shifts) {
    const list = byUser.get(s.user) ?? [];
    list.push(s);
    byUser.set(s.user, list);
  }
  const zone = rotation.spec.timezone;
  const nights = nightsBetween(from, to, zone);
  const weekendDays = weekendDaysBetween(from, to, zone);
  const namespace = rotation.metadata?.namespace ?? 'default';
  const order = (rotation.spec.participants ?? []).map(p => normaliseRefText(p, 'user', namespace));
  const rank = (u: string) => (order.indexOf(u) < 0 ? order.length : order.indexOf(u));
  const byRef = (a: string, b: string) => (a === b ? 0 : Number(a > b) * 2 - 1);
  const users = [...byUser.keys()].sort((a, b) => rank(a) - rank(b) || byRef(a, b));

  const people: PersonLoad[] = users.map(user => {
    const hours: Partial<Record<RotationRole, number>> = {};
    const own = byUser.get(user)!;
    for (const s of own) hours[s.role] = (hours[s.role] ?? 0) + (s.end - s.start) / HOUR;
    for (const role of Object.keys(hours) as RotationRole[]) hours[role] = round(hours[role]!);
    const spans = onCallSpans(own, user);
    const onCall = spans.reduce((sum, s) => sum + s.end - s.start, 0);
    const stretches = mergeIntervals(spans, MIN_REST_HOURS * HOUR - 1);
    return {
      user,
      hours,
      onCallHours: round(onCall / HOUR),
      share: to > from ? Math.round((onCall / (to - from)) * 1000) / 1000 : 0,
      nights: touches(spans, nights),
      weekendDays: touches(spans, weekendDays),
      longestStretchHours: round(Math.max(0, ...stretches.map(s => s.end - s.start)) / HOUR),
    };
  });
  return { weeks, from, to, people, truncated };
}

/** The load over the next 4 and 13 weeks from `now` (LOAD_WINDOW_WEEKS). @public */
export function rotationLoad(rotation: RotationEntityV1alpha1, now: number): RotationLoadWindow[] {
  // The shifts of the longest window once; the shorter ones are cut from them.
  const longest = Math.max(...LOAD_WINDOW_WEEKS);
  const all = rotationShifts(rotation, now, now + longest * WEEK, { maxShifts: MAX_SHIFTS });
  return LOAD_WINDOW_WEEKS.map(weeks => {
    // A cut list may end before a shorter window does: then it is truncated too.
    const cutAt = all.truncated && all.shifts.length > 0 ? all.shifts[all.shifts.length - 1].start : Infinity;
    const to = now + weeks * WEEK;
    return loadOf(rotation, now, to, weeks, { shifts: all.shifts, truncated: all.truncated && cutAt < to });
  });
}
