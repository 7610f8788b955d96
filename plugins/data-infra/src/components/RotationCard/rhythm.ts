import { DateTime, Duration } from 'luxon';
import { formatIsoDuration } from '../shared/format';

const ordinal = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/**
 * When a rotation hands off, in words, from its spec: "weekly, Mondays 09:00
 * (Europe/Berlin)", "every 2 weeks, Mondays 09:00 (…)", "daily at 08:00
 * (…)", "every 12 hours from 08:00 (…)". Hand-offs follow the rotation's
 * local clock (see the common package's on-call semantics), so the weekday
 * and time of `start` in its zone are those of every hand-off. Undefined
 * when the spec cannot be read.
 */
export function handoffRhythm(spec: {
  start?: unknown;
  shiftLength?: unknown;
  timezone?: unknown;
}): string | undefined {
  if (typeof spec.start !== 'string' || typeof spec.shiftLength !== 'string') return undefined;
  const zone = typeof spec.timezone === 'string' ? spec.timezone : 'UTC';
  const start = DateTime.fromISO(spec.start, { zone });
  const length = Duration.fromISO(spec.shiftLength);
  if (!start.isValid || !length.isValid) return undefined;
  const time = start.toFormat('HH:mm');
  const day = start.setLocale('en-GB').toFormat('cccc');
  const units = length.shiftTo('years', 'months', 'weeks', 'days', 'hours', 'minutes').toObject();
  const only = (unit: keyof typeof units) =>
    Object.entries(units).every(([k, v]) => k === unit || !v) ? units[unit] ?? 0 : 0;
  let rhythm: string;
  if (only('weeks') === 1) rhythm = `weekly, ${day}s ${time}`;
  else if (only('weeks') > 1) rhythm = `every ${only('weeks')} weeks, ${day}s ${time}`;
  else if (only('days') === 1) rhythm = `daily at ${time}`;
  else if (only('days') > 1) rhythm = `every ${only('days')} days at ${time}`;
  else if (only('months') === 1) rhythm = `monthly on the ${ordinal(start.day)} at ${time}`;
  else if (only('hours') > 0) rhythm = `every ${only('hours')} hours from ${time}`;
  else if (units.years || units.months) rhythm = `every ${spec.shiftLength} from ${start.toFormat('d LLL yyyy, HH:mm')}`;
  else rhythm = `every ${formatIsoDuration(spec.shiftLength)} from ${time}`;
  return `${rhythm} (${zone})`;
}
