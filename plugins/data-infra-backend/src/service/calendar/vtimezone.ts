/*
 * A VTIMEZONE component (RFC 5545 §3.6.5) for an IANA zone, built from the
 * zone rules Luxon reads from the platform's ICU data. Outlook needs one for
 * every TZID it meets; Google Calendar and Apple use the IANA name and ignore
 * it. ical-generator has no zone database of its own and accepts a generator
 * function, so this is ours: one observance per offset change in the years
 * around the feed, which is exact even for zones whose rules changed.
 */
import { DateTime } from 'luxon';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function offsetMinutes(epochMs: number, zone: string): number {
  return DateTime.fromMillis(epochMs, { zone }).offset;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock reading, in the offset before the change, as YYYYMMDDTHHMMSS. */
function localStamp(epochMs: number, offset: number): string {
  return DateTime.fromMillis(epochMs + offset * 60_000, { zone: 'UTC' }).toFormat("yyyyLLdd'T'HHmmss");
}

/** Instants in [from, to) at which the zone's offset changes. */
export function offsetTransitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += DAY) {
    const end = Math.min(t + DAY, to);
    if (offsetMinutes(t, zone) === offsetMinutes(end, zone)) continue;
    // Binary search to the minute: zone changes happen on whole minutes.
    let lo = t;
    let hi = end;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, zone) === offsetMinutes(lo, zone)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/** A VTIMEZONE for `zone` valid for instants between `from` and `to`. */
export function vtimezone(zone: string, rangeStart: number, to: number): string {
  // Whole hours keep the transition search on whole minutes.
  const from = Math.floor(rangeStart / HOUR) * HOUR;
  const first = offsetMinutes(from, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (type: string, at: number, before: number, after: number) =>
    lines.push(
      `BEGIN:${type}`,
      `DTSTART:${localStamp(at, before)}`,
      `TZOFFSETFROM:${formatOffset(before)}`,
      `TZOFFSETTO:${formatOffset(after)}`,
      `END:${type}`,
    );
  // The offset in force at the start of the range, so every instant in it is
  // covered by an observance.
  observance('STANDARD', from, first, first);
  let previous = first;
  for (const at of offsetTransitions(zone, from, to)) {
    const next = offsetMinutes(at, zone);
    observance(next > previous ? 'DAYLIGHT' : 'STANDARD', at, previous, next);
    previous = next;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
