/*
 * The PromQL behind a DataService's measured SLA: one place builds it for the
 * backend (which asks Prometheus), the CLI's recording rules and the OpenSLO
 * export, so all three measure the same thing.
 */
import type {
  AvailabilityIndicator,
  LatencyIndicator,
  ServiceLevel,
  ServiceLevelIndicators,
} from '../kinds/types';
import { parseIsoDuration } from '../time';
import { parseSlaWindow } from './sla';

/**
 * Where an indicator's range goes: `rate(x_total[{{.window}}])`. The same
 * placeholder Sloth uses, so its SLI queries can be copied as they are.
 * @public
 */
export const WINDOW_PLACEHOLDER = '{{.window}}';

/**
 * The windows an availability indicator is measured over besides the SLA
 * window: the short and long windows of the multi-window burn-rate alerts
 * (SRE workbook, chapter 5).
 * @public
 */
export const SLI_WINDOWS = ['5m', '30m', '1h', '6h', '3d'] as const;

/** @public */
export type SliWindow = (typeof SLI_WINDOWS)[number];

/** Latency is measured over this range (how fast it is now). */
export const LATENCY_WINDOW = '5m';

/** The percentile of a histogram indicator without one. @public */
export const DEFAULT_LATENCY_PERCENTILE = 99;

/** A metric name with optional label matchers (a latency histogram). */
export const METRIC_SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?$/s;

/** An expression with its range placeholder replaced by a PromQL duration. @public */
export function withWindow(expression: string, window: string): string {
  return expression.split(WINDOW_PLACEHOLDER).join(window);
}

/**
 * The fraction of bad events over `window`, as one series without labels:
 * `1 - sum(good) / sum(total)`, or `1 - avg(ratio)` (several ratio series
 * are averaged). NaN when there were no events.
 * @public
 */
export function errorRatioQuery(indicator: AvailabilityIndicator, window: string): string {
  if ('ratio' in indicator) return `1 - avg(${withWindow(indicator.ratio, window)})`;
  return `1 - (sum(${withWindow(indicator.good, window)}) / sum(${withWindow(indicator.total, window)}))`;
}

/** The age of the data in seconds, as one series (the oldest of several). @public */
export function freshnessQuery(expression: string): string {
  return `max(${withWindow(expression, LATENCY_WINDOW)})`;
}

/** The latency in seconds now, as one series. @public */
export function latencyQuery(indicator: LatencyIndicator): string {
  if ('query' in indicator) return `max(${withWindow(indicator.query, LATENCY_WINDOW)})`;
  const [, name, matchers = ''] = METRIC_SELECTOR.exec(indicator.histogram.trim()) ?? [];
  const quantile = (indicator.percentile ?? DEFAULT_LATENCY_PERCENTILE) / 100;
  return `histogram_quantile(${quantile}, sum by (le) (rate(${name}_bucket${matchers}[${LATENCY_WINDOW}])))`;
}

/** The latency threshold in seconds; undefined when malformed. @public */
export function latencyThresholdSeconds(indicator: LatencyIndicator): number | undefined {
  // Like the schema's latencyThreshold: hours, minutes and decimal seconds.
  const m = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(indicator.threshold ?? '');
  if (!m) return undefined;
  const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return seconds > 0 ? seconds : undefined;
}

/** The freshness target (`spec.sla.freshness`) in seconds; undefined when absent or malformed. @public */
export function freshnessTargetSeconds(sla: ServiceLevel | undefined): number | undefined {
  const ms = sla?.freshness ? parseIsoDuration(sla.freshness)?.toMillis() : undefined;
  return ms === undefined || ms <= 0 ? undefined : ms / 1000;
}

/** The SLA window as written, default '30d', when well formed. @public */
export function slaWindowOf(sla: ServiceLevel | undefined): { window: string; windowMs: number } | undefined {
  const window = sla?.window ?? '30d';
  const windowMs = parseSlaWindow(window);
  return windowMs === undefined ? undefined : { window, windowMs };
}

/** Whether a service declares anything that can be measured. @public */
export function hasIndicators(sla: ServiceLevel | undefined): sla is ServiceLevel & { indicators: ServiceLevelIndicators } {
  const i = sla?.indicators;
  return !!i && !!(i.availability || i.freshness || i.latency);
}
