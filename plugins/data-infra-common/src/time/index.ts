/*
 * Time primitives shared by the rotation, escalation and SLA logic. Every
 * function takes its zone explicitly and never reads the process's TZ.
 */
import { DateTime, Duration, IANAZone } from 'luxon';
import { ZoneRules } from './zoneRules';

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * An IANA zone name such as Europe/Berlin or UTC. Abbreviations that the
 * platform happens to accept (EST, CET…) are rejected: they hide DST rules.
 * @public
 */
export function isValidIanaZone(zone: string): boolean {
  if (zone === 'UTC' || zone === 'Etc/UTC') return true;
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && IANAZone.isValidZone(zone);
}

/** Parses an ISO-8601 duration (P1W, PT15M…); undefined when malformed. @public */
export function parseIsoDuration(value: string): Duration | undefined {
  if (typeof value !== 'string' || !ISO_DURATION.test(value)) return undefined;
  const duration = Duration.fromISO(value);
  return duration.isValid ? duration : undefined;
}

/**
 * Wall-clock fields of a local date-time, as a number of milliseconds on a
 * zone-less time line (a UTC DateTime used as a plain calendar). Calendar
 * arithmetic on it never meets a DST transition.
 *
 * @public
 */
export type WallClock = DateTime;

/** Parses 'YYYY-MM-DDTHH:MM[:SS]' as a wall-clock reading; undefined when not a real date. @public */
export function parseLocalDateTime(value: string): WallClock | undefined {
  const m = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value) : null;
  if (!m) return undefined;
  const wall = DateTime.fromObject(
    {
      year: +m[1],
      month: +m[2],
      day: +m[3],
      hour: +m[4],
      minute: +m[5],
      second: m[6] ? +m[6] : 0,
    },
    { zone: 'UTC' },
  );
  return wall.isValid ? wall : undefined;
}

/**
 * The instant of a wall-clock reading in a zone, by RFC 5545 §3.3.5: a time in
 * a spring-forward gap keeps the offset from before the gap
 * (America/New_York 2007-03-11 02:30 → 07:30Z) and a repeated time means its
 * first occurrence (2007-11-04 01:30 → 05:30Z). NaN for an unknown zone.
 * @public
 */
export function wallClockToInstant(wall: WallClock, zone: string): number {
  const rules = ZoneRules.of(zone);
  return rules ? rules.instantOf(wall.toMillis()) : NaN;
}

/** The wall-clock reading of an instant in a zone. @public */
export function instantToWallClock(epochMs: number, zone: string): WallClock {
  const rules = ZoneRules.of(zone);
  return DateTime.fromMillis(epochMs + (rules ? rules.offsetAt(epochMs) : NaN), { zone: 'UTC' });
}

/**
 * The instants the time functions answer for: from 1900-01-01T00:00:00Z
 * (included) to 2200-01-01T00:00:00Z (excluded). Zone rules before 1900 are
 * local mean time guesses, and every derived instant (a year's horizon, a
 * window of shifts) stays well inside four-digit years. The on-call
 * functions answer nothing outside it; the API answers 400.
 * @public
 */
export const SUPPORTED_INSTANTS = {
  from: Date.UTC(1900, 0, 1),
  until: Date.UTC(2200, 0, 1),
} as const;

/** Whether an instant is inside SUPPORTED_INSTANTS. @public */
export function isSupportedInstant(epochMs: number): boolean {
  return epochMs >= SUPPORTED_INSTANTS.from && epochMs < SUPPORTED_INSTANTS.until;
}

/** Parses an ISO-8601 instant that carries an offset or Z; undefined otherwise. @public */
export function parseInstant(value: string): number | undefined {
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) return undefined;
  const dt = DateTime.fromISO(value, { setZone: true });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** Formats an instant as an ISO string in UTC with seconds ('2026-03-08T08:00:00Z'). @public */
export function formatInstant(epochMs: number): string {
  // Date's ISO form is always UTC whatever the process's TZ, and far cheaper
  // than a zoned DateTime: responses format thousands of instants.
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
export { formatDurationShort, formatDurationWords } from './duration';
