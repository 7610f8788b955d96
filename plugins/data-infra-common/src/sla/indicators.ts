/*
 * The PromQL behind a DataService's measured SLA: one place builds it for the
 * backend (which asks Prometheus), the CLI's recording rules and the OpenSLO
 * export, so all three measure the same thing.
 */
import { parser } from '@prometheus-io/lezer-promql';
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

const METRIC_SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?$/s;

/** An expression with its range placeholder replaced by a PromQL duration. */
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

/**
 * Where a PromQL expression does not parse, as a message; undefined when it
 * does. The check is syntactic (the grammar of Prometheus's own editor):
 * whether the metrics exist is Prometheus's to say.
 * @public
 */
export function promqlSyntaxProblem(expression: string, shown = expression): string | undefined {
  let at: number | undefined;
  parser.parse(expression).iterate({
    enter(node) {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at === undefined) return undefined;
  const near = shown.slice(Math.max(0, at - 10), at + 10).replace(/\s+/g, ' ');
  return `is not valid PromQL: the parser stops at character ${at + 1} (near ${JSON.stringify(near)})`;
}

/** The problems of an indicators block, as field path and message (validation). */
export function indicatorProblems(
  sla: ServiceLevel,
  base = 'spec.sla.indicators',
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const indicators = sla.indicators;
  if (!indicators) return problems;
  const expression = (path: string, value: string, ranged: boolean) => {
    if (ranged && !value.includes(WINDOW_PLACEHOLDER)) {
      problems.push({
        path,
        message: `must contain the ${WINDOW_PLACEHOLDER} placeholder where the range goes, e.g. sum(rate(requests_total[${WINDOW_PLACEHOLDER}])), got ${JSON.stringify(value)}`,
      });
      return;
    }
    // A duration as long as the placeholder, so positions stay those of the text written.
    const problem = promqlSyntaxProblem(withWindow(value, '9999999999s'), value);
    if (problem) problems.push({ path, message: `${problem}, got ${JSON.stringify(value)}` });
  };
  const availability = indicators.availability;
  if (availability) {
    if (sla.availability === undefined) {
      problems.push({ path: `${base}.availability`, message: 'needs spec.sla.availability as its target' });
    }
    if ('ratio' in availability) expression(`${base}.availability.ratio`, availability.ratio, true);
    else {
      expression(`${base}.availability.good`, availability.good, true);
      expression(`${base}.availability.total`, availability.total, true);
    }
  }
  if (indicators.freshness !== undefined) {
    if (!sla.freshness) problems.push({ path: `${base}.freshness`, message: 'needs spec.sla.freshness as its target' });
    expression(`${base}.freshness`, indicators.freshness, false);
  }
  const latency = indicators.latency;
  if (latency) {
    if ('query' in latency) expression(`${base}.latency.query`, latency.query, false);
    else {
      const m = METRIC_SELECTOR.exec(latency.histogram.trim());
      const problem = m ? promqlSyntaxProblem(latency.histogram) : 'must be a metric name with optional label matchers';
      if (problem) {
        problems.push({ path: `${base}.latency.histogram`, message: `${problem}, got ${JSON.stringify(latency.histogram)}` });
      }
    }
    if (latencyThresholdSeconds(latency) === undefined) {
      problems.push({ path: `${base}.latency.threshold`, message: `must be longer than zero, got ${JSON.stringify(latency.threshold)}` });
    }
  }
  return problems;
}
