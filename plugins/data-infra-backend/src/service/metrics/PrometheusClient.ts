/**
 * A small client of Prometheus's HTTP query API: instant and range queries,
 * sent as POST forms (a batch of services makes a long query), each bounded
 * by a timeout, so a slow or hung Prometheus costs at most that long.
 */

/** Why a query has no answer. */
export type PrometheusFailure = 'unreachable' | 'timeout' | 'rejected';

export class PrometheusError extends Error {
  constructor(
    readonly kind: PrometheusFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

export interface Sample {
  labels: Record<string, string>;
  /** NaN when Prometheus says NaN (e.g. no events: 0/0). */
  value: number;
}

export interface RangeSeries {
  labels: Record<string, string>;
  points: Array<[number, number]>;
}

export interface PrometheusClientOptions {
  baseUrl: string;
  /** Extra headers on every request, e.g. Authorization or X-Scope-OrgID. */
  headers?: Record<string, string>;
  timeoutMs: number;
}

export class PrometheusClient {
  /** Queries sent since start (reported by benchmarks and logs). */
  queries = 0;

  constructor(private readonly options: PrometheusClientOptions) {}

  get baseUrl() {
    return this.options.baseUrl;
  }

  /** Evaluates `query` at `atSeconds`. */
  async query(query: string, atSeconds: number): Promise<Sample[]> {
    const data = await this.#post('/api/v1/query', { query, time: String(atSeconds) });
    if (data.resultType !== 'vector') throw new PrometheusError('rejected', `expected a vector, got ${data.resultType}`);
    return (data.result as any[]).map(r => ({ labels: r.metric ?? {}, value: Number(r.value?.[1]) }));
  }

  /** Evaluates `query` at every `stepSeconds` from `start` to `end`. */
  async queryRange(query: string, start: number, end: number, stepSeconds: number): Promise<RangeSeries[]> {
    const data = await this.#post('/api/v1/query_range', {
      query,
      start: String(start),
      end: String(end),
      step: String(stepSeconds),
    });
    return (data.result as any[]).map(r => ({
      labels: r.metric ?? {},
      points: (r.values as any[]).map(([t, v]) => [Number(t), Number(v)] as [number, number]),
    }));
  }

  async #post(path: string, form: Record<string, string>): Promise<any> {
    this.queries += 1;
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    let text: string;
    try {
      // One signal bounds connecting, waiting for headers and reading the body.
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      response = await fetch(url, {
        method: 'POST',
        headers: { ...this.options.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form),
        signal,
      });
      text = await response.text();
    } catch (error: any) {
      if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
        throw new PrometheusError('timeout', `Prometheus did not answer within ${this.options.timeoutMs / 1000} s`);
      }
      throw new PrometheusError('unreachable', `Prometheus at ${this.options.baseUrl} could not be reached (${error?.cause?.code ?? error?.message ?? error})`);
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusError(
        response.status >= 500 ? 'unreachable' : 'rejected',
        `Prometheus answered ${response.status} without a query result${response.status === 401 || response.status === 403 ? ' (check dataInfra.metrics.prometheus.headers)' : ''}`,
      );
    }
    if (body?.status !== 'success') {
      // bad_data (400) and execution (422) errors are about the query; others about Prometheus.
      const kind = response.status === 400 || response.status === 422 ? 'rejected' : 'unreachable';
      throw new PrometheusError(kind, `Prometheus answered ${response.status}: ${body?.errorType ?? 'error'}: ${body?.error ?? 'no message'}`);
    }
    return body.data;
  }
}
