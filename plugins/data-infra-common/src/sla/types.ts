/** What an availability target allows per window. @public */
export interface ErrorBudget {
  availability: number;
  /** The window as written ('30d') and in milliseconds. */
  window: string;
  windowMs: number;
  /** Allowed unavailability in the window, milliseconds (99.9 % of 30 d = 43.2 min). */
  allowedDowntimeMs: number;
}

/**
 * What Prometheus answered for one service: the inputs of
 * `measureServiceLevel`. Null where a query returned no data.
 * @public
 */
export interface SliReadings {
  /** The fraction of bad events per window ('5m' … '3d' and the SLA window). */
  errorRatio: Record<string, number | null>;
  freshnessSeconds?: number | null;
  latencySeconds?: number | null;
}

/** How the error budget of a service stands, for colours and sorting. @public */
export type BudgetStatus = 'exhausted' | 'burning' | 'low' | 'healthy' | 'unavailable';

/** A service's SLA measured from Prometheus. @public */
export interface MeasuredServiceLevel {
  state: 'measured';
  /** The instant Prometheus evaluated the queries at (ISO-8601, UTC). */
  measuredAt: string;
  /** The SLA window, e.g. '30d'. */
  window: string;
  availability?: {
    /** The declared target, percent. */
    target: number;
    /** Achieved over the SLA window, percent; null when there were no events. */
    achieved: number | null;
    /** The share of the error budget left: 1 untouched, 0 spent, below 0 overspent. */
    budgetLeft: number | null;
    /** The budget left as downtime: budgetLeft × what the target allows per window. */
    budgetLeftMs: number | null;
    /** Bad-event fraction over each window divided by the budget fraction. */
    burnRates: Record<string, number | null>;
    /** Burn-rate thresholds of the alerts for this window (30d: 14.4, 6 and 1). */
    thresholds: { fast: number; slow: number; ticket: number };
    /** 1 h and 5 m both above the fast threshold. */
    fastBurn: boolean;
    /** 6 h and 30 m both above the slow threshold. */
    slowBurn: boolean;
  };
  freshness?: { lagSeconds: number | null; targetSeconds: number; breached: boolean };
  latency?: {
    seconds: number | null;
    thresholdSeconds: number;
    /** For histogram indicators. */
    percentile?: number;
    breached: boolean;
  };
}

/**
 * Metrics could not be had (no Prometheus configured, it did not answer in
 * time, it rejected the query): a state shown beside the declared SLA, not
 * an error.
 * @public
 */
export interface UnavailableServiceLevel {
  state: 'unavailable';
  reason: string;
}

/** @public */
export type ServiceLevelMeasurement = MeasuredServiceLevel | UnavailableServiceLevel;

/** The few measured facts a list row or a map tile shows. @public */
export interface MeasuredSummary {
  status: BudgetStatus;
  /** The share of the budget left (1 untouched, below 0 overspent); absent when unknown. */
  budgetLeft?: number;
  /** Achieved availability, percent. */
  achieved?: number;
  /** Why metrics are unavailable. */
  reason?: string;
}
