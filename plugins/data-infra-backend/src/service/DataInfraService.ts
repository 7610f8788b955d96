import type {
  AuthService,
  BackstageCredentials,
  CacheService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { AuthenticationError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ChecksResponse,
  compareFindings,
  errorBudget,
  EscalationPath,
  EscalationResponse,
  escalationPathAt,
  Finding,
  formatInstant,
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
  measuredFindings,
  nextHandoff,
  OnCallAssignment,
  OnCallResponse,
  onCallAt,
  OnCallRole,
  RotationEntityV1alpha1,
  rotationShifts,
  ServiceLevelMeasurement,
  ServiceSortKey,
  ServiceSummary,
  ShiftsResponse,
  SlaResponse,
  FlatChecksResponse,
  groupFindings,
  SubteamsOnCallResponse,
  entityRefOf,
  normaliseEntityRef,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraBackendConfig } from '../config';
import { JsonPrefix, PreparedJson } from '../preparedJson';
import { buildCalendar, CALENDAR_AHEAD_MS, CALENDAR_PAST_MS, wholeShifts } from './calendar';
import type { CalendarSubscription } from './CalendarSubscriptions';
import { CallerMemo } from './CallerMemo';
import { CatalogReader } from './CatalogReader';
import { CatalogSnapshot, CatalogView } from './CatalogSnapshot';
import { IntervalMemo } from './IntervalMemo';
import { MemoryBudget, sizeOf } from './MemoryBudget';
import { Scope, Scopes } from './scopes';
import { SharedCatalog } from './SharedCatalog';
import { ViewMemo } from './ViewMemo';
import { escalationSummary } from './escalationText';
import { levelsAt, targetTitle } from './escalationLevels';
import { worst } from './findingIndex';
import { matchesFilter, ServiceFilter, ServiceTable, ServiceTableRow } from './serviceTable';
import { buildSubteamsOnCall, SubteamsOnCallSkeleton } from './subteamsOnCall';
import {
  buildMapSkeleton,
  mapJsonBeforeInstant,
  mapJsonInstant,
  MapSkeleton,
  onCallParts,
} from './ownershipMap';
import { PeopleDirectory } from './people';
import { PrometheusClient } from './metrics/PrometheusClient';
import { SlaMeter } from './metrics/SlaMeter';
import { referencedRefs } from './references';
import { stateOf, titleOf } from './refs';

/** A rotation's exact state, for answers reused across instants; none without an etag. */
const stateKey = (rotation: RotationEntityV1alpha1) =>
  rotation.metadata.etag ? stateOf(rotation) : undefined;

/** More shifts than this in one /shifts answer sets `truncated`. */
export const MAX_SHIFTS = 5000;

/** Findings about an entity, or naming it among the entities concerned. */
function concerning(findings: Finding[], refs: Set<string>): Finding[] {
  const lower = (r: string) => r.toLocaleLowerCase('en-US');
  return findings.filter(
    f => refs.has(lower(f.entityRef)) || f.related?.some(r => refs.has(lower(r))),
  );
}

/**
 * Reference checks over a neighbourhood can only speak for the refs that were
 * gathered: the owner, the policy's targets, rotations and people. A
 * dependency or a consumer group was not looked up, so "does not exist"
 * about it would be wrong there (/checks has the whole picture).
 */
const REF_CHECKS = new Set(['unknown-ref', 'wrong-ref-kind']);
const GATHERED_PATHS = /^spec\.(escalation|owner|members|lead|participants)\b/;
function knowableInNeighbourhood(finding: Finding): boolean {
  return !REF_CHECKS.has(finding.check) || GATHERED_PATHS.test(finding.path ?? '');
}

/** Filters, order and page of GET /services, validated. */
export interface ServiceQuery extends ServiceFilter {
  sort: ServiceSortKey;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Which rotations GET /oncall lists: all, a subteam's, or one. */
export interface OnCallFilter {
  owner?: string;
  rotation?: string;
}

/**
 * Answers the routes. It only gathers entities (always with the caller's
 * credentials) and presents what the common package computes.
 */
export class DataInfraService {
  readonly #scopes: Scopes;
  readonly #logger: LoggerService;
  readonly #config: DataInfraBackendConfig;
  readonly #memo: CallerMemo;
  /**
   * The instant-independent part of /map, per view (views are reused while
   * unchanged) and state of the measurements it shows.
   */
  readonly #skeletons = new WeakMap<CatalogView, { version: number; skeleton: Promise<MapSkeleton> }>();
  /** Catalog findings with the measured ones, per list of catalog findings and state of the measurements. */
  readonly #withMeasured = new WeakMap<Finding[], { version: number; findings: Finding[] }>();
  readonly #meter: SlaMeter;
  /** The last /map body before its instant, per skeleton, and its on-call part. */
  readonly #mapPrefixes = new WeakMap<MapSkeleton, { onCall: string; prefix: JsonPrefix }>();
  /** The table behind /services, per view and measurement cycle. */
  readonly #tables: ViewMemo<ServiceTable>;
  /** The instant-independent part of /oncall/subteams, per view. */
  readonly #boards: ViewMemo<SubteamsOnCallSkeleton>;
  readonly #auth: AuthService;
  readonly #budget: MemoryBudget;
  readonly #shared: SharedCatalog;
  readonly #assignments: IntervalMemo<OnCallAssignment[]>;
  readonly #handoffs: IntervalMemo<number>;

  constructor(options: {
    catalog: CatalogService;
    cache: CacheService;
    logger: LoggerService;
    auth: AuthService;
    permissions: PermissionsService;
    config: DataInfraBackendConfig;
  }) {
    const { catalog, cache, logger, auth, permissions, config } = options;
    // One byte budget for every memo below (dataInfra.cache.maxBytes).
    const budget = new MemoryBudget(config.cacheMaxBytes);
    const reader = new CatalogReader(catalog, budget);
    const callerTtlMs = (config.callerTtlSeconds ?? 5) * 1000;
    this.#logger = logger;
    this.#config = config;
    this.#auth = auth;
    this.#budget = budget;
    this.#shared = new SharedCatalog(reader, auth, logger, (config.refreshSeconds ?? 10) * 1000);
    this.#scopes = new Scopes({
      reader,
      snapshot: new CatalogSnapshot(reader, cache, logger, config, budget),
      shared: this.#shared,
      permissions,
      logger,
      callerTtlMs,
      budget,
    });
    this.#memo = new CallerMemo(callerTtlMs, budget);
    this.#assignments = new IntervalMemo(budget);
    this.#handoffs = new IntervalMemo(budget);
    this.#tables = new ViewMemo(budget, table => table.estimatedBytes);
    // The subteam and rotation entities it names are counted with the view.
    this.#boards = new ViewMemo(budget, (board, view) => sizeOf(board, new Set<object>(view.byRef.values())));
    const metrics = config.metrics;
    this.#meter = new SlaMeter(
      metrics ? new PrometheusClient({ baseUrl: metrics.baseUrl, headers: metrics.headers, timeoutMs: metrics.timeoutMs }) : undefined,
      logger,
      { refreshMs: metrics?.refreshMs ?? 60_000, waitMs: metrics?.waitMs ?? 2_000 },
    );
  }

  /** The SLA meter (benchmarks read its query count). */
  get meter(): SlaMeter {
    return this.#meter;
  }

  /**
   * A view's findings: the catalog checks and what the measured SLAs raise
   * (budget exhausted, fast or slow burn, freshness or latency breached),
   * in the order of findings lists. Rebuilt when a measurement cycle ends.
   */
  async #findings(view: CatalogView, measured?: Map<string, ServiceLevelMeasurement>): Promise<Finding[]> {
    const base = await view.findings();
    const measurements = measured ?? (await this.#meter.measurements(view.services));
    const version = this.#meter.version;
    const known = this.#withMeasured.get(base);
    if (known?.version === version) return known.findings;
    const extra = view.services.flatMap(s => measuredFindings(entityRefOf(s), s, measurements.get(entityRefOf(s))));
    const findings = extra.length === 0 ? base : [...base, ...extra].sort(compareFindings);
    this.#withMeasured.set(base, { version, findings });
    return findings;
  }

  /** How current the answers for this caller are (see Scope.freshness). */
  async freshness(credentials: BackstageCredentials): Promise<{ ageMs: number; stale: boolean }> {
    return (await this.#scopes.of(credentials)).freshness();
  }

  /** What GET /health reports: the shared state's age and the memory budget. */
  health() {
    const status = this.#shared.status();
    let state: 'ok' | 'stale' | 'loading' | 'unavailable' = status.stale ? 'stale' : 'ok';
    if (!status.loaded) state = status.failures > 0 ? 'unavailable' : 'loading';
    return {
      status: state,
      stateAgeSeconds: status.ageMs === null ? null : Math.floor(status.ageMs / 1000),
      refreshSeconds: this.#config.refreshSeconds ?? 10,
      failedRefreshes: status.failures,
      retryInSeconds: Math.ceil(status.retryInMs / 1000),
      cache: this.#budget.stats(),
    };
  }

  /**
   * One answer for everyone in the scope (one caller, or every caller who
   * may read the whole catalog), reused for a few seconds; concurrent
   * requests share one computation.
   */
  #remembered<T>(scope: Scope, question: string, compute: () => Promise<T>): Promise<T> {
    return this.#memo.get(`${scope.key}|${question}`, compute);
  }

  /** Runs a per-entity computation; a failure is logged with the ref and skipped. */
  #safely<T>(entityRef: string, what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.#logger.warn(`data-infra: ${what} failed for ${entityRef}: ${error}`, { entityRef });
      return undefined;
    }
  }

  #onCall(rotation: RotationEntityV1alpha1, at: number, people: PeopleDirectory): OnCallRole[] {
    const ref = entityRefOf(rotation);
    return people.onCall(this.#safely(ref, 'on-call', () => this.#onCallAt(rotation, at)) ?? []);
  }

  /**
   * onCallAt, reused across instants and callers: each assignment holds for
   * the whole interval [from, until) it reports, so the same answer is right
   * for every instant inside all of them. Only served for rotations the
   * caller's own query returned.
   */
  #onCallAt(rotation: RotationEntityV1alpha1, at: number): OnCallAssignment[] {
    const key = stateKey(rotation);
    const known = key ? this.#assignments.get(key, at) : undefined;
    if (known) return known;
    const assignments = onCallAt(rotation, at);
    if (key && assignments.length > 0) {
      const from = Math.max(...assignments.map(a => a.from));
      // No change foreseen within the horizon: reuse for an hour only, as
      // the horizon moves with the instant.
      const until = Math.min(...assignments.map(a => a.until ?? at + 3_600_000));
      this.#assignments.set(key, from, until, assignments);
    }
    return assignments;
  }

  /** nextHandoff, reused: the hand-off h found after `at` is the next one for every instant in [at, h). */
  #nextHandoff(rotation: RotationEntityV1alpha1, at: number): number | null {
    const key = stateKey(rotation);
    const known = key ? this.#handoffs.get(key, at) : undefined;
    if (known !== undefined) return known;
    const handoff = nextHandoff(rotation, at);
    if (key && handoff !== null) this.#handoffs.set(key, at, handoff, handoff);
    return handoff;
  }

  async oncall(
    at: number,
    credentials: BackstageCredentials,
    filter: OnCallFilter = {},
  ): Promise<OnCallResponse> {
    const scope = await this.#scopes.of(credentials);
    const answer = await this.#remembered(scope, `oncall|${at}`, () => this.#oncallNow(at, scope));
    if (!filter.owner && !filter.rotation) return answer;
    return {
      at: answer.at,
      rotations: answer.rotations.filter(
        r => (!filter.rotation || r.rotation.ref === filter.rotation) && (!filter.owner || r.owner?.ref === filter.owner),
      ),
    };
  }

  #rotationOnCall(rotation: RotationEntityV1alpha1, at: number, people: PeopleDirectory) {
    const ref = entityRefOf(rotation);
    const handoff = this.#safely(ref, 'next hand-off', () => this.#nextHandoff(rotation, at));
    return {
      rotation: { ref, title: titleOf(rotation, ref), timezone: rotation.spec.timezone },
      onCall: this.#onCall(rotation, at, people),
      nextHandoff: typeof handoff === 'number' ? formatInstant(handoff) : null,
    };
  }

  async #oncallNow(at: number, scope: Scope): Promise<OnCallResponse> {
    // Services are not needed here: rotations and their owners only.
    const view = await scope.view(['subteam', 'rotation']);
    return {
      at: formatInstant(at),
      rotations: view.rotations.map(rotation => {
        const ownerRef = normaliseEntityRef(rotation.spec.owner, { defaultKind: 'subteam', defaultNamespace: rotation.metadata.namespace });
        const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
        const { rotation: summary, onCall, nextHandoff: handoff } = this.#rotationOnCall(rotation, at, view.people);
        return {
          rotation: summary,
          owner: owner && ownerRef ? { ref: ownerRef, title: titleOf(owner, ownerRef) } : null,
          at: formatInstant(at),
          onCall,
          nextHandoff: handoff,
        };
      }),
    };
  }

  /** GET /oncall/subteams: everything the on-call page shows, in one answer. */
  async subteamsOnCall(at: number, credentials: BackstageCredentials): Promise<SubteamsOnCallResponse> {
    const scope = await this.#scopes.of(credentials);
    return this.#remembered(scope, `subteams-oncall|${at}`, async () => {
      const view = await scope.view();
      const board = this.#boards.get(view, 0, () => buildSubteamsOnCall(view, this.#config));
      return {
        at: formatInstant(at),
        subteams: board.subteams.map(({ subteam, rotations, fixed }) => {
          const path = subteam.spec.escalation
            ? this.#safely(fixed.ref, 'escalation path', () => escalationPathAt(subteam, at, view.lookup))
            : undefined;
          return {
            ...fixed,
            rotations: rotations.map(r => this.#rotationOnCall(r, at, view.people)),
            escalation: path ? { repeat: path.repeat, levels: levelsAt(path, view) } : null,
          };
        }),
      };
    });
  }

  /**
   * Gathers only the neighbourhood of one entity: its owner, the targets of
   * its policy, the owner's rotations and the people they name. The cost
   * does not grow with the catalog.
   */
  async #neighbourhood(entity: Entity, scope: Scope): Promise<CatalogView> {
    const entities = new Map<string, Entity>([[entityRefOf(entity), entity]]);
    const ns = entity.metadata.namespace ?? 'default';
    // A subteam is its own owner: its rotations are the ones its policy uses.
    const ownerRef = isDataServiceEntity(entity)
      ? normaliseEntityRef(entity.spec.owner, { defaultKind: 'subteam', defaultNamespace: ns })
      : entityRefOf(entity);
    // Two rounds: the owner first (its policy may be the one inherited),
    // then whatever the policies point at.
    const owner = ownerRef && !entities.has(ownerRef)
      ? (await scope.byRefs([ownerRef])).get(ownerRef)
      : undefined;
    if (owner && ownerRef) entities.set(ownerRef, owner);
    const wanted = [...referencedRefs(entities.values())].filter(
      r => /^(subteam|rotation|dataservice):/.test(r) && !entities.has(r) && !r.startsWith('dataservice:'),
    );
    for (const [ref, e] of await scope.byRefs(wanted)) entities.set(ref, e);
    if (ownerRef) {
      for (const rotation of await scope.rotationsOwnedBy(ownerRef)) {
        entities.set(entityRefOf(rotation), rotation);
      }
    }
    return scope.viewOf([...entities.values()]);
  }

  async escalation(
    entityRef: string,
    at: number,
    credentials: BackstageCredentials,
  ): Promise<EscalationResponse> {
    const scope = await this.#scopes.of(credentials);
    return this.#remembered(scope, `escalation|${entityRef}|${at}`, () =>
      this.#escalationNow(entityRef, at, scope),
    );
  }

  async #escalationNow(entityRef: string, at: number, scope: Scope): Promise<EscalationResponse> {
    // The entities around the path are gathered once per caller and TTL; the
    // path itself is cheap and computed for the instant asked.
    const { entity, view } = await this.#remembered(scope, `neighbourhood|${entityRef}`, async () => {
      const found = (await scope.byRefs([entityRef])).get(entityRef);
      if (!found || !(isDataServiceEntity(found) || isSubteamEntity(found))) {
        throw new NotFoundError(`No DataService or Subteam ${entityRef}`);
      }
      return { entity: found, view: await this.#neighbourhood(found, scope) };
    });
    let path: EscalationPath;
    try {
      path = escalationPathAt(entity, at, view.lookup);
    } catch (error) {
      this.#logger.error(`data-infra: escalation path failed for ${entityRef}: ${error}`, { entityRef });
      throw error;
    }
    const pathRefs = new Set<string>([entityRef]);
    if (path.policyRef) pathRefs.add(path.policyRef.toLocaleLowerCase('en-US'));
    path.levels.forEach(l => pathRefs.add(l.targetRef.toLocaleLowerCase('en-US')));
    return {
      entityRef,
      at: formatInstant(at),
      policyRef: path.policyRef,
      inherited: path.inherited,
      repeat: path.repeat,
      levels: levelsAt(path, view),
      firstReachableAfterMs: path.firstReachableAfterMs,
      findings: concerning(await view.findings(), pathRefs).filter(knowableInNeighbourhood),
    };
  }

  async #rotation(rotationRef: string, scope: Scope) {
    const rotation = (await scope.byRefs([rotationRef])).get(rotationRef);
    if (!rotation || !isRotationEntity(rotation)) {
      throw new NotFoundError(`No Rotation ${rotationRef}`);
    }
    return rotation;
  }

  /** The people a rotation names, as the scope may read them (and, with `visible`, only those). */
  async #peopleOf(rotation: RotationEntityV1alpha1, scope: Scope, visible?: Set<string>) {
    const refs = [...referencedRefs([rotation])].filter(r => r.startsWith('user:') && (!visible || visible.has(r)));
    const people = await scope.people(refs);
    return new PeopleDirectory(people, this.#config.showContactDetails);
  }

  #shifts(rotation: RotationEntityV1alpha1, from: number, to: number) {
    try {
      return rotationShifts(rotation, from, to, { maxShifts: MAX_SHIFTS });
    } catch (error) {
      this.#logger.error(`data-infra: shifts failed for ${entityRefOf(rotation)}: ${error}`, {
        entityRef: entityRefOf(rotation),
      });
      throw error;
    }
  }

  async shifts(
    rotationRef: string,
    from: number,
    to: number,
    credentials: BackstageCredentials,
  ): Promise<ShiftsResponse> {
    const scope = await this.#scopes.of(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    const people = await this.#peopleOf(rotation, scope);
    const { shifts, truncated } = this.#shifts(rotation, from, to);
    return {
      rotationRef,
      timezone: rotation.spec.timezone,
      from: formatInstant(from),
      to: formatInstant(to),
      truncated,
      participants: [
        ...new Set((rotation.spec.participants ?? []).map(p => normaliseEntityRef(p, { defaultKind: 'user', defaultNamespace: rotation.metadata.namespace }))),
      ]
        .filter((p): p is string => !!p)
        .map(p => people.person(p)),
      shifts: shifts.map(s => ({
        role: s.role,
        user: people.person(s.user),
        start: formatInstant(s.start),
        end: formatInstant(s.end),
        source: s.source,
      })),
    };
  }

  /**
   * The feed covers five weeks back and eight weeks ahead of `now`. With
   * `visible`, people outside it are not named (see calendarFeed).
   */
  async calendar(rotationRef: string, now: number, credentials: BackstageCredentials, visible?: Set<string>) {
    const scope = await this.#scopes.of(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    // Someone outside `visible` appears as for a caller who cannot read them.
    const people = await this.#peopleOf(rotation, scope, visible);
    const from = now - CALENDAR_PAST_MS;
    const to = now + CALENDAR_AHEAD_MS;
    const { shifts } = this.#shifts(rotation, from, to);
    return buildCalendar({
      rotationRef,
      rotationTitle: titleOf(rotation, rotationRef),
      timezone: rotation.spec.timezone,
      shifts: wholeShifts(shifts, from, to),
      person: ref => people.person(ref),
      from,
      to,
    });
  }

  /**
   * What a subscription made now by this caller may show (`visibleRefs`:
   * undefined when the caller may read the whole catalog, else the rotation
   * and the people it names that the caller can read), and whether the
   * caller has a User entity. 404 when the caller cannot read the rotation.
   */
  async calendarSubscriptionFacts(
    rotationRef: string,
    userRef: string,
    credentials: BackstageCredentials,
  ): Promise<{ visibleRefs?: Set<string>; userInCatalog: boolean }> {
    const scope = await this.#scopes.of(credentials);
    const rotation = await this.#rotation(rotationRef, scope);
    const own = await this.#scopes.of(await this.#auth.getOwnServiceCredentials());
    const userInCatalog = (await own.people([userRef])).has(userRef);
    if (scope.everything) return { userInCatalog };
    const people = await this.#peopleOf(rotation, scope);
    return { visibleRefs: new Set([rotationRef, ...people.refs()]), userInCatalog };
  }

  /**
   * A subscription's feed, fetched with no Backstage token: read with the
   * plugin's own credentials and limited to what the subscriber could read
   * when subscribing. A subscriber whose User entity has gone since gets
   * nothing (one who never had one, like the development guest, keeps it).
   */
  async calendarFeed(subscription: CalendarSubscription, now: number) {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const scope = await this.#scopes.of(credentials);
    if (subscription.userInCatalog && !(await scope.people([subscription.userRef])).has(subscription.userRef)) {
      throw new AuthenticationError('This calendar link belongs to a user who is no longer in the catalog');
    }
    if (subscription.visibleRefs && !subscription.visibleRefs.has(subscription.rotationRef)) {
      throw new NotFoundError(`No Rotation ${subscription.rotationRef}`);
    }
    return this.calendar(subscription.rotationRef, now, credentials, subscription.visibleRefs);
  }

  /** A row of /services: the table's row and what depends on the instant. */
  #serviceRow(row: ServiceTableRow, view: CatalogView, at: number): ServiceSummary {
    const { service, ref, ownerRef } = row;
    const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
    const path = this.#safely(ref, 'escalation path', () => escalationPathAt(service, at, view.lookup));
    const budget = service.spec.sla?.availability !== undefined
      ? this.#safely(ref, 'error budget', () => errorBudget(service.spec.sla!))
      : undefined;
    // "On call now" is whoever holds the first rotation level of the path.
    const rotationLevel = path?.levels.find(l => l.via === 'rotation' && l.people.length);
    const onCall: OnCallRole[] = (rotationLevel?.people ?? [])
      .filter(p => p.role && p.from !== undefined)
      .map(p => ({
        role: p.role!,
        user: view.people.person(p.user),
        from: formatInstant(p.from!),
        until: p.until === null || p.until === undefined ? null : formatInstant(p.until),
      }));
    const contact = owner && isSubteamEntity(owner) ? owner.spec.contact : undefined;
    const first = path?.levels[0];
    const gap = row.findings.find(f => f.check === 'escalation-gap');
    return {
      ref,
      name: service.metadata.name,
      title: titleOf(service, ref),
      ...(service.metadata.description ? { description: service.metadata.description } : {}),
      type: service.spec.type,
      lifecycle: service.spec.lifecycle,
      ...(service.spec.tier !== undefined ? { tier: service.spec.tier } : {}),
      ...(service.spec.technology ? { technology: service.spec.technology } : {}),
      domain: row.domain,
      owner: owner && ownerRef ? { ref: ownerRef, title: titleOf(owner, ownerRef) } : null,
      ...(service.spec.sla ? { sla: service.spec.sla } : {}),
      ...(budget ? { errorBudgetMs: budget.allowedDowntimeMs } : {}),
      ...(contact && this.#config.showContactDetails ? { contact } : {}),
      ...(service.spec.runbook ? { runbook: service.spec.runbook } : {}),
      escalationSummary: path
        ? escalationSummary(path, r => targetTitle(r, r.startsWith('user:') ? 'user' : 'entity', view))
        : 'Escalation policy could not be resolved',
      escalation: {
        levels: path?.levels.length ?? 0,
        first: first
          ? {
              targetTitle: targetTitle(first.targetRef, first.via, view),
              ...('role' in first.target && first.via === 'rotation' ? { role: first.target.role ?? 'primary' } : {}),
              afterMs: first.afterMs,
            }
          : null,
        inherited: path?.inherited ?? false,
        repeat: path?.repeat ?? 0,
        gaps: gap ? gap.when ?? 'at some hours' : null,
      },
      onCall,
      worstFinding: worst(row.findings),
      findingCount: row.findings.length,
      ...(row.measured ? { measured: row.measured } : {}),
    };
  }

  /** Matches the filters, in the asked order; returns the page and the total. */
  async services(
    query: ServiceQuery,
    at: number,
    credentials: BackstageCredentials,
  ): Promise<{ items: ServiceSummary[]; totalItems: number; hasMore: boolean }> {
    const view = await (await this.#scopes.of(credentials)).view();
    // Every service's measurement is at hand (one cycle measures them all);
    // none is asked of Prometheus for this request.
    const measured = await this.#meter.measurements(view.services);
    const version = this.#meter.version;
    const findings = await this.#findings(view, measured);
    const table = this.#tables.get(view, version, () => new ServiceTable(view, findings, measured));
    const matching = table.ordered(query.sort, query.order).filter(row => matchesFilter(row, query));
    this.#tables.resized(view);
    const page = matching.slice(query.offset, query.offset + query.limit);
    return {
      items: page.map(row => this.#serviceRow(row, view, at)),
      totalItems: matching.length,
      hasMore: query.offset + query.limit < matching.length,
    };
  }

  /** GET /map at `at`, as JSON (megabytes at 10,000 services; built from parts). */
  async mapJson(at: number, credentials: BackstageCredentials): Promise<PreparedJson> {
    const scope = await this.#scopes.of(credentials);
    return this.#remembered(scope, `map|${at}`, async () => {
      const view = await scope.view();
      const measured = await this.#meter.measurements(view.services);
      const version = this.#meter.version;
      let entry = this.#skeletons.get(view);
      if (entry?.version !== version) {
        const skeleton = this.#findings(view, measured).then(findings =>
          buildMapSkeleton(view, findings, this.#config, measured),
        );
        entry = { version, skeleton };
        this.#skeletons.set(view, entry);
        skeleton.catch(() => this.#skeletons.delete(view));
      }
      const built = await entry.skeleton;
      const parts = onCallParts(built, rotation => this.#onCall(rotation, at, view.people));
      // Each part is one JSON value, so the joined parts are equal exactly
      // when every part is.
      const onCall = parts.join('\n');
      let last = this.#mapPrefixes.get(built);
      if (last?.onCall !== onCall) {
        last = { onCall, prefix: new JsonPrefix(mapJsonBeforeInstant(built, parts)) };
        this.#mapPrefixes.set(built, last);
      }
      return last.prefix.complete(mapJsonInstant(at));
    });
  }

  /** The findings over everything the caller can read, or those concerning one entity. */
  async findings(entityRef: string | undefined, credentials: BackstageCredentials): Promise<Finding[]> {
    const view = await (await this.#scopes.of(credentials)).view();
    if (!entityRef) return this.#findings(view);
    if (!view.byRef.has(entityRef) || !/^(subteam|dataservice|rotation):/.test(entityRef)) {
      throw new NotFoundError(`No Subteam, DataService or Rotation ${entityRef}`);
    }
    return concerning(await this.#findings(view), new Set([entityRef]));
  }

  /** GET /checks: grouped by cause, or flat for scripts; measured findings included. */
  async checks(
    entityRef: string | undefined,
    flat: boolean,
    credentials: BackstageCredentials,
  ): Promise<ChecksResponse | FlatChecksResponse> {
    const findings = await this.findings(entityRef, credentials);
    return flat ? { findings } : { groups: groupFindings(findings) };
  }

  /**
   * GET /sla: one DataService's SLA as measured, and its budget over the
   * window. 404 when the caller may not read it, like every route.
   */
  async sla(entityRef: string, credentials: BackstageCredentials): Promise<SlaResponse> {
    const scope = await this.#scopes.of(credentials);
    const service = (await scope.byRefs([entityRef])).get(entityRef);
    if (!service || !isDataServiceEntity(service)) throw new NotFoundError(`No DataService ${entityRef}`);
    const [measurements, budgetSeries] = await Promise.all([
      this.#meter.measurements([service]),
      this.#meter.budgetSeries(service),
    ]);
    const measurement = measurements.get(entityRef);
    return {
      entityRef,
      ...(measurement ? { measurement } : {}),
      budgetSeries: measurement?.state === 'measured' ? budgetSeries : [],
    };
  }
}
