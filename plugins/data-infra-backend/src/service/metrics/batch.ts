import { PrometheusClient, PrometheusError } from './PrometheusClient';

/** One service's query in a batch; each gives one series without labels. */
export interface BatchItem {
  key: string;
  query: string;
}

/** A value (NaN when Prometheus says NaN), null without data, or why not. */
export type BatchValue = number | null | PrometheusError;

/** Limits of one batched query. */
export interface BatchLimits {
  maxItems: number;
  maxChars: number;
}

const LABEL = 'data_infra_i';

/**
 * Evaluates many services' queries in few requests: each chunk is one
 * query, `label_replace(q0, "data_infra_i", "0", "", "") or …`, so a
 * page of 10,000 services costs a few dozen queries, not 10,000.
 *
 * A chunk Prometheus rejects (one bad expression fails the whole query, or
 * the chunk loads too many samples) is split in halves until the culprit
 * stands alone. A timeout or an unreachable Prometheus stops the run: every
 * item not yet answered gets that error, and no more time is spent.
 */
export async function evaluateBatched(
  client: PrometheusClient,
  items: BatchItem[],
  atSeconds: number,
  limits: BatchLimits,
): Promise<Map<string, BatchValue>> {
  const out = new Map<string, BatchValue>();
  let fatal: PrometheusError | undefined;

  const run = async (chunk: BatchItem[]): Promise<void> => {
    if (fatal) {
      for (const item of chunk) out.set(item.key, fatal);
      return;
    }
    const query = chunk.map((item, i) => `label_replace(${item.query}, "${LABEL}", "${i}", "", "")`).join(' or ');
    try {
      const samples = await client.query(query, atSeconds);
      const byIndex = new Map(samples.map(s => [s.labels[LABEL], s.value]));
      chunk.forEach((item, i) => out.set(item.key, byIndex.has(String(i)) ? byIndex.get(String(i))! : null));
    } catch (error) {
      const failure = error instanceof PrometheusError ? error : new PrometheusError('unreachable', String(error));
      if (failure.kind === 'rejected' && chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        await run(chunk.slice(0, half));
        await run(chunk.slice(half));
        return;
      }
      if (failure.kind !== 'rejected') fatal = failure;
      for (const item of chunk) out.set(item.key, failure);
    }
  };

  let chunk: BatchItem[] = [];
  let chars = 0;
  for (const item of items) {
    if (chunk.length > 0 && (chunk.length >= limits.maxItems || chars + item.query.length > limits.maxChars)) {
      await run(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(item);
    chars += item.query.length + 40;
  }
  if (chunk.length > 0) await run(chunk);
  return out;
}
