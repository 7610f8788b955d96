import dataServiceSchema from '../schema/DataService.v1alpha1.schema.json';
import type { CoverageWindow, ServiceLevel } from '../kinds/types';
import { isInCoverage } from '../rotation/coverage';
import type { ErrorBudget } from './types';

const DAY = 86_400_000;

/** Business hours when an SLA says business-hours without windows. @public */
export const DEFAULT_BUSINESS_HOURS: CoverageWindow[] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' },
];

/*
 * The grammar of `spec.sla.window` is its schema's pattern (whole days or
 * weeks: '30d', '4w'); the cards, /services and the checks all read it
 * through parseSlaWindow, so an entity shows the same budget everywhere.
 */
const WINDOW_PATTERN = new RegExp(
  dataServiceSchema.properties.spec.properties.sla.properties.window.pattern,
);

/**
 * Length of an OpenSLO-style rolling window ('30d', '4w') in milliseconds;
 * undefined for anything the DataService schema does not accept ('12h').
 * @public
 */
export function parseSlaWindow(window: string): number | undefined {
  if (typeof window !== 'string' || !WINDOW_PATTERN.test(window)) return undefined;
  return parseInt(window, 10) * (window.endsWith('w') ? 7 * DAY : DAY);
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

