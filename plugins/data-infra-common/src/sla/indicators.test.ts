import type { Entity } from '@backstage/catalog-model';
import { validateDataInfraEntity, formatEntityProblems } from '../kinds/validation';
import { errorRatioQuery, freshnessQuery, latencyQuery } from './indicators';
import { promqlSyntaxProblem } from './promql';
import { BURN_ALERTS, burnRateThreshold, errorBudgetFraction, windowMs } from './burn';

const service = (sla: Record<string, unknown>) => ({
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'DataService',
  metadata: { name: 'kafka' },
  spec: { type: 'streaming', lifecycle: 'production', owner: 'data-platform', sla },
});
const problems = (sla: Record<string, unknown>) => {
  const entity = service(sla) as unknown as Entity;
  return formatEntityProblems(entity, validateDataInfraEntity(entity)).split('\n').filter(Boolean);
};

const GOOD = 'sum(rate(requests_total{code!~"5.."}[{{.window}}]))';
const TOTAL = 'sum(rate(requests_total[{{.window}}]))';

describe('queries', () => {
  it('puts the window where the placeholder is, one series without labels', () => {
    expect(errorRatioQuery({ good: GOOD, total: TOTAL }, '30d')).toBe(
      '1 - (sum(sum(rate(requests_total{code!~"5.."}[30d]))) / sum(sum(rate(requests_total[30d]))))',
    );
    expect(errorRatioQuery({ ratio: 'avg_over_time(up{job="nn"}[{{.window}}])' }, '1h')).toBe(
      '1 - avg(avg_over_time(up{job="nn"}[1h]))',
    );
    expect(freshnessQuery('time() - max(last_success_seconds)')).toBe('max(time() - max(last_success_seconds))');
  });
  it('reads a percentile of a histogram over the last 5 minutes', () => {
    expect(latencyQuery({ histogram: 'vllm:e2e_request_latency_seconds{model_name="llama"}', threshold: 'PT20S' })).toBe(
      'histogram_quantile(0.99, sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket{model_name="llama"}[5m])))',
    );
    expect(latencyQuery({ histogram: 'h_seconds', percentile: 95, threshold: 'PT1S' })).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(h_seconds_bucket[5m])))',
    );
    expect(latencyQuery({ query: 'p99_ms / 1000', threshold: 'PT1S' })).toBe('max(p99_ms / 1000)');
  });
  it('every query it builds parses', () => {
    for (const q of [errorRatioQuery({ good: GOOD, total: TOTAL }, '4w'), latencyQuery({ histogram: 'x', threshold: 'PT1S' })]) {
      expect(promqlSyntaxProblem(q)).toBeUndefined();
    }
  });
});

describe('burn-rate thresholds (SRE workbook table 5-8)', () => {
  it('are 14.4, 6 and 1 for a 30-day window', () => {
    expect(BURN_ALERTS.map(p => burnRateThreshold(p, windowMs('30d')))).toEqual([14.4, 6, 1]);
  });
  it('scale with the window: 4 weeks', () => {
    expect(BURN_ALERTS.map(p => burnRateThreshold(p, windowMs('4w')))).toEqual([13.44, 5.6, 0.933333333333]);
  });
  it('use the budget fraction without floating-point noise', () => {
    expect(errorBudgetFraction(99.95)).toBe(0.0005);
    expect(errorBudgetFraction(99.9)).toBe(0.001);
  });
});

describe('validation of spec.sla.indicators', () => {
  it('accepts the documented forms', () => {
    expect(
      problems({
        availability: 99.9,
        freshness: 'PT15M',
        indicators: {
          availability: { good: GOOD, total: TOTAL },
          freshness: 'time() - max(last_success_timestamp_seconds)',
          latency: { histogram: 'http_request_duration_seconds{job="api"}', percentile: 99, threshold: 'PT0.25S' },
        },
      }),
    ).toEqual([]);
    expect(problems({ availability: 99, indicators: { availability: { ratio: 'avg_over_time(up[{{.window}}])' }, latency: { query: 'x', threshold: 'PT2S' } } })).toEqual([]);
  });
  it('names the field when the range placeholder is missing', () => {
    expect(problems({ availability: 99.9, indicators: { availability: { good: 'sum(rate(ok[5m]))', total: TOTAL } } })).toEqual([
      'dataservice:default/kafka: spec.sla.indicators.availability.good: must contain the {{.window}} placeholder where the range goes, e.g. sum(rate(requests_total[{{.window}}])), got "sum(rate(ok[5m]))"',
    ]);
  });
  it('names the field and the place of a PromQL syntax error', () => {
    expect(problems({ availability: 99.9, indicators: { availability: { good: GOOD, total: 'sum(rate(x[{{.window}}])' } } })).toEqual([
      expect.stringMatching(/^dataservice:default\/kafka: spec\.sla\.indicators\.availability\.total: is not valid PromQL: the parser stops at character 25 \(near "window}}\]\)"\), got "sum\(rate\(x\[\{\{\.window\}\}\]\)"$/),
    ]);
    expect(problems({ freshness: 'PT1H', indicators: { freshness: 'nosuchfunction(x)' } })[0]).toMatch(/spec\.sla\.indicators\.freshness: is not valid PromQL/);
  });
  it('wants a target for each indicator', () => {
    expect(problems({ indicators: { availability: { ratio: 'avg_over_time(up[{{.window}}])' }, freshness: 'x' } })).toEqual([
      'dataservice:default/kafka: spec.sla.indicators.availability: needs spec.sla.availability as its target',
      'dataservice:default/kafka: spec.sla.indicators.freshness: needs spec.sla.freshness as its target',
    ]);
  });
  it('rejects mixed forms, unknown fields, bad thresholds and huge expressions', () => {
    expect(problems({ availability: 99, indicators: { availability: { good: GOOD, ratio: GOOD } } })).toEqual([
      'dataservice:default/kafka: spec.sla.indicators.availability: must be either good and total, or ratio (PromQL with the {{.window}} placeholder), got {"good":"sum(rate(requests_total{code!~\\"5..\\"}[{{.window}}]))","ratio":"sum(rat…',
    ]);
    expect(problems({ indicators: { errors: 'x' } })[0]).toMatch(/spec\.sla\.indicators\.errors: is not a known field; the known ones are availability, freshness, latency/);
    expect(problems({ indicators: { latency: { histogram: 'h', threshold: '2s' } } })).toContain(
      'dataservice:default/kafka: spec.sla.indicators.latency.threshold: must be an ISO-8601 duration like PT2S or PT0.25S, got "2s"',
    );
    expect(problems({ indicators: { latency: { query: 'x', threshold: 'PT0S' } } })).toEqual([
      'dataservice:default/kafka: spec.sla.indicators.latency.threshold: must be longer than zero, got "PT0S"',
    ]);
    expect(problems({ indicators: { latency: { histogram: 'rate(x[5m])', threshold: 'PT1S' } } })[0]).toMatch(
      /spec\.sla\.indicators\.latency\.histogram: must be a metric name with optional label matchers/,
    );
    expect(problems({ freshness: 'PT1H', indicators: { freshness: `x${' + x'.repeat(2000)}` } })[0]).toMatch(
      /spec\.sla\.indicators\.freshness: must be a PromQL expression of at most 4000 characters/,
    );
  });
});
