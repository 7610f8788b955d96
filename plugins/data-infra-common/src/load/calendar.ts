/*
 * Nights and weekend days of a window, as intervals of instants, on the
 * local clock of a zone. A night is 22:00–07:00 local and a weekend day a
 * local Saturday or Sunday (00:00–24:00): both resolved per day through the
 * zone's rules, so a DST change inside one shortens or lengthens it by the
 * hour it really has.
 */
import { instantToWallClock, wallClockToInstant } from '../time';

/** When a night starts, local hour (22:00). @public */
export const NIGHT_START_HOUR = 22;
/** When a night ends, local hour of the next day (07:00). @public */
export const NIGHT_END_HOUR = 7;

export interface Interval {
  start: number;
  end: number;
}

/** The local dates (as wall-clock midnights) from the day before `from` to the day of `to`. */
function localDays(from: number, to: number, zone: string) {
  const first = instantToWallClock(from, zone).startOf('day').minus({ days: 1 });
  const last = instantToWallClock(to, zone).startOf('day');
  const days = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) days.push(day);
  return days;
}

/** Every night overlapping [from, to). */
export function nightsBetween(from: number, to: number, zone: string): Interval[] {
  return localDays(from, to, zone)
    .map(day => ({
      start: wallClockToInstant(day.set({ hour: NIGHT_START_HOUR }), zone),
      end: wallClockToInstant(day.plus({ days: 1 }).set({ hour: NIGHT_END_HOUR }), zone),
    }))
    .filter(n => n.start < to && n.end > from);
}

/** Every local Saturday and Sunday overlapping [from, to). */
export function weekendDaysBetween(from: number, to: number, zone: string): Interval[] {
  return localDays(from, to, zone)
    .filter(day => day.weekday === 6 || day.weekday === 7)
    .map(day => ({
      start: wallClockToInstant(day, zone),
      end: wallClockToInstant(day.plus({ days: 1 }), zone),
    }))
    .filter(d => d.start < to && d.end > from);
}
