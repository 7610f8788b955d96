/*
 * The JSON shapes of the data-infra backend routes (/api/data-infra/...),
 * shared by the backend, the frontend client and other tools. Instants are
 * ISO-8601 strings in UTC ('2026-03-08T08:00:00Z').
 */
import type { Contact, CoverageWindow, ServiceLevel } from '../kinds/types';
import type { Finding, FindingSeverity } from '../checks/types';
import type { RotationRole } from '../rotation/types';
import type { MeasuredSummary, ServiceLevelMeasurement } from '../sla/types';

/** A person as shown to users. @public */
export interface PersonSummary {
  ref: string;
  displayName: string;
  /** Omitted when dataInfra.showContactDetails is false. */
  email?: string;
}

/** Who holds a role now. @public */
export interface OnCallRole {
  role: RotationRole;
  user: PersonSummary;
  from: string;
  until: string | null;
}

/** GET /oncall: one entry per rotation. @public */
export interface RotationOnCall {
  rotation: { ref: string; title: string; timezone: string };
  owner: { ref: string; title: string } | null;
  at: string;
  onCall: OnCallRole[];
  nextHandoff: string | null;
}

/** @public */
export interface OnCallResponse {
  at: string;
  rotations: RotationOnCall[];
}

/** GET /escalation. @public */
export interface EscalationResponse {
  entityRef: string;
  at: string;
  policyRef: string | null;
  inherited: boolean;
  repeat: number;
  levels: Array<{
    index: number;
    after: string;
    afterMs: number;
    via: 'rotation' | 'user' | 'subteamLead';
    targetRef: string;
    targetTitle: string;
    role?: RotationRole;
    reachable: boolean;
    reason?: string;
    people: Array<PersonSummary & { role?: RotationRole; from?: string; until?: string | null }>;
  }>;
  firstReachableAfterMs: number | null;
  findings: Finding[];
}

/** GET /rotations/:namespace/:name/shifts. @public */
export interface ShiftsResponse {
  rotationRef: string;
  timezone: string;
  from: string;
  to: string;
  truncated: boolean;
  shifts: Array<{ role: RotationRole; user: PersonSummary; start: string; end: string; source: 'schedule' | 'override' }>;
}

/** A row of GET /services. @public */
export interface ServiceSummary {
  ref: string;
  name: string;
  title: string;
  description?: string;
  type: string;
  lifecycle: string;
  tier?: number;
  technology?: string;
  domain: string | null;
  owner: { ref: string; title: string } | null;
  sla?: ServiceLevel;
  /** Allowed downtime per SLA window in ms, when availability is set. */
  errorBudgetMs?: number;
  contact?: Contact;
  runbook?: string;
  escalationSummary: string;
  onCall: OnCallRole[];
  worstFinding: FindingSeverity | null;
  findingCount: number;
  /** The error budget as measured in Prometheus; absent without availability indicators. */
  measured?: MeasuredSummary;
}

/** GET /services. @public */
export interface ServicesResponse {
  items: ServiceSummary[];
  totalItems: number;
  nextCursor?: string;
}

/** A domain as configured (dataInfra.domains). @public */
export interface DomainInfo {
  id: string;
  title: string;
  description?: string;
  order: number;
}

/** GET /map. @public */
export interface OwnershipMapResponse {
  at: string;
  domains: Array<
    DomainInfo & {
      subteams: Array<{
        ref: string;
        title: string;
        members: PersonSummary[];
        lead: PersonSummary | null;
        stakeholders: Array<{ ref: string; title: string }>;
        handles: string[];
        contact?: Contact;
        rotations: Array<{ ref: string; title: string; onCall: OnCallRole[] }>;
      }>;
      services: Array<{
        ref: string;
        title: string;
        type: string;
        lifecycle: string;
        tier?: number;
        owner: string;
        availability?: number;
        supportHours?: string;
        worstFinding: FindingSeverity | null;
        /** The error budget as measured in Prometheus; absent without availability indicators. */
        measured?: MeasuredSummary;
      }>;
    }
  >;
  /** Dependencies between services of different domains. */
  crossDomainEdges: Array<{ from: string; to: string; fromDomain: string; toDomain: string }>;
  totals: { domains: number; subteams: number; services: number; rotations: number; findings: Record<FindingSeverity, number> };
}

/** GET /checks. @public */
export interface ChecksResponse {
  findings: Finding[];
}

/** Coverage shown for a rotation. @public */
export type { CoverageWindow };

/**
 * GET /sla?entityRef=: a DataService's SLA as measured, with the budget left
 * over the window as a series for a sparkline. `measurement` is absent when
 * the service declares no indicators.
 * @public
 */
export interface SlaResponse {
  entityRef: string;
  measurement?: ServiceLevelMeasurement;
  /**
   * Budget left (1 untouched … below 0 overspent) counted from the start of
   * the window to each point, oldest first: [ISO instant, share]. Empty when
   * unavailable or without an availability indicator.
   */
  budgetSeries: Array<[string, number]>;
}

/**
 * GET/POST /rotations/:namespace/:name/calendar-subscription: the signed-in
 * user's link to a rotation's iCalendar feed, which calendar clients fetch
 * without a Backstage token.
 * @public
 */
export type CalendarSubscriptionResponse =
  | { subscribed: false }
  | {
      subscribed: true;
      createdAt: string;
      /** The feed over http(s), for clients that ask for a URL. */
      https: string;
      /** The same feed as a webcal: link, which opens the system's calendar app. */
      webcal: string;
    };

/** GET /health: how current the plugin's answers are, and its memory budget. @public */
export interface HealthResponse {
  /** ok: fresh; stale: the last refresh failed, answers come from an older state; loading: not loaded yet; unavailable: never loaded, failing. */
  status: 'ok' | 'stale' | 'loading' | 'unavailable';
  /** Seconds since the shared state was last refreshed successfully. */
  stateAgeSeconds: number | null;
  refreshSeconds: number;
  failedRefreshes: number;
  retryInSeconds: number;
  cache: { maxBytes: number; usedBytes: number; peakBytes: number; entries: number; evictions: number };
}
