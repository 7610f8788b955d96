/** A domain as configured (dataInfra.domains). @public */
export interface DomainInfo {
  id: string;
  title: string;
  description?: string;
  order: number;
}

/**
 * The seed's four domains, used when app-config has no `dataInfra.domains`.
 * @public
 */
export const DEFAULT_DOMAINS: DomainInfo[] = [
  {
    id: 'data-platform',
    title: 'Data Platform',
    description: 'Storage, compute and streaming engines: HDFS, YARN, Spark, Airflow, Kafka, ZooKeeper.',
    order: 1,
  },
  {
    id: 'data-engineering',
    title: 'Data Engineering',
    description: 'Batch and stream ingestion, transformations, lineage, quality and the lakehouse.',
    order: 2,
  },
  {
    id: 'mlops',
    title: 'MLOps',
    description: 'Feature stores, training, model and LLM serving, drift monitoring, RAG and agent APIs.',
    order: 3,
  },
  {
    id: 'bi-services',
    title: 'BI Services',
    description: 'Semantic metrics, OLAP and query engines, dashboards and caching.',
    order: 4,
  },
];

/**
 * Normalises the raw value of `dataInfra.domains` (an array of
 * `{ id, title, description?, order? }`); falls back to DEFAULT_DOMAINS.
 * Sorted by order, then by position.
 * @public
 */
export function normaliseDomains(raw: unknown): DomainInfo[] {
  if (!Array.isArray(raw) || raw.length === 0) return DEFAULT_DOMAINS;
  return raw
    .map((d: any, index) => ({
      id: String(d.id),
      title: String(d.title ?? d.id),
      ...(d.description ? { description: String(d.description) } : {}),
      order: typeof d.order === 'number' ? d.order : index + 1,
      index,
    }))
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ index: _index, ...domain }) => domain);
}
