/*
 * Weekly coverage windows ({ days, from, to } in a zone) as instants.
 *
 * A window is half-open [from, to) on the local clock of its zone. When `to`
 * is not after `from` the window crosses midnight and belongs to the day it
 * starts (a 'fri' 22:00–06:00 window covers Friday night into Saturday
 * morning); '24:00' is the end of the day. Each occurrence's bounds are
 * turned into instants by RFC 5545 (ZoneRules.instantOf), so a boundary in
 * a DST gap or overlap follows the same rule as hand-offs, and an
 * occurrence squeezed to nothing by a gap covers nothing.
 *
 * Questions are answered from the merged occurrences around one local week
 * (that week and its neighbours), computed once per week and memoised.
 */
import type { CoverageWindow, Weekday } from '../kinds/types';
import { ZoneRules } from '../time/zoneRules';
import { lastAtOrBefore } from './sorted';
import { countStep } from './steps';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** 1970-01-05, a Monday, on the zone-less calendar. */
const MONDAY = 4 * DAY;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Weeks of merged occurrences kept per compiled coverage. */
const MAX_WEEKS = 64;

interface ParsedWindow {
  days: number[];
  start: number;
  end: number;
}

/** Merged coverage around a week: sorted, disjoint [starts[i], ends[i]). */
interface WeekCoverage {
  starts: number[];
  ends: number[];
}

function minutesOf(time: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(time ?? '');
  if (!m) return undefined;
  const minutes = +m[1] * 60 + +m[2];
  return minutes <= 24 * 60 ? minutes : undefined;
}

function parseWindows(windows: CoverageWindow[]): ParsedWindow[] {
  return windows.flatMap(w => {
    const start = minutesOf(w.from);
    const end = minutesOf(w.to);
    if (start === undefined || end === undefined || start === end || !Array.isArray(w.days)) return [];
    const days = [...new Set(w.days.map(d => WEEKDAYS.indexOf(d)).filter(d => d >= 0))];
    return [{ days, start: start * MINUTE, end: (end > start ? end : end + 24 * 60) * MINUTE }];
  });
}

/** The wall-clock start of local week i (ms on the zone-less calendar). */
const weekStart = (i: number) => MONDAY + i * WEEK;

/**
 * Coverage of a list of windows in a zone. Undefined means always covered:
 * no windows, or 00:00–24:00 on every day (which tiles the week exactly).
 */
export interface CompiledCoverage {
  covers(t: number): boolean;
  /** The first instant after t where coverage starts or ends, or Infinity if none before `limit`. */
  nextBoundary(t: number, limit: number): number;
  /** The last instant at or before t where coverage started or ended, or -Infinity if none after `limit`. */
  previousBoundary(t: number, limit: number): number;
}

class WeeklyCoverage implements CompiledCoverage {
  readonly #weeks = new Map<number, WeekCoverage>();
  #lastWeek = NaN;
  #lastCoverage?: WeekCoverage;

  constructor(private readonly windows: ParsedWindow[], private readonly rules: ZoneRules) {}

  #weekOf(t: number): number {
    const quiet = this.rules.quietOffset(t);
    return Math.floor((t + (Number.isNaN(quiet) ? this.rules.offsetAt(t) : quiet) - MONDAY) / WEEK);
  }

  /**
   * Occurrences starting in weeks i-1, i and i+1, merged. Exact for
   * instants in [weekStart(i-1) + 3 days, weekStart(i+2) - 2 days]: an
   * occurrence lasts at most 48 h and offsets are within ±16 h.
   */
  #around(i: number): WeekCoverage {
    if (i === this.#lastWeek) return this.#lastCoverage!;
    let week = this.#weeks.get(i);
    if (week) {
      this.#lastWeek = i;
      this.#lastCoverage = week;
      return week;
    }
    const occurrences: Array<[number, number]> = [];
    for (let w = i - 1; w <= i + 1; w++) {
      for (const window of this.windows) {
        for (const day of window.days) {
          const midnight = weekStart(w) + day * DAY;
          const start = this.rules.instantOf(midnight + window.start);
          const end = this.rules.instantOf(midnight + window.end);
          if (start < end) occurrences.push([start, end]);
        }
      }
    }
    occurrences.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    week = { starts: [], ends: [] };
    for (const [start, end] of occurrences) {
      const last = week.ends.length - 1;
      if (last >= 0 && start <= week.ends[last]) week.ends[last] = Math.max(week.ends[last], end);
      else {
        week.starts.push(start);
        week.ends.push(end);
      }
    }
    if (this.#weeks.size >= MAX_WEEKS) this.#weeks.clear();
    this.#weeks.set(i, week);
    return week;
  }

  covers(t: number): boolean {
    const week = this.#around(this.#weekOf(t));
    const i = lastAtOrBefore(week.starts, t);
    return i >= 0 && t < week.ends[i];
  }

  nextBoundary(t: number, limit: number): number {
    let week = this.#weekOf(t);
    let from = t;
    for (;;) {
      countStep();
      const merged = this.#around(week);
      const trusted = weekStart(week + 2) - 2 * DAY;
      const i = lastAtOrBefore(merged.starts, from);
      let boundary = Infinity;
      if (i >= 0 && from < merged.ends[i]) boundary = merged.ends[i];
      else if (i + 1 < merged.starts.length) boundary = merged.starts[i + 1];
      if (boundary <= trusted) return boundary < limit ? boundary : Infinity;
      // Covered (or not) beyond what this week can tell: go on with the next.
      if (trusted >= limit) return Infinity;
      from = trusted;
      week += 1;
    }
  }

  previousBoundary(t: number, limit: number): number {
    let week = this.#weekOf(t);
    let from = t;
    for (;;) {
      countStep();
      const merged = this.#around(week);
      const trusted = weekStart(week - 1) + 3 * DAY;
      const i = lastAtOrBefore(merged.starts, from);
      let boundary = -Infinity;
      if (i >= 0) boundary = from < merged.ends[i] ? merged.starts[i] : merged.ends[i];
      if (boundary >= trusted) return boundary > limit ? boundary : -Infinity;
      if (trusted <= limit) return -Infinity;
      from = trusted - 1;
      week -= 1;
    }
  }
}

export function compileCoverage(
  windows: CoverageWindow[] | undefined,
  rules: ZoneRules,
): CompiledCoverage | undefined {
  if (!windows || windows.length === 0) return undefined;
  const parsed = parseWindows(windows);
  const wholeDays = new Set(parsed.filter(w => w.start === 0 && w.end === DAY).flatMap(w => w.days));
  if (wholeDays.size === 7) return undefined;
  return new WeeklyCoverage(parsed, rules);
}

/*
 * isInCoverage compiles the windows once per windows array and zone
 * (entities are treated as immutable): the checks ask the same windows
 * about every quarter hour of a week.
 */
const compiledWindows = new WeakMap<CoverageWindow[], Map<string, CompiledCoverage | undefined>>();

/**
 * Whether an instant falls in one of the weekly windows, read in `zone`.
 * No windows (undefined or empty) means always.
 * @public
 */
export function isInCoverage(windows: CoverageWindow[] | undefined, zone: string, at: number): boolean {
  if (!windows || windows.length === 0) return true;
  let byZone = compiledWindows.get(windows);
  if (!byZone) {
    byZone = new Map();
    compiledWindows.set(windows, byZone);
  }
  let coverage = byZone.get(zone);
  if (!byZone.has(zone)) {
    const rules = ZoneRules.of(zone);
    if (!rules) return false;
    coverage = compileCoverage(windows, rules);
    byZone.set(zone, coverage);
  }
  return coverage ? coverage.covers(at) : true;
}
