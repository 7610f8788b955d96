import { DateTime, Duration } from 'luxon';
import { formatDurationWords } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * A duration as people say it: '43.2 min', '1 h 30 min', '2 d 4 h' (the
 * common package's one duration format, in its label spelling).
 */
export const formatDurationMs = formatDurationWords;

/**
 * An ISO-8601 duration from an entity ('PT15M') in words; the raw text when
 * it does not parse, so a half-filled entity still shows what it says.
 */
export function formatIsoDuration(value: string | undefined): string {
  if (!value) return '—';
  const duration = Duration.fromISO(value);
  if (!duration.isValid) return value;
  // Months and years have no fixed length; say them as written.
  if (duration.years || duration.months) return value;
  return formatDurationMs(duration.as('milliseconds'));
}

/** The time zone of the person looking at the page. */
export function viewerZone(): string {
  return DateTime.local().zoneName ?? 'UTC';
}

/**
 * An instant in a zone, short and unambiguous: 'Mon 5 Jan, 09:00 UTC+01:00'.
 * The offset rather than an abbreviation: abbreviations depend on the
 * browser's locale data and some are ambiguous (CST).
 * Returns '—' for a missing or unparsable instant.
 */
export function formatInstantIn(
  iso: string | null | undefined,
  zone: string = viewerZone(),
): string {
  if (!iso) return '—';
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (!dt.isValid) return iso;
  return dt.toFormat("ccc d LLL, HH:mm 'UTC'ZZ", { locale: 'en-GB' });
}

/**
 * A 'datetime-local' input value (a wall-clock time in the viewer's zone) as
 * an ISO instant in UTC; undefined when empty or not a date.
 */
export function localInputToIso(
  value: string,
  zone: string = viewerZone(),
): string | undefined {
  if (!value) return undefined;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined : undefined;
}

/** Percent as written in an SLA, without float noise: 99.9 → '99.9 %'. */
export function formatPercent(value: number | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return `${Number(value.toFixed(4))} %`;
}
