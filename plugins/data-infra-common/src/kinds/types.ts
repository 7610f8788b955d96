/*
 * The three kinds live in their own files (SubteamEntityV1alpha1.ts…), as in
 * @backstage/catalog-model; their interfaces are re-exported here so that
 * modules needing only the shapes keep importing them from one place.
 */
import type { SubteamEntityV1alpha1 } from './SubteamEntityV1alpha1';
import type { DataServiceEntityV1alpha1 } from './DataServiceEntityV1alpha1';
import type { RotationEntityV1alpha1 } from './RotationEntityV1alpha1';

/** The apiVersion of every data-infra kind. @public */
export const DATA_INFRA_API_VERSION = 'data-infra.io/v1alpha1';

/*
 * Nested shapes are type aliases, not interfaces: only a type alias gets the
 * implicit index signature that lets an entity's spec be assigned to
 * Backstage's JsonObject (Entity['spec']).
 */

/** Day of the week as written in coverage windows. @public */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A recurring window of the week, in some time zone given by its container.
 * `from`/`to` are 'HH:MM'; `to` may be '24:00'. When `to` is before `from` the
 * window crosses midnight and belongs to the day it starts.
 * @public
 */
export type CoverageWindow = {
  days: Weekday[];
  from: string;
  to: string;
};

/** Who an escalation level pages. Exactly one key is set. @public */
export type EscalationTarget =
  | { rotation: string; role?: 'primary' | 'secondary' }
  | { user: string }
  | { subteamLead: string };

/** One level of an escalation policy. @public */
export type EscalationLevel = {
  /** ISO-8601 duration since the alert (PT0M, PT15M…); strictly increasing. */
  after: string;
  target: EscalationTarget;
  /**
   * Optional hours in which this level can be reached (e.g. a person paged
   * only in business hours). Absent: always.
   */
  hours?: { timezone: string; windows: CoverageWindow[] };
};

/** An escalation policy: on DataService, or the default on a Subteam. @public */
export type EscalationPolicy = {
  levels: EscalationLevel[];
  /** How many times the whole policy loops before it stops (default 0). */
  repeat?: number;
};

/** How to reach a subteam. @public */
export type Contact = {
  /** Chat channel, e.g. '#data-platform'. */
  chat?: string;
  /** Ticket queue URL. */
  tickets?: string;
  email?: string;
  /** How to page the subteam (e.g. the alerting integration), free text or URL. */
  pager?: string;
};

/** Service level agreement of a DataService. @public */
export type ServiceLevel = {
  /** Percent, e.g. 99.9. */
  availability?: number;
  /** Rolling window, e.g. '30d', '7d', '4w' (OpenSLO style). Default '30d'. */
  window?: string;
  supportHours?: {
    type: '24x7' | 'business-hours';
    /** IANA zone; required for business-hours. */
    timezone?: string;
    /** For business-hours; default mon–fri 09:00–17:00. */
    windows?: CoverageWindow[];
  };
  /** Time to first human acknowledgement per severity (ISO-8601 durations). */
  responseTime?: { sev1?: string; sev2?: string; sev3?: string };
  resolutionTime?: { sev1?: string; sev2?: string; sev3?: string };
  /** Data freshness for pipelines (ISO-8601 duration). */
  freshness?: string;
  /** Recovery point / time objectives (ISO-8601 durations). */
  rpo?: string;
  rto?: string;
  /** How the level is measured in Prometheus (optional). */
  indicators?: ServiceLevelIndicators;
};

/**
 * The availability SLI: good and total events, or a ratio of good (0–1).
 * Each is PromQL with the `{{.window}}` placeholder for the range.
 * @public
 */
export type AvailabilityIndicator = { good: string; total: string } | { ratio: string };

/**
 * The latency SLI: a percentile of a classic Prometheus histogram, or a
 * query that gives the latency in seconds; compared with `threshold`.
 * @public
 */
export type LatencyIndicator =
  | { histogram: string; percentile?: number; threshold: string }
  | { query: string; threshold: string };

/**
 * Prometheus queries that measure a DataService's SLA
 * (`spec.sla.indicators`). See the common package's README.
 * @public
 */
export type ServiceLevelIndicators = {
  availability?: AvailabilityIndicator;
  /** PromQL giving the age of the data in seconds; compared with `sla.freshness`. */
  freshness?: string;
  latency?: LatencyIndicator;
};

/** An override of a rotation: local date-times in the rotation's zone. @public */
export type RotationOverride = {
  start: string;
  end: string;
  user: string;
  role?: 'primary' | 'secondary';
};

export type { SubteamEntityV1alpha1, DataServiceEntityV1alpha1, RotationEntityV1alpha1 };

/** Any data-infra entity. @public */
export type DataInfraEntity =
  | SubteamEntityV1alpha1
  | DataServiceEntityV1alpha1
  | RotationEntityV1alpha1;
