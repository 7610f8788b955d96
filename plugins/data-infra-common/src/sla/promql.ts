/*
 * Validation of spec.sla.indicators: PromQL syntax (the grammar of
 * Prometheus's own query editor) and the rules a schema cannot say. Apart
 * from indicators.ts so that what only shows measurements (the frontend)
 * does not load the parser.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { ServiceLevel } from '../kinds/types';
import { latencyThresholdSeconds, METRIC_SELECTOR, WINDOW_PLACEHOLDER, withWindow } from './indicators';

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
