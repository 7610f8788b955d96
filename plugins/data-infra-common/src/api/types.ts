/*
 * The JSON shapes of the data-infra backend routes (/api/data-infra/...),
 * shared by the backend, the frontend client and other tools. Instants are
 * ISO-8601 strings in UTC ('2026-03-08T08:00:00Z').
 */
import type { Contact, CoverageWindow, ServiceLevel } from '../kinds/types';
import type { DomainInfo } from '../kinds/domains';
import type { Finding, FindingGroup, FindingSeverity } from '../checks/types';
import type { RotationRole } from '../rotation/types';
import type { PersonLoad } from '../load/types';
import type { MeasuredSummary, ServiceLevelMeasurement } from '../sla/types';
import type { RotationPlan } from '../checks/rotationPlan';

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

/** GET /oncall (optionally ?owner= or ?rotation=): one entry per rotation. @public */
export interface RotationOnCall {
  rotation: { ref: string; title: string; timezone: string };
  owner: { ref: string; title: string } | null;
  at: string;
  onCall: OnCallRole[];
  nextHandoff: string | null;
  /** With GET /oncall?load=true only: the on-call load over the next 4 and 13 weeks from `at`. */
  load?: RotationLoadAnswer[];
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
  levels: EscalationLevelAt[];
  firstReachableAfterMs: number | null;
  findings: Finding[];
}

/** One level of an escalation path as it reaches people at an instant. @public */
export interface EscalationLevelAt {
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
}

/** GET /rotations/:namespace/:name/shifts. @public */
export interface ShiftsResponse {
  rotationRef: string;
  timezone: string;
  from: string;
  to: string;
  truncated: boolean;
  /** `spec.participants` in rotation order, each once. */
  participants: PersonSummary[];
  shifts: Array<{ role: RotationRole; user: PersonSummary; start: string; end: string; source: 'schedule' | 'override' }>;
  /**
   * The on-call load over the next 4 and 13 weeks from the request's now
   * (not from `from`), per person: see rotationLoad. Absent from servers
   * older than the load view.
   */
  load?: RotationLoadAnswer[];
}

/** One window of ShiftsResponse.load. @public */
export interface RotationLoadAnswer {
  weeks: number;
  from: string;
  to: string;
  truncated: boolean;
  people: Array<Omit<PersonLoad, 'user'> & { user: PersonSummary }>;
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
  /** The escalation path in force (its own or its owner's), for a table cell. */
  escalation: ServiceEscalation;
  onCall: OnCallRole[];
  worstFinding: FindingSeverity | null;
  findingCount: number;
  /** The error budget as measured in Prometheus; absent without availability indicators. */
  measured?: MeasuredSummary;
}

/** A service's escalation path in brief. @public */
export interface ServiceEscalation {
  /** Levels of the policy in force; 0 when there is none. */
  levels: number;
  /** The first level as written: whom it pages and after how long. */
  first: { targetTitle: string; role?: RotationRole; afterMs: number } | null;
  inherited: boolean;
  repeat: number;
  /**
   * When a tier-1 or 24x7 service's path reaches nobody, in words
   * ("Sat–Sun all day (Europe/Berlin)", from the escalation-gap check);
   * null when it always reaches someone or the service is not checked.
   */
  gaps: string | null;
}

/** The largest page GET /services gives (`limit`). @public */
export const SERVICES_MAX_LIMIT = 200;

/**
 * Columns GET /services sorts by (`sort`), in the order of `order`
 * (asc|desc). `budget` is the measured budget left (least first when
 * ascending); services without a measured figure come last in both orders.
 * @public
 */
export const SERVICE_SORT_KEYS = [
  'title',
  'domain',
  'owner',
  'tier',
  'availability',
  'errorBudget',
  'budget',
  'supportHours',
  'sev1',
  'escalation',
  'checks',
] as const;

/** @public */
export type ServiceSortKey = (typeof SERVICE_SORT_KEYS)[number];

/** GET /services. @public */
export interface ServicesResponse {
  items: ServiceSummary[];
  totalItems: number;
  nextCursor?: string;
}


/** A subteam on the ownership map: its people and who is on call. @public */
export interface MapSubteam {
  ref: string;
  title: string;
  members: PersonSummary[];
  lead: PersonSummary | null;
  stakeholders: Array<{ ref: string; title: string }>;
  handles: string[];
  contact?: Contact;
  rotations: Array<{ ref: string; title: string; onCall: OnCallRole[] }>;
}

/** Subteams of each domain that GET /map lists; the rest come from GET /map/subteams. @public */
export const MAP_SUBTEAMS_PREVIEW = 5;

/** The largest page GET /map/subteams gives (`limit`). @public */
export const MAP_SUBTEAMS_MAX_LIMIT = 100;

/**
 * GET /map: the ownership map's summary. Its size does not grow with the
 * number of services: each domain has its counts, its findings and its
 * first MAP_SUBTEAMS_PREVIEW subteams; its services are the rows of
 * `GET /services?domain=`, paged as the map is scrolled, its other subteams
 * `GET /map/subteams`, and a service's cross-domain dependencies
 * `GET /map/dependencies`. @public
 */
export interface OwnershipMapResponse {
  at: string;
  domains: Array<
    DomainInfo & {
      /** The first MAP_SUBTEAMS_PREVIEW subteams, by ref. */
      subteams: MapSubteam[];
      subteamCount: number;
      serviceCount: number;
      /** Findings about its services, by severity. */
      findings: Record<FindingSeverity, number>;
    }
  >;
  /** The tiers and lifecycles some service has, for the map's filters. */
  filters: { tiers: number[]; lifecycles: string[] };
  /** Whether some service's budget is measured in Prometheus (the map shows the legend). */
  measured: boolean;
  totals: { domains: number; subteams: number; services: number; rotations: number; findings: Record<FindingSeverity, number> };
}

/** GET /map/subteams: one page of a domain's subteams, by ref. @public */
export interface MapSubteamsResponse {
  at: string;
  items: MapSubteam[];
  totalItems: number;
}

/** A service at the other end of a cross-domain dependency. @public */
export interface MapDependency {
  ref: string;
  title: string;
  /** Its domain id. */
  domain: string;
}

/** The most GET /map/dependencies lists in each direction. @public */
export const MAP_DEPENDENCIES_LIMIT = 100;

/**
 * GET /map/dependencies: a service's dependencies on services of other
 * domains, both directions, at most MAP_DEPENDENCIES_LIMIT each (by ref);
 * the counts are of all. @public
 */
export interface MapDependenciesResponse {
  ref: string;
  dependsOn: MapDependency[];
  dependsOnCount: number;
  usedBy: MapDependency[];
  usedByCount: number;
}

/** GET /checks: findings grouped by cause (see groupFindings). @public */
export interface ChecksResponse {
  groups: FindingGroup[];
}

/** GET /checks?flat=true: one finding per entity and check, for scripts. @public */
export interface FlatChecksResponse {
  findings: Finding[];
}

/** A subteam on the on-call page: who is on call, how to page, what it handles. @public */
export interface SubteamOnCall {
  ref: string;
  title: string;
  /** Its domain id. */
  domain: string;
  /** Omitted when dataInfra.showContactDetails is false. */
  contact?: Contact;
  handles: string[];
  /** Its rotations with who holds each role at `at`. */
  rotations: Array<Omit<RotationOnCall, 'owner' | 'at'>>;
  /** Its default policy as it reaches people at `at`; null without one. */
  escalation: { repeat: number; levels: EscalationLevelAt[] } | null;
  /** Runbooks of the services it owns, by service title (at most RUNBOOKS_PER_SUBTEAM). */
  runbooks: Array<{ ref: string; title: string; url: string }>;
  /** How many of its services link a runbook. */
  runbookCount: number;
}

/** The most runbooks GET /oncall/subteams lists per subteam. @public */
export const RUNBOOKS_PER_SUBTEAM = 20;

/** GET /oncall/subteams: the on-call page in one answer. @public */
export interface SubteamsOnCallResponse {
  at: string;
  /** In domain order, then by title. */
  subteams: SubteamOnCall[];
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

/** A rotation as person answers name it. @public */
export interface RotationName {
  ref: string;
  title: string;
  timezone: string;
}

/** One shift of one person, in one rotation. @public */
export interface PersonShift {
  rotation: RotationName;
  role: RotationRole;
  /** When the person took the role: before the window's `from` for the shift under way then. */
  start: string;
  /** Clipped to the window's `to`. */
  end: string;
  /** 'override' when an override puts the person there for any part of it. */
  source: 'schedule' | 'override';
}

/**
 * A DataService whose escalation path reaches a person at the answer's
 * instant, with the levels that reach them (as GET /escalation shows them).
 * @public
 */
export interface PersonEscalation {
  service: { ref: string; title: string; tier?: number };
  owner: { ref: string; title: string } | null;
  /** The entity whose spec.escalation is used. */
  policyRef: string | null;
  /** True when the service uses its owner subteam's policy. */
  inherited: boolean;
  /** How many levels the path has in all. */
  levelCount: number;
  /** The levels that reach the person, first first. */
  levels: EscalationLevelAt[];
}

/**
 * A stretch of an override (`spec.overrides`) in which one person holds a
 * role instead of the one the schedule puts there (or where the schedule
 * puts nobody).
 * @public
 */
export interface PersonCover {
  rotation: RotationName;
  role: RotationRole;
  start: string;
  end: string;
  /** Who holds the role by the override. */
  by: PersonSummary;
  /** Whom the schedule puts there; null when nobody. */
  for: PersonSummary | null;
  /** `covering`: the person asked about covers for someone; `covered`: someone covers for them. */
  mine: 'covering' | 'covered';
}

/**
 * GET /people/:namespace/:name/oncall: one person's on-call across every
 * rotation and service the caller can read.
 * @public
 */
export interface PersonOnCallResponse {
  person: PersonSummary;
  /** Whether the caller can read a User entity of this ref. */
  inCatalog: boolean;
  /** The instant of `escalations`. */
  at: string;
  /** The window of `shifts` (and, from four weeks before `from`, of `covers`). */
  from: string;
  to: string;
  /** The rotations that name the person (as participant or in an override), by title. */
  rotations: RotationName[];
  /** The person's shifts in [from, to) across those rotations, by start. */
  shifts: PersonShift[];
  /** True when there were more than PERSON_MAX_SHIFTS shifts and the list was cut. */
  truncated: boolean;
  /** Services whose path reaches the person at `at`, by level then title; at most PERSON_MAX_ESCALATIONS. */
  escalations: PersonEscalation[];
  /** How many services' paths reach the person in all (`escalations` may be cut). */
  escalationCount: number;
  /** Overrides the person covers, or is covered by, in [from − 4 weeks, to), by start; at most PERSON_MAX_COVERS. */
  covers: PersonCover[];
  coversTruncated: boolean;
}

/** At most this many shifts in a PersonOnCallResponse. @public */
export const PERSON_MAX_SHIFTS = 200;
/** At most this many services in PersonOnCallResponse.escalations. @public */
export const PERSON_MAX_ESCALATIONS = 100;
/** At most this many covers in a PersonOnCallResponse. @public */
export const PERSON_MAX_COVERS = 100;
/** The longest window of GET /people/…/oncall: 13 weeks. @public */
export const PERSON_MAX_WINDOW_DAYS = 91;
/** GET /people/…/oncall without `to`: four weeks. @public */
export const PERSON_DEFAULT_WINDOW_DAYS = 28;
/** How far before `from` PersonOnCallResponse.covers reach, so a recent cover still shows. @public */
export const PERSON_COVER_LOOKBACK_DAYS = 28;

/**
 * GET /rotation-plan: per subteam who is due to rotate, when, and who
 * would remain after the moves (see rotationPlan).
 * @public
 */
export type RotationPlanResponse = RotationPlan;
