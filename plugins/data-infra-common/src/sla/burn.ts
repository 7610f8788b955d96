/*
 * Multi-window, multi-burn-rate alerting as the Google SRE workbook
 * (chapter 5, "Alerting on SLOs") recommends it. An alert fires when the
 * error budget burns fast enough over a long window to spend a share of the
 * whole budget in it, and still does over a short window (so it resets soon
 * after the problem stops). The burn-rate thresholds follow from the share
 * and the SLA window: for the usual 30 days they are the workbook's 14.4×,
 * 6× and 1×.
 */
import type { SliWindow } from './indicators';

/** One pair of windows of the alerting policy. @public */
export interface BurnAlertPolicy {
  id: 'fast' | 'slow' | 'ticket';
  long: SliWindow;
  short: SliWindow;
  /** The share of the whole budget the long window may spend before it fires. */
  budgetShare: number;
  /** The severity of the alert (sev1 pages the escalation path's first level). */
  severity: 'sev1' | 'sev2' | 'sev3';
}

/** The three alerts of the workbook's table 5-8, most urgent first. @public */
export const BURN_ALERTS: readonly BurnAlertPolicy[] = [
  { id: 'fast', long: '1h', short: '5m', budgetShare: 0.02, severity: 'sev1' },
  { id: 'slow', long: '6h', short: '30m', budgetShare: 0.05, severity: 'sev2' },
  { id: 'ticket', long: '3d', short: '6h', budgetShare: 0.1, severity: 'sev3' },
];

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** A Prometheus duration of one unit ('5m', '6h', '3d', '4w') in ms. @public */
export function windowMs(window: string): number {
  const m = /^(\d+)([mhdw])$/.exec(window);
  if (!m) throw new Error(`not a window: ${window}`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Rounds away floating-point noise (0.0005 × 14.4 is 0.007200000000000001). */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The burn rate above which an alert fires, for an SLA window: the budget
 * share spent over the long window, scaled to the whole SLA window.
 * 30d: fast 14.4, slow 6, ticket 1.
 * @public
 */
export function burnRateThreshold(policy: BurnAlertPolicy, slaWindowMs: number): number {
  return tidy((policy.budgetShare * slaWindowMs) / windowMs(policy.long));
}

/**
 * The error budget as a fraction of events (1 − target): 0.0005 for
 * 99.95 %. Tidied, since 100 − 99.95 is not exactly 0.05 in floating point.
 * @public
 */
export function errorBudgetFraction(availabilityPercent: number): number {
  return tidy((100 - availabilityPercent) / 100);
}
