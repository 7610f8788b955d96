import type { CoverageWindow, ServiceLevel } from '../kinds/types';
import { isInCoverage } from '../rotation/coverage';
import type { ErrorBudget } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Business hours when an SLA says business-hours without windows. @public */
export const DEFAULT_BUSINESS_HOURS: CoverageWindow[] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
];

/**
 * Length of an OpenSLO-style rolling window ('30d', '4w') in milliseconds;
 * undefined when malformed.
 * @public
 */
export function parseSlaWindow(window: string): number | undefined {
  const m = /^([1-9]\d*)([dw])$/.exec(typeof window === 'string' ? window.trim() : '');
  if (!m) return undefined;
  return +m[1] * (m[2] === 'w' ? 7 * DAY : DAY);
}

/**
 * The unavailability an availability target allows per window (default
 * '30d'): 99.9 % over 30 days is 43.2 minutes. Undefined without an
 * availability or with a malformed window.
 * @public
 */
export function errorBudget(sla: ServiceLevel | undefined): ErrorBudget | undefined {
  if (!sla || typeof sla.availability !== 'number') return undefined;
  const window = sla.window ?? '30d';
  const windowMs = parseSlaWindow(window);
  if (windowMs === undefined) return undefined;
  // Rounded to the millisecond: 100 - 99.9 is not exactly 0.1 in floating point.
  const allowedDowntimeMs = Math.round((windowMs * (100 - sla.availability)) / 100);
  return { availability: sla.availability, window, windowMs, allowedDowntimeMs };
}

/**
 * Whether an instant is within the SLA's support hours: always for 24x7 or
 * when unspecified; for business-hours, its windows (default Monday to
 * Friday 09:00–17:00) in its time zone (UTC if it names none).
 * @public
 */
export function isWithinSupportHours(sla: ServiceLevel | undefined, at: number): boolean {
  const hours = sla?.supportHours;
  if (!hours || hours.type !== 'business-hours') return true;
  const windows = hours.windows?.length ? hours.windows : DEFAULT_BUSINESS_HOURS;
  return isInCoverage(windows, hours.timezone ?? 'UTC', at);
}

/**
 * A duration as its two largest units: '43m 12s', '4h 23m', '1d 2h', '45s'.
 * Rounded to the second; a zero second unit is left out ('2h').
 * @public
 */
export function formatDurationShort(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const sign = ms < 0 ? '-' : '';
  let seconds = Math.round(Math.abs(ms) / SECOND);
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    const value = Math.floor(seconds / size);
    seconds -= value * size;
    if (parts.length > 0 || value > 0) parts.push(value > 0 ? `${value}${name}` : '');
    if (parts.length === 2) break;
  }
  const text = parts.filter(Boolean).join(' ');
  return text ? `${sign}${text}` : '0s';
}
