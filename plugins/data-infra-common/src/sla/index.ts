export * from './types';
export {
  DEFAULT_BUSINESS_HOURS,
  errorBudget,
  isWithinSupportHours,
  parseSlaWindow,
} from './sla';
export {
  DEFAULT_LATENCY_PERCENTILE,
  errorRatioQuery,
  freshnessQuery,
  freshnessTargetSeconds,
  hasIndicators,
  latencyQuery,
  latencyThresholdSeconds,
  SLI_WINDOWS,
  slaWindowOf,
  WINDOW_PLACEHOLDER,
  withWindow,
} from './indicators';
export type { SliWindow } from './indicators';
export { promqlSyntaxProblem } from './promql';
export { BURN_ALERTS, burnRateThreshold, errorBudgetFraction, windowMs } from './burn';
export type { BurnAlertPolicy } from './burn';
export { budgetStatus, LOW_BUDGET, measuredFindings, measuredSummary, measureServiceLevel } from './measurement';
