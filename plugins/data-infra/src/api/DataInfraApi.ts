import { createApiRef } from '@backstage/core-plugin-api';
import type {
  CalendarSubscriptionResponse,
  ChecksResponse,
  EscalationResponse,
  MapDependenciesResponse,
  MapSubteamsResponse,
  OnCallResponse,
  OwnershipMapResponse,
  PersonOnCallResponse,
  RotationPlanResponse,
  ServiceSortKey,
  ServiceSummary,
  ServicesResponse,
  ShiftsResponse,
  SlaResponse,
  SubteamsOnCallResponse,
} from '@data-infra/backstage-plugin-data-infra-common';

/** Query of GET /services: filters, order, and a page by cursor or offset. @public */
export interface ServicesQuery {
  domain?: string;
  owner?: string;
  tier?: number;
  /** Exactly this spec.lifecycle. */
  lifecycle?: string;
  q?: string;
  sort?: ServiceSortKey;
  order?: 'asc' | 'desc';
  cursor?: string;
  offset?: number;
  /** 1 to SERVICES_MAX_LIMIT (200); default 50. */
  limit?: number;
}

/**
 * The data-infra backend routes, one method per route. Every method returns
 * the route's JSON exactly as the common package types it.
 * @public
 */
export interface DataInfraApi {
  /**
   * GET /oncall: who holds each role of every rotation at `at` (default
   * now), or only of a subteam's rotations (`owner`) or of one (`rotation`).
   */
  getOnCall(options?: { at?: string; owner?: string; rotation?: string; load?: boolean }): Promise<OnCallResponse>;
  /** GET /oncall/subteams: the on-call page in one answer. */
  getSubteamsOnCall(options?: { at?: string }): Promise<SubteamsOnCallResponse>;
  /** GET /escalation: the escalation path of a DataService or Subteam at `at`. */
  getEscalation(
    entityRef: string,
    options?: { at?: string },
  ): Promise<EscalationResponse>;
  /** GET /rotations/:namespace/:name/shifts in [from, to). */
  getShifts(
    rotationRef: string,
    window: { from: string; to: string },
  ): Promise<ShiftsResponse>;
  /**
   * The URL of the rotation's iCalendar feed (not fetched). It needs a
   * Backstage token: calendar clients use a subscription link instead.
   */
  getCalendarUrl(rotationRef: string): Promise<string>;
  /**
   * POST /rotations/:namespace/:name/calendar-subscription: the signed-in
   * user's link to the feed that calendar clients can fetch without a
   * token (made on first call, the same afterwards).
   */
  subscribeToCalendar(rotationRef: string): Promise<CalendarSubscriptionResponse>;
  /** DELETE of the same: the link stops working at once. */
  revokeCalendarSubscription(rotationRef: string): Promise<void>;
  /** GET /services: one page. */
  getServices(query?: ServicesQuery): Promise<ServicesResponse>;
  /**
   * GET /services, every row that matches, in pages of the largest size the
   * backend allows; for exports, not for rendering a page.
   */
  getAllServices(
    query?: Omit<ServicesQuery, 'cursor' | 'offset' | 'limit'>,
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<ServiceSummary[]>;
  /**
   * GET /map: the ownership map's summary (counts, findings, the first
   * subteams of each domain with who is on call). Its services are
   * `getServices({ domain })`, paged.
   */
  getMap(): Promise<OwnershipMapResponse>;
  /** GET /map/subteams: a page of one domain's subteams, by ref. */
  getMapSubteams(query: { domain: string; offset?: number; limit?: number }): Promise<MapSubteamsResponse>;
  /** GET /map/dependencies: a service's dependencies across domains, both ways. */
  getMapDependencies(entityRef: string): Promise<MapDependenciesResponse>;
  /** GET /checks: findings grouped by cause, for the whole catalog or one entity. */
  getChecks(options?: { entityRef?: string }): Promise<ChecksResponse>;
  /** GET /sla: a DataService's SLA as measured in Prometheus, with its budget over the window. */
  getSla(entityRef: string): Promise<SlaResponse>;
  /**
   * GET /people/:namespace/:name/oncall: a person's shifts in [from, to)
   * (default: from now, four weeks) across every rotation, the services
   * whose escalation reaches them at `at` (default now), and their covers.
   */
  getPersonOnCall(
    userRef: string,
    options?: { at?: string; from?: string; to?: string },
  ): Promise<PersonOnCallResponse>;
  /**
   * POST /people/:namespace/:name/calendar-subscription: the signed-in
   * user's link to their personal feed (their shifts in every rotation);
   * `userRef` must be their own.
   */
  subscribeToPersonalCalendar(userRef: string): Promise<CalendarSubscriptionResponse>;
  /** DELETE of the same: the link stops working at once. */
  revokePersonalCalendarSubscription(userRef: string): Promise<void>;
  /**
   * GET /rotation-plan: per subteam who is due to rotate, when, and who
   * would remain after the moves due within the plan's horizon.
   */
  getRotationPlan(options?: { at?: string }): Promise<RotationPlanResponse>;
}

/**
 * Created with core-plugin-api so that the same ref serves the legacy app and
 * the new frontend system (the legacy ref is a new-system ref underneath).
 * @public
 */
export const dataInfraApiRef = createApiRef<DataInfraApi>({
  id: 'plugin.data-infra.api',
});
