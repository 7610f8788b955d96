import { DateTime } from 'luxon';

/** 'Mon 7 Dec, 09:00' in a zone (the zone is said once, beside the list). */
export function formatLocal(iso: string, zone: string): string {
  const dt = DateTime.fromISO(iso, { zone });
  return dt.isValid ? dt.setLocale('en-GB').toFormat('ccc d LLL, HH:mm') : iso;
}

/**
 * A shift's span in a zone, with the zone's offset once:
 * 'Mon 7 Dec 09:00 – Mon 14 Dec 09:00 (Europe/Berlin, UTC+01:00)';
 * 'Mon 7 Dec 09:00–17:00 (…)' within one day.
 */
export function formatShiftSpan(startIso: string, endIso: string, zone: string): string {
  const a = DateTime.fromISO(startIso, { zone }).setLocale('en-GB');
  const b = DateTime.fromISO(endIso, { zone }).setLocale('en-GB');
  if (!a.isValid || !b.isValid) return `${startIso} – ${endIso}`;
  const offsets = a.offset === b.offset ? a.toFormat("'UTC'ZZ") : `${a.toFormat("'UTC'ZZ")} → ${b.toFormat("'UTC'ZZ")}`;
  const span = a.hasSame(b, 'day')
    ? `${a.toFormat('ccc d LLL HH:mm')}–${b.toFormat('HH:mm')}`
    : `${a.toFormat('ccc d LLL HH:mm')} – ${b.toFormat('ccc d LLL HH:mm')}`;
  return `${span} (${zone}, ${offsets})`;
}
