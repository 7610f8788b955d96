/*
 * From what Prometheus answered to what a person reads: achieved
 * availability, error budget left, burn rates and the alert states, and the
 * findings they raise. Pure: the backend feeds it readings, tests feed it
 * numbers.
 */
import type { DataServiceEntityV1alpha1, ServiceLevel } from '../kinds/types';
import type { Finding } from '../checks/types';
import { formatInstant } from '../time';
import { BURN_ALERTS, burnRateThreshold, errorBudgetFraction, tidy } from './burn';
import {
  DEFAULT_LATENCY_PERCENTILE,
  freshnessTargetSeconds,
  latencyThresholdSeconds,
  SLI_WINDOWS,
  slaWindowOf,
} from './indicators';
import { formatDurationShort } from '../time/duration';
import type {
  BudgetStatus,
  MeasuredServiceLevel,
  MeasuredSummary,
  ServiceLevelMeasurement,
  SliReadings,
} from './types';

/** Below this share of budget left, a healthy budget shows as low. @public */
export const LOW_BUDGET = 0.25;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The measured SLA of a service from its readings at `at`. Undefined when
 * the service has nothing to measure (no indicators, or a malformed window).
 * @public
 */
export function measureServiceLevel(
  sla: ServiceLevel | undefined,
  readings: SliReadings,
  at: number,
): MeasuredServiceLevel | undefined {
  const indicators = sla?.indicators;
  const span = slaWindowOf(sla);
  if (!indicators || !span) return undefined;
  const result: MeasuredServiceLevel = { state: 'measured', measuredAt: formatInstant(at), window: span.window };

  if (indicators.availability && typeof sla!.availability === 'number') {
    const target = sla!.availability;
    const budget = errorBudgetFraction(target);
    const overWindow = readings.errorRatio[span.window];
    const ratio = (w: string) => (finite(readings.errorRatio[w]) ? readings.errorRatio[w]! : null);
    const burn = (w: string) => {
      const r = ratio(w);
      return r === null || budget === 0 ? null : tidy(r / budget);
    };
    const burnRates = Object.fromEntries(SLI_WINDOWS.map(w => [w, burn(w)]));
    const [fast, slow, ticket] = BURN_ALERTS.map(p => burnRateThreshold(p, span.windowMs));
    const above = (w: string, threshold: number) => (burnRates[w] ?? 0) > threshold;
    const budgetLeft = finite(overWindow) && budget > 0 ? tidy(1 - overWindow / budget) : null;
    result.availability = {
      target,
      achieved: finite(overWindow) ? tidy((1 - overWindow) * 100) : null,
      budgetLeft,
      budgetLeftMs: budgetLeft === null ? null : Math.round(budgetLeft * budget * span.windowMs),
      burnRates,
      thresholds: { fast, slow, ticket },
      fastBurn: above('1h', fast) && above('5m', fast),
      slowBurn: above('6h', slow) && above('30m', slow),
    };
  }
  const freshnessTarget = freshnessTargetSeconds(sla);
  if (indicators.freshness !== undefined && freshnessTarget !== undefined) {
    const lag = finite(readings.freshnessSeconds) ? readings.freshnessSeconds : null;
    result.freshness = { lagSeconds: lag, targetSeconds: freshnessTarget, breached: lag !== null && lag > freshnessTarget };
  }
  const latency = indicators.latency;
  const threshold = latency ? latencyThresholdSeconds(latency) : undefined;
  if (latency && threshold !== undefined) {
    const seconds = finite(readings.latencySeconds) ? readings.latencySeconds : null;
    result.latency = {
      seconds,
      thresholdSeconds: threshold,
      ...('histogram' in latency ? { percentile: latency.percentile ?? DEFAULT_LATENCY_PERCENTILE } : {}),
      breached: seconds !== null && seconds > threshold,
    };
  }
  return result;
}

/**
 * How the budget stands: exhausted (none left), burning (a fast or slow
 * burn alert would fire), low (under a quarter left), healthy; unavailable
 * when metrics could not be had. Undefined when nothing measures availability.
 * @public
 */
export function budgetStatus(measurement: ServiceLevelMeasurement | undefined): BudgetStatus | undefined {
  if (!measurement) return undefined;
  if (measurement.state === 'unavailable') return 'unavailable';
  const a = measurement.availability;
  if (!a) return undefined;
  // No events over the whole window: nothing says how the budget stands.
  if (a.achieved === null) return 'unavailable';
  if (a.budgetLeft !== null && a.budgetLeft <= 0) return 'exhausted';
  if (a.budgetLeft === null && a.achieved < a.target) return 'exhausted';
  if (a.fastBurn || a.slowBurn) return 'burning';
  if (a.budgetLeft !== null && a.budgetLeft < LOW_BUDGET) return 'low';
  return 'healthy';
}

/** The few facts a row or a tile carries. @public */
export function measuredSummary(measurement: ServiceLevelMeasurement | undefined): MeasuredSummary | undefined {
  const status = budgetStatus(measurement);
  if (!measurement || !status) return undefined;
  if (measurement.state === 'unavailable') return { status, reason: measurement.reason };
  const a = measurement.availability!;
  return {
    status,
    ...(a.budgetLeft !== null ? { budgetLeft: a.budgetLeft } : {}),
    ...(a.achieved !== null ? { achieved: a.achieved } : {}),
  };
}

const pct = (value: number) => `${tidy(value * 100).toFixed(1)} %`;
const times = (value: number | null) => (value === null ? 'no data' : `${value.toFixed(1)}×`);

/**
 * The findings a measurement raises (check ids `sla-budget-exhausted`,
 * `sla-fast-burn`, `sla-slow-burn`, `sla-freshness-breached`,
 * `sla-latency-breached`), in the order of the findings list.
 * @public
 */
export function measuredFindings(
  entityRef: string,
  service: DataServiceEntityV1alpha1,
  measurement: ServiceLevelMeasurement | undefined,
): Finding[] {
  if (!measurement || measurement.state !== 'measured') return [];
  const name = service.metadata.title ?? service.metadata.name;
  const findings: Finding[] = [];
  const a = measurement.availability;
  if (a && budgetStatus(measurement) === 'exhausted') {
    findings.push({
      severity: 'error',
      check: 'sla-budget-exhausted',
      entityRef,
      path: 'spec.sla.availability',
      message:
        `${name} has spent its error budget over ${measurement.window}: ${a.achieved?.toFixed(3)} % achieved ` +
        `against the ${a.target} % target${a.budgetLeft !== null ? ` (${pct(-a.budgetLeft)} overspent)` : ''}. ` +
        'Hold risky changes and put reliability work first until the budget recovers.',
    });
  }
  if (a?.fastBurn) {
    findings.push({
      severity: 'error',
      check: 'sla-fast-burn',
      entityRef,
      path: 'spec.sla.indicators.availability',
      message:
        `${name} burns its error budget ${times(a.burnRates['1h'])} as fast as it may over 1 h and ${times(a.burnRates['5m'])} over 5 m, ` +
        `above ${a.thresholds.fast}× (2 % of the ${measurement.window} budget in an hour). This pages: look at it now.`,
    });
  }
  if (a?.slowBurn) {
    findings.push({
      severity: 'warning',
      check: 'sla-slow-burn',
      entityRef,
      path: 'spec.sla.indicators.availability',
      message:
        `${name} burns its error budget ${times(a.burnRates['6h'])} as fast as it may over 6 h and ${times(a.burnRates['30m'])} over 30 m, ` +
        `above ${a.thresholds.slow}× (5 % of the ${measurement.window} budget in 6 hours). Look at it today.`,
    });
  }
  const f = measurement.freshness;
  if (f?.breached) {
    findings.push({
      severity: 'warning',
      check: 'sla-freshness-breached',
      entityRef,
      path: 'spec.sla.freshness',
      message:
        `${name}'s data is ${formatDurationShort(f.lagSeconds! * 1000)} old, more than the ${formatDurationShort(f.targetSeconds * 1000)} ` +
        'its freshness SLA allows. Check the pipeline that feeds it.',
    });
  }
  const l = measurement.latency;
  if (l?.breached) {
    findings.push({
      severity: 'warning',
      check: 'sla-latency-breached',
      entityRef,
      path: 'spec.sla.indicators.latency',
      message:
        `${name}'s ${l.percentile !== undefined ? `p${l.percentile} ` : ''}latency is ${l.seconds!.toFixed(3)} s, ` +
        `above its ${l.thresholdSeconds} s threshold.`,
    });
  }
  return findings;
}
