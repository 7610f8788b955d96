import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  AvailabilityIndicator,
  DataServiceEntityV1alpha1,
  errorBudgetFraction,
  errorRatioQuery,
  formatInstant,
  freshnessQuery,
  hasIndicators,
  latencyQuery,
  measureServiceLevel,
  ServiceLevelMeasurement,
  SLI_WINDOWS,
  slaWindowOf,
  SliReadings,
  withWindow,
  entityRefOf,
} from '@data-infra/backstage-plugin-data-infra-common';
import { BatchItem, BatchLimits, evaluateBatched } from './batch';
import { PrometheusClient, PrometheusError } from './PrometheusClient';

export interface SlaMeterOptions {
  /** How long a measurement is reused before the next one starts, ms. */
  refreshMs: number;
  /** How long a request waits for a measurement it does not have yet, ms. */
  waitMs: number;
  batch?: BatchLimits;
  clock?: () => number;
}

interface Known {
  service: DataServiceEntityV1alpha1;
  signature: string;
  askedAt: number;
}

/** A list of services asked about, and its answer as of a cycle. */
interface AskedList {
  measured: DataServiceEntityV1alpha1[];
  registeredAt: number;
  version: number;
  answer: Map<string, ServiceLevelMeasurement>;
  missing: boolean;
}

interface Result {
  signature: string;
  measurement: ServiceLevelMeasurement;
  /** When the last successful measurement was taken (ms), for keeping it through a failure. */
  goodAt?: number;
}

/** Points of the budget sparkline over the SLA window. */
const SERIES_POINTS = 60;
const DEFAULT_BATCH: BatchLimits = { maxItems: 100, maxChars: 200_000 };

/** Everything that changes what is measured, so a changed indicator is measured anew (kept per entity object). */
const signatures = new WeakMap<DataServiceEntityV1alpha1, string>();
function signatureOf(service: DataServiceEntityV1alpha1): string {
  let signature = signatures.get(service);
  if (signature === undefined) {
    signature = JSON.stringify(service.spec.sla ?? null);
    signatures.set(service, signature);
  }
  return signature;
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms).unref?.());

/**
 * Measures the SLAs of DataServices with indicators in Prometheus, for all
 * of them at once: every `refreshMs` one cycle evaluates each window (5m …
 * 3d and the SLA windows), freshness and latency as batched queries at one
 * instant (see evaluateBatched), so a request costs no query at all and a
 * cycle costs a few queries per hundred services.
 *
 * Requests never wait for Prometheus longer than `waitMs`: a service
 * without a measurement yet is "unavailable" (measuring…) and is filled in
 * by the next request. A cycle runs only when someone asks (no timers); a
 * failing Prometheus is asked once per `refreshMs`.
 */
export class SlaMeter {
  readonly #known = new Map<string, Known>();
  readonly #lists = new WeakMap<DataServiceEntityV1alpha1[], AskedList>();
  readonly #results = new Map<string, Result>();
  readonly #series = new Map<string, { signature: string; at: number; points: Promise<Array<[string, number]>> }>();
  #cycle?: Promise<void>;
  #cycleAt = -Infinity;
  #version = 0;
  readonly #clock: () => number;

  constructor(
    private readonly client: PrometheusClient | undefined,
    private readonly logger: LoggerService,
    private readonly options: SlaMeterOptions,
  ) {
    this.#clock = options.clock ?? Date.now;
  }

  /** Changes whenever a cycle has finished: answers built from measurements are rebuilt. */
  get version(): number {
    return this.#version;
  }

  /**
   * The measurements of these services (those with indicators), waiting at
   * most `waitMs`. The answer for one list (a view's services: the same
   * array for every request of a scope) is built once per cycle, so a
   * request costs nothing per service; the list is registered again for
   * measuring once per `refreshMs`.
   */
  async measurements(services: DataServiceEntityV1alpha1[]): Promise<Map<string, ServiceLevelMeasurement>> {
    if (!this.client) {
      const none = { state: 'unavailable' as const, reason: 'No Prometheus is configured (dataInfra.metrics.prometheus.baseUrl).' };
      return new Map(services.filter(s => hasIndicators(s.spec.sla)).map(s => [entityRefOf(s), none]));
    }
    const now = this.#clock();
    let list = this.#lists.get(services);
    if (!list || now - list.registeredAt >= this.options.refreshMs) {
      const measured = services.filter(s => hasIndicators(s.spec.sla));
      for (const service of measured) {
        this.#known.set(entityRefOf(service), { service, signature: signatureOf(service), askedAt: now });
      }
      list = { measured, registeredAt: now, version: -1, answer: new Map(), missing: true };
      this.#lists.set(services, list);
    }
    if (list.measured.length === 0) return list.answer;
    if (list.version !== this.#version) this.#answer(list);
    if (list.missing || now - this.#cycleAt >= this.options.refreshMs) {
      const cycle = this.#startCycle();
      if (list.missing) {
        await Promise.race([cycle, sleep(this.options.waitMs)]);
        if (list.version !== this.#version) this.#answer(list);
      }
    }
    return list.answer;
  }

  /** The answer for a list from the results at hand; `missing` when one has none yet. */
  #answer(list: AskedList) {
    const answer = new Map<string, ServiceLevelMeasurement>();
    let missing = false;
    for (const service of list.measured) {
      const ref = entityRefOf(service);
      const result = this.#results.get(ref);
      if (result?.signature === signatureOf(service)) answer.set(ref, result.measurement);
      else {
        missing = true;
        answer.set(ref, { state: 'unavailable', reason: `Prometheus has not answered yet (waited ${this.options.waitMs / 1000} s); measuring…` });
      }
    }
    list.answer = answer;
    list.missing = missing;
    list.version = this.#version;
  }

  #startCycle(): Promise<void> {
    this.#cycle ??= this.#measureAll()
      .catch(error => this.logger.warn(`data-infra: measuring SLAs failed: ${error}`))
      .finally(() => {
        // The next cycle is due `refreshMs` after this one ended: a cycle
        // slower than the interval does not make Prometheus busy all the time.
        this.#cycleAt = this.#clock();
        this.#cycle = undefined;
        this.#version += 1;
      });
    return this.#cycle;
  }

  async #measureAll(): Promise<void> {
    const started = this.#clock();
    this.#cycleAt = started;
    const at = Math.floor(started / 1000);
    // Services nobody asked about for a while are dropped.
    for (const [ref, known] of this.#known) {
      if (started - known.askedAt > 10 * this.options.refreshMs) {
        this.#known.delete(ref);
        this.#results.delete(ref);
      }
    }
    const known = [...this.#known.entries()];
    const readings = new Map<string, SliReadings>(known.map(([ref]) => [ref, { errorRatio: {} }]));
    const failures = new Map<string, PrometheusError>();
    const limits = this.options.batch ?? DEFAULT_BATCH;
    const client = this.client!;
    const queriesBefore = client.queries;

    const runJob = async (items: BatchItem[], store: (reading: SliReadings, value: number | null) => void) => {
      if (items.length === 0) return;
      const values = await evaluateBatched(client, items, at, limits);
      for (const [ref, value] of values) {
        if (value instanceof PrometheusError) {
          if (!failures.has(ref)) failures.set(ref, value);
        } else store(readings.get(ref)!, value);
      }
    };

    const slaWindows = new Set(known.map(([, k]) => slaWindowOf(k.service.spec.sla)?.window).filter((w): w is string => !!w));
    for (const window of [...SLI_WINDOWS, ...slaWindows]) {
      const items = known.flatMap(([ref, { service }]) => {
        const availability = service.spec.sla?.indicators?.availability;
        const slaWindow = slaWindowOf(service.spec.sla)?.window;
        const wanted = (SLI_WINDOWS as readonly string[]).includes(window) || window === slaWindow;
        return availability && wanted && !failures.has(ref) ? [{ key: ref, query: errorRatioQuery(availability, window) }] : [];
      });
      await runJob(items, (reading, value) => {
        reading.errorRatio[window] = value;
      });
    }
    await runJob(
      known.flatMap(([ref, { service }]) => {
        const expression = service.spec.sla?.indicators?.freshness;
        return expression !== undefined && !failures.has(ref) ? [{ key: ref, query: freshnessQuery(expression) }] : [];
      }),
      (reading, value) => {
        reading.freshnessSeconds = value;
      },
    );
    await runJob(
      known.flatMap(([ref, { service }]) => {
        const latency = service.spec.sla?.indicators?.latency;
        return latency && !failures.has(ref) ? [{ key: ref, query: latencyQuery(latency) }] : [];
      }),
      (reading, value) => {
        reading.latencySeconds = value;
      },
    );

    const keepFor = 5 * this.options.refreshMs;
    for (const [ref, { service, signature }] of known) {
      const failure = failures.get(ref);
      const previous = this.#results.get(ref);
      if (failure) {
        // A passing failure of Prometheus keeps the last measurement for a while.
        const keep = failure.kind !== 'rejected' && previous?.signature === signature && previous.goodAt !== undefined && started - previous.goodAt < keepFor;
        if (!keep) {
          const reason = failure.kind === 'rejected' ? `Prometheus rejected this service's indicators: ${failure.message}` : failure.message;
          this.#results.set(ref, { signature, measurement: { state: 'unavailable', reason } });
        }
        continue;
      }
      const reading = readings.get(ref)!;
      const window = slaWindowOf(service.spec.sla)?.window;
      if (service.spec.sla?.indicators?.availability && window && reading.errorRatio[window] === null) {
        this.#results.set(ref, {
          signature,
          measurement: {
            state: 'unavailable',
            reason: `Prometheus has no data for the availability indicator over ${window}; check the metric names in spec.sla.indicators.availability.`,
          },
        });
        continue;
      }
      const measurement = measureServiceLevel(service.spec.sla, reading, at * 1000);
      if (measurement) this.#results.set(ref, { signature, measurement, goodAt: started });
    }
    this.logger.debug(
      `data-infra: measured ${known.length} SLAs with ${client.queries - queriesBefore} Prometheus queries in ${this.#clock() - started} ms`,
    );
  }

  /**
   * The budget left from the start of the SLA window to each of 60 points,
   * for a sparkline: two range queries for the service, reused for
   * `refreshMs`, waited for at most `waitMs` (then empty).
   */
  async budgetSeries(service: DataServiceEntityV1alpha1): Promise<Array<[string, number]>> {
    const availability = service.spec.sla?.indicators?.availability;
    const span = slaWindowOf(service.spec.sla);
    const target = service.spec.sla?.availability;
    if (!this.client || !availability || !span || typeof target !== 'number') return [];
    const ref = entityRefOf(service);
    const signature = signatureOf(service);
    const now = this.#clock();
    let entry = this.#series.get(ref);
    if (!entry || entry.signature !== signature || now - entry.at >= this.options.refreshMs) {
      const points = this.#budgetPoints(availability, span.windowMs, errorBudgetFraction(target), now).catch(error => {
        this.logger.debug(`data-infra: budget series of ${ref} failed: ${error}`);
        return [] as Array<[string, number]>;
      });
      entry = { signature, at: now, points };
      if (this.#series.size > 1000) this.#series.clear();
      this.#series.set(ref, entry);
    }
    const timeout = sleep(this.options.waitMs).then(() => [] as Array<[string, number]>);
    return Promise.race([entry.points, timeout]);
  }

  async #budgetPoints(
    availability: AvailabilityIndicator,
    windowMs: number,
    budget: number,
    now: number,
  ): Promise<Array<[string, number]>> {
    const client = this.client!;
    const stepSeconds = Math.max(60, Math.round(windowMs / 1000 / SERIES_POINTS));
    const end = Math.floor(now / 1000 / stepSeconds) * stepSeconds;
    const start = end - (SERIES_POINTS - 1) * stepSeconds;
    const times = Array.from({ length: SERIES_POINTS }, (_, i) => start + i * stepSeconds);
    const step = `${stepSeconds}s`;
    const valuesOf = async (query: string) => {
      const [series] = await client.queryRange(query, start, end, stepSeconds);
      const byTime = new Map((series?.points ?? []).filter(([, v]) => Number.isFinite(v)));
      return times.map(t => byTime.get(t));
    };
    // Each point covers the step before it: bad and total events per step
    // (as rates: the step's length cancels out), summed from the start.
    let bad: number[];
    let total: number[];
    if ('ratio' in availability) {
      const ratios = await valuesOf(`avg(${withWindow(availability.ratio, step)})`);
      bad = ratios.map(v => (v === undefined ? 0 : 1 - v));
      total = ratios.map(v => (v === undefined ? 0 : 1));
    } else {
      const [good, all] = await Promise.all([
        valuesOf(`sum(${withWindow(availability.good, step)})`),
        valuesOf(`sum(${withWindow(availability.total, step)})`),
      ]);
      total = all.map(v => v ?? 0);
      bad = all.map((v, i) => (v === undefined || good[i] === undefined ? 0 : v - good[i]!));
    }
    const allowed = budget * total.reduce((a, b) => a + b, 0);
    if (!(allowed > 0)) return [];
    let spent = 0;
    return bad.map((b, i) => {
      spent += b;
      return [formatInstant(times[i] * 1000), Number((1 - spent / allowed).toPrecision(6))];
    });
  }
}
