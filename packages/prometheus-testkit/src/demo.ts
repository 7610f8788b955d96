/*
 * A month of metrics for the seed catalog's indicators (catalog-info/
 * services/*.yaml), under the names their exporters publish, with known
 * incidents:
 *
 *   Kafka       a 30-minute incident 10 days ago (half the produce requests
 *               failed) and a failed fetch every 20 minutes: healthy budget;
 *   HDFS        both NameNodes up all month: untouched budget;
 *   Airflow     the scheduler stopped heart-beating for 22 minutes 5 days ago;
 *   Trino       0.02 % internal failures, and 10 % since 40 minutes before
 *               `now`: a fast burn, still going;
 *   CDC         the Debezium connector disconnected for 40 minutes 3 days ago
 *               (more than its budget) and has lagged since 25 minutes before
 *               `now`, to 20 minutes behind: freshness breached;
 *   vLLM        a steady latency histogram whose p99 is 28 s.
 *
 * One sample a minute, at hh:mm:00.5 (never on a whole second, so a query at
 * a whole second never sits on a window's edge), from 31 days before `now`
 * to a day after it (so a test or a dev session started later still sees
 * "now" inside the data).
 */
import type { MetricFamily } from './openMetrics';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Counters start high: Prometheus then extrapolates rates to the window's edges alike for good and total. */
const COUNTER_START = 1e9;

/** A counter given by its increase in each minute. */
interface CounterTruth {
  family: string;
  labels: Record<string, string>;
  /** The increase from the sample before `t` to the sample at `t` (ms). */
  perMinute: (t: number) => number;
}

/** A gauge given by its value at each sample. */
interface GaugeTruth {
  family: string;
  labels: Record<string, string>;
  value: (t: number) => number;
}

export interface DemoMetrics {
  /** Sample times (ms), ascending. */
  times: number[];
  families: MetricFamily[];
  counters: CounterTruth[];
  gauges: GaugeTruth[];
  /** The instant the scenario is laid around (a whole minute). */
  now: number;
}

const between = (t: number, from: number, to: number) => t > from && t <= to;

/** The scenario around `nowMs` (rounded down to the minute). */
export function demoMetrics(nowMs: number): DemoMetrics {
  const now = Math.floor(nowMs / MINUTE) * MINUTE;
  const first = now - 31 * DAY;
  const last = now + DAY;
  const times: number[] = [];
  for (let t = first + 500; t <= last; t += MINUTE) times.push(t);
  const minuteOf = (t: number) => Math.floor((t - first) / MINUTE);

  const kafkaIncident = (t: number) => between(t, now - 10 * DAY, now - 10 * DAY + 30 * MINUTE);
  const airflowStopped = (t: number) => between(t, now - 5 * DAY, now - 5 * DAY + 22 * MINUTE);
  const trinoBurning = (t: number) => t > now - 40 * MINUTE;
  const cdcDisconnected = (t: number) => between(t, now - 3 * DAY, now - 3 * DAY + 40 * MINUTE);
  const cdcLagSince = now - 25 * MINUTE;

  const kafka = { job: 'kafka', instance: 'kafka-0:7071' };
  const trino = { job: 'trino', instance: 'trino-coordinator:8080' };
  const vllm = { job: 'vllm', model_name: 'llama-3.1-8b-instruct' };
  const counters: CounterTruth[] = [
    { family: 'kafka_server_brokertopicmetrics_totalproducerequests_total', labels: kafka, perMinute: () => 200 },
    { family: 'kafka_server_brokertopicmetrics_failedproducerequests_total', labels: kafka, perMinute: t => (kafkaIncident(t) ? 100 : 0) },
    { family: 'kafka_server_brokertopicmetrics_totalfetchrequests_total', labels: kafka, perMinute: () => 400 },
    { family: 'kafka_server_brokertopicmetrics_failedfetchrequests_total', labels: kafka, perMinute: t => (minuteOf(t) % 20 === 0 ? 1 : 0) },
    { family: 'airflow_scheduler_heartbeat', labels: { job: 'airflow-statsd', type: 'counter' }, perMinute: t => (airflowStopped(t) ? 0 : 12) },
    { family: 'trino_execution_name_QueryManager_StartedQueries_TotalCount', labels: trino, perMinute: () => 50 },
    {
      family: 'trino_execution_name_QueryManager_InternalFailures_TotalCount',
      labels: trino,
      perMinute: t => {
        if (trinoBurning(t)) return 5;
        return minuteOf(t) % 100 === 0 ? 1 : 0;
      },
    },
  ];
  // vLLM: 60 requests a minute, cumulative per bucket (le).
  const buckets: Array<[string, number]> = [['1', 10], ['2.5', 30], ['5', 50], ['10', 57], ['20', 59], ['40', 60], ['+Inf', 60]];
  for (const [le, n] of buckets) {
    counters.push({ family: 'vllm:e2e_request_latency_seconds_bucket', labels: { ...vllm, le }, perMinute: () => n });
  }
  counters.push({ family: 'vllm:e2e_request_latency_seconds_count', labels: vllm, perMinute: () => 60 });

  const gauges: GaugeTruth[] = [
    { family: 'up', labels: { job: 'hdfs-namenode', instance: 'namenode-0:9870' }, value: () => 1 },
    { family: 'up', labels: { job: 'hdfs-namenode', instance: 'namenode-1:9870' }, value: () => 1 },
    {
      family: 'trino_execution_name_QueryManager_ExecutionTime_FiveMinutes_P99',
      labels: trino,
      value: t => (trinoBurning(t) ? 95_000 : 41_000),
    },
    {
      family: 'debezium_metrics_connected',
      labels: { context: 'streaming', plugin: 'postgres', name: 'orders-db' },
      value: t => (cdcDisconnected(t) ? 0 : 1),
    },
    {
      family: 'debezium_metrics_millisecondsbehindsource',
      labels: { context: 'streaming', plugin: 'postgres', name: 'orders-db' },
      // 3 s normally; from 25 minutes before now it falls behind by 48 s a minute.
      value: t => (t > cdcLagSince ? 3000 + Math.round(((t - cdcLagSince) / MINUTE) * 48_000) : 3000),
    },
  ];

  const families = new Map<string, MetricFamily>();
  const familyOf = (name: string) => {
    let family = families.get(name);
    if (!family) {
      family = { name, help: 'demo data (packages/prometheus-testkit)', series: [] };
      families.set(name, family);
    }
    return family;
  };
  for (const counter of counters) {
    familyOf(counter.family).series.push({
      labels: counter.labels,
      samples: (function* samples() {
        let value = COUNTER_START;
        for (const t of times) {
          value += counter.perMinute(t);
          yield [t / 1000, value] as [number, number];
        }
      })(),
    });
  }
  for (const gauge of gauges) {
    familyOf(gauge.family).series.push({
      labels: gauge.labels,
      samples: (function* samples() {
        for (const t of times) yield [t / 1000, gauge.value(t)] as [number, number];
      })(),
    });
  }
  return { times, families: [...families.values()], counters, gauges, now };
}

/**
 * The increase of a counter between the first and the last sample inside
 * [at − window, at], as Prometheus's rate() sees it before extrapolation.
 * Computed from the scenario's minutes, not from any query.
 */
export function increaseInWindow(demo: DemoMetrics, family: string, at: number, windowMs: number): number {
  const inside = demo.times.filter(t => t >= at - windowMs && t <= at);
  const counters = demo.counters.filter(c => c.family === family);
  if (inside.length < 2 || counters.length === 0) return NaN;
  let sum = 0;
  for (const counter of counters) {
    for (const t of inside.slice(1)) sum += counter.perMinute(t);
  }
  return sum;
}

/** The value of a gauge's latest sample at or before `at` (what an instant query reads). */
export function gaugeAt(demo: DemoMetrics, family: string, at: number): number {
  const gauge = demo.gauges.find(g => g.family === family)!;
  const t = [...demo.times].reverse().find(s => s <= at)!;
  return gauge.value(t);
}
