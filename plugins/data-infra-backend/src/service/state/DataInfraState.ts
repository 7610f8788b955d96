import type {
  AuthService,
  BackstageCredentials,
  CacheService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compareFindings,
  Finding,
  measuredFindings,
  ServiceLevelMeasurement, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraBackendConfig } from '../../config';
import { PrometheusClient } from '../metrics/PrometheusClient';
import { SlaMeter } from '../metrics/SlaMeter';

import { CallerMemo } from './CallerMemo';
import { CatalogReader } from './CatalogReader';
import { CatalogSnapshot, CatalogView } from './CatalogSnapshot';
import { MemoryBudget } from './MemoryBudget';
import { OnCallResolver } from './OnCallResolver';
import { Scope, Scopes } from './scopes';
import { SharedCatalog } from './SharedCatalog';
import { ViewMemo } from './ViewMemo';

/** Milliseconds since the epoch. The plugin reads time from one of these only. */
export type Clock = () => number;

export interface DataInfraStateOptions {
  catalog: CatalogService;
  cache: CacheService;
  logger: LoggerService;
  auth: AuthService;
  permissions: PermissionsService;
  config: DataInfraBackendConfig;
  /** The one clock: answers for "now", memo lifetimes, refreshes, the hour of the checks. */
  clock?: Clock;
}

/**
 * Everything the answers are computed from and everything remembered
 * between requests, behind one object: the catalog as each caller may read
 * it (scopes over the shared state or the caller's own reads), the findings
 * over it, the measured SLAs, the cached on-call resolver, and the memos,
 * all counted against one byte budget (dataInfra.cache.maxBytes) and all
 * reading one clock. Presenters (../presenters) ask this for what they need
 * and hold no state of their own.
 */
export class DataInfraState {
  readonly clock: Clock;
  readonly config: DataInfraBackendConfig;
  readonly logger: LoggerService;
  /** One byte budget for every memo below. */
  readonly budget: MemoryBudget;
  /** Who is on call, next hand-offs and escalation paths, reused across instants. */
  readonly onCall: OnCallResolver;
  /** Measured SLAs (Prometheus), refreshed in cycles. */
  readonly meter: SlaMeter;
  readonly #scopes: Scopes;
  readonly #shared: SharedCatalog;
  readonly #auth: AuthService;
  readonly #reader: CatalogReader;
  /** Whole answers per scope and question, for a few seconds (callerTtl). */
  readonly #answers: CallerMemo;
  /** Catalog findings with the measured ones, per list of catalog findings and state of the measurements. */
  readonly #withMeasured = new WeakMap<Finding[], { version: number; findings: Finding[] }>();
  /** The view the last warm() saw (see warm). */
  #lastWarmed?: CatalogView;

  constructor(options: DataInfraStateOptions) {
    const { catalog, cache, logger, auth, permissions, config } = options;
    const clock = options.clock ?? Date.now;
    const budget = new MemoryBudget(config.cacheMaxBytes);
    const reader = new CatalogReader(catalog, budget);
    const callerTtlMs = (config.callerTtlSeconds ?? 5) * 1000;
    this.clock = clock;
    this.config = config;
    this.logger = logger;
    this.budget = budget;
    this.#auth = auth;
    this.#reader = reader;
    this.#shared = new SharedCatalog(reader, auth, logger, (config.refreshSeconds ?? 10) * 1000, clock);
    this.#scopes = new Scopes({
      reader,
      snapshot: new CatalogSnapshot(reader, cache, logger, config, budget, clock),
      shared: this.#shared,
      permissions,
      logger,
      callerTtlMs,
      budget,
      clock,
    });
    this.#answers = new CallerMemo(callerTtlMs, budget, undefined, clock);
    this.onCall = new OnCallResolver(budget);
    const metrics = config.metrics;
    this.meter = new SlaMeter(
      metrics ? new PrometheusClient({ baseUrl: metrics.baseUrl, headers: metrics.headers, timeoutMs: metrics.timeoutMs }) : undefined,
      logger,
      { refreshMs: metrics?.refreshMs ?? 60_000, waitMs: metrics?.waitMs ?? 2_000, clock },
    );
  }

  /**
   * The instant answers for "now" are computed for: the current second, as
   * answers carry seconds, so requests within one second share an answer.
   */
  now(): number {
    return Math.floor(this.clock() / 1000) * 1000;
  }

  /** What this caller may read, and how to read it (see Scopes). */
  scope(credentials: BackstageCredentials): Promise<Scope> {
    return this.#scopes.of(credentials);
  }

  /** The plugin's own credentials (calendar feeds come with no caller token). */
  ownCredentials(): Promise<BackstageCredentials> {
    return this.#auth.getOwnServiceCredentials();
  }

  /**
   * Users or groups read from the catalog with these credentials, whether
   * or not our entities name them (a scope's `people` holds only those):
   * for questions about one person, such as "My on-call".
   */
  readPeople(refs: string[], credentials: BackstageCredentials): Promise<Map<string, Entity>> {
    return this.#reader.byRefs(refs, credentials, { people: true });
  }

  /**
   * Loads what the first request would otherwise wait for: the shared state
   * of the catalog (refreshing it when older than the refresh interval) and
   * the findings of the current hour over it. Run at start and every
   * refresh interval (plugin.ts), so requests find both ready. Does nothing
   * when the plugin itself is not answered from the shared state.
   */
  async warm(): Promise<void> {
    const scope = await this.ownScope();
    if (!scope.everything) return;
    const view = await scope.view();
    // The findings cost seconds of CPU at 10,000 services: they are
    // computed once the catalog has held still for a run (the same view
    // as the last run), not at every step of an ingestion.
    if (view === this.#lastWarmed) await this.findings(view);
    this.#lastWarmed = view;
  }

  /** The scope of the plugin itself. */
  async ownScope(): Promise<Scope> {
    return this.#scopes.of(await this.ownCredentials());
  }

  /**
   * One answer for everyone in the scope (one caller, or every caller who
   * may read the whole catalog), reused for a few seconds; concurrent
   * requests share one computation.
   */
  remember<T>(scope: Scope, question: string, compute: () => Promise<T>): Promise<T> {
    return this.#answers.get(`${scope.key}|${question}`, compute);
  }

  /** A memo of data derived from one view, counted in the budget (see ViewMemo). */
  perView<V>(bytesOf: (value: V, view: CatalogView) => number): ViewMemo<V> {
    return new ViewMemo(this.budget, bytesOf);
  }

  /**
   * A view's findings for the hour containing `at` (default: the view's
   * own hour): the catalog checks and what the measured SLAs raise (budget
   * exhausted, fast or slow burn, freshness or latency breached), in the
   * order of findings lists. Rebuilt when a measurement cycle ends.
   */
  async findings(
    view: CatalogView,
    options: { at?: number; measured?: Map<string, ServiceLevelMeasurement> } = {},
  ): Promise<Finding[]> {
    const base = await view.findings(options.at);
    const measurements = options.measured ?? (await this.meter.measurements(view.services));
    const version = this.meter.version;
    const known = this.#withMeasured.get(base);
    if (known?.version === version) return known.findings;
    const extra = view.services.flatMap(s => measuredFindings(entityRefOf(s), s, measurements.get(entityRefOf(s))));
    const findings = extra.length === 0 ? base : [...base, ...extra].sort(compareFindings);
    this.#withMeasured.set(base, { version, findings });
    return findings;
  }

  /** Runs a per-entity computation; a failure is logged with the ref and skipped. */
  safely<T>(entityRef: string, what: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.logger.warn(`data-infra: ${what} failed for ${entityRef}: ${error}`, { entityRef });
      return undefined;
    }
  }

  /** How current the answers for this caller are (see Scope.freshness). */
  async freshness(credentials: BackstageCredentials): Promise<{ ageMs: number; stale: boolean }> {
    return (await this.scope(credentials)).freshness();
  }

  /** What GET /health reports: the shared state's age and the memory budget. */
  health() {
    const status = this.#shared.status();
    let state: 'ok' | 'stale' | 'loading' | 'unavailable' = status.stale ? 'stale' : 'ok';
    if (!status.loaded) state = status.failures > 0 ? 'unavailable' : 'loading';
    return {
      status: state,
      stateAgeSeconds: status.ageMs === null ? null : Math.floor(status.ageMs / 1000),
      refreshSeconds: this.config.refreshSeconds ?? 10,
      failedRefreshes: status.failures,
      retryInSeconds: Math.ceil(status.retryInMs / 1000),
      cache: this.budget.stats(),
    };
  }
}
