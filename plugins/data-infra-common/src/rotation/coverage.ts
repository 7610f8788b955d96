/*
 * Weekly coverage windows ({ days, from, to } in a zone) as instants.
 *
 * A window is half-open [from, to) on the local clock of its zone. When `to`
 * is not after `from` the window crosses midnight and belongs to the day it
 * starts (a 'fri' 22:00–06:00 window covers Friday night into Saturday
 * morning); '24:00' is the end of the day. Boundaries are turned into
 * instants with wallClockToInstant, so a boundary in a DST gap or overlap
 * follows the same RFC 5545 rule as hand-offs.
 */
import { DateTime } from 'luxon';
import type { CoverageWindow, Weekday } from '../kinds/types';
import { instantToWallClock, wallClockToInstant } from '../time';
import { zoneOffset } from './schedule';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A half-open interval of instants. */
export interface Interval {
  start: number;
  end: number;
}

function minutesOf(time: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(time ?? '');
  if (!m) return undefined;
  const minutes = +m[1] * 60 + +m[2];
  return minutes <= 24 * 60 ? minutes : undefined;
}

interface ParsedWindow {
  days: Set<string>;
  start: number;
  end: number;
}

function parseWindows(windows: CoverageWindow[]): ParsedWindow[] {
  return windows.flatMap(w => {
    const start = minutesOf(w.from);
    const end = minutesOf(w.to);
    if (start === undefined || end === undefined || start === end) return [];
    return [{ days: new Set<string>(w.days), start, end: end > start ? end : end + 24 * 60 }];
  });
}

/*
 * The intervals of the windows starting on one local day, memoised per
 * windows array (entities are treated as immutable), zone and day: the
 * checks ask the same windows about every 15 minutes of a week.
 */
const dayCache = new WeakMap<CoverageWindow[], { parsed: ParsedWindow[]; days: Map<string, Interval[]> }>();

function intervalsStartingOn(windows: CoverageWindow[], zone: string, day: number): Interval[] {
  let entry = dayCache.get(windows);
  if (!entry) {
    entry = { parsed: parseWindows(windows), days: new Map() };
    dayCache.set(windows, entry);
  }
  const key = `${zone} ${day}`;
  let intervals = entry.days.get(key);
  if (!intervals) {
    if (entry.days.size > 20_000) entry.days.clear();
    const weekday = WEEKDAYS[DateTime.fromMillis(day, { zone: 'UTC' }).weekday - 1];
    intervals = [];
    for (const w of entry.parsed) {
      if (!w.days.has(weekday)) continue;
      const start = wallClockToInstant(DateTime.fromMillis(day + w.start * MINUTE, { zone: 'UTC' }), zone);
      const end = wallClockToInstant(DateTime.fromMillis(day + w.end * MINUTE, { zone: 'UTC' }), zone);
      // A window squeezed to nothing by a DST gap covers nothing.
      if (start < end) intervals.push({ start, end });
    }
    entry.days.set(key, intervals);
  }
  return intervals;
}

/**
 * The coverage of `windows` as merged, sorted intervals, including every
 * interval that overlaps [from, to) (intervals may extend beyond it).
 */
export function coverageIntervals(
  windows: CoverageWindow[],
  zone: string,
  from: number,
  to: number,
): Interval[] {
  // A window starting the day before `from` can reach into it; one more day
  // of margin absorbs the offset between the zone's and UTC's dates.
  const firstDay = instantToWallClock(from, zone).startOf('day').toMillis() - 2 * DAY;
  const lastDay = instantToWallClock(to, zone).startOf('day').toMillis() + DAY;
  const intervals: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY) {
    for (const interval of intervalsStartingOn(windows, zone, day)) {
      if (interval.end > from && interval.start < to) intervals.push(interval);
    }
  }
  intervals.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/**
 * Whether an instant falls in one of the weekly windows, read in `zone`.
 * No windows (undefined or empty) means always.
 * @public
 */
export function isInCoverage(windows: CoverageWindow[] | undefined, zone: string, at: number): boolean {
  if (!windows || windows.length === 0) return true;
  // Only windows starting on the local day of `at` or the day before can
  // hold it (a day either side more absorbs DST oddities).
  const wall = at + zoneOffset(zone, at);
  const today = wall - (((wall % DAY) + DAY) % DAY);
  for (let day = today - 2 * DAY; day <= today + DAY; day += DAY) {
    if (intervalsStartingOn(windows, zone, day).some(i => i.start <= at && at < i.end)) return true;
  }
  return false;
}
