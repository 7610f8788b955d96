import type { DataServiceEntityV1alpha1 } from '../kinds/types';
import { budgetStatus, measuredFindings, measuredSummary, measureServiceLevel } from './measurement';

const AT = Date.parse('2026-12-01T12:00:00Z');
const sla = {
  availability: 99.9,
  window: '30d',
  freshness: 'PT15M',
  indicators: {
    availability: { good: 'g[{{.window}}]', total: 't[{{.window}}]' },
    freshness: 'age',
    latency: { histogram: 'h', threshold: 'PT2S' },
  },
};
const kafka = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'DataService',
  metadata: { name: 'kafka', title: 'Apache Kafka' },
  spec: { type: 'streaming', lifecycle: 'production', owner: 'data-platform', sla },
} as DataServiceEntityV1alpha1;

const ratios = (overrides: Record<string, number | null>) => ({
  errorRatio: { '5m': 0, '30m': 0, '1h': 0, '6h': 0, '3d': 0, '30d': 0, ...overrides },
});

describe('measureServiceLevel', () => {
  it('turns error ratios into achieved availability, budget left and burn rates', () => {
    // 0.00081 of events bad over 30 days against a 0.001 budget: 19 % left.
    const m = measureServiceLevel(sla, { ...ratios({ '30d': 0.00081, '1h': 0.02, '5m': 0.5, '6h': 0.004 }), freshnessSeconds: 120, latencySeconds: 1.5 }, AT)!;
    expect(m.measuredAt).toBe('2026-12-01T12:00:00Z');
    expect(m.availability).toEqual({
      target: 99.9,
      achieved: 99.919,
      budgetLeft: 0.19,
      budgetLeftMs: Math.round(0.19 * 0.001 * 30 * 86_400_000),
      burnRates: { '5m': 500, '30m': 0, '1h': 20, '6h': 4, '3d': 0 },
      thresholds: { fast: 14.4, slow: 6, ticket: 1 },
      fastBurn: true,
      slowBurn: false,
    });
    expect(m.freshness).toEqual({ lagSeconds: 120, targetSeconds: 900, breached: false });
    expect(m.latency).toEqual({ seconds: 1.5, thresholdSeconds: 2, percentile: 99, breached: false });
  });
  it('needs both windows above the threshold to burn', () => {
    const longOnly = measureServiceLevel(sla, ratios({ '1h': 0.05, '5m': 0.001 }), AT)!;
    expect(longOnly.availability!.fastBurn).toBe(false);
    const slow = measureServiceLevel(sla, ratios({ '6h': 0.0061, '30m': 0.007 }), AT)!;
    expect(slow.availability!.slowBurn).toBe(true);
    // Exactly at the threshold is not above it.
    expect(measureServiceLevel(sla, ratios({ '6h': 0.006, '30m': 0.006 }), AT)!.availability!.slowBurn).toBe(false);
  });
  it('keeps missing windows as null and never burns on them', () => {
    const m = measureServiceLevel(sla, { errorRatio: { '30d': NaN, '1h': null } }, AT)!;
    expect(m.availability!.achieved).toBeNull();
    expect(m.availability!.budgetLeft).toBeNull();
    expect(m.availability!.burnRates['1h']).toBeNull();
    expect(m.availability!.fastBurn).toBe(false);
    expect(m.freshness!.lagSeconds).toBeNull();
  });
  it('is undefined without indicators', () => {
    expect(measureServiceLevel({ availability: 99.9 }, ratios({}), AT)).toBeUndefined();
  });
});

describe('budget status and findings', () => {
  const measured = (overrides: Record<string, number | null>, extra = {}) =>
    measureServiceLevel(sla, { ...ratios(overrides), ...extra }, AT);
  it('orders exhausted, burning, low, healthy', () => {
    expect(budgetStatus(measured({ '30d': 0.0012 }))).toBe('exhausted');
    expect(budgetStatus(measured({ '30d': 0.0001, '1h': 0.5, '5m': 0.5 }))).toBe('burning');
    expect(budgetStatus(measured({ '30d': 0.0008 }))).toBe('low');
    expect(budgetStatus(measured({ '30d': 0.0001 }))).toBe('healthy');
    expect(budgetStatus({ state: 'unavailable', reason: 'x' })).toBe('unavailable');
    expect(measuredSummary(measured({ '30d': 0.0008 }))).toEqual({ status: 'low', budgetLeft: 0.2, achieved: 99.92 });
  });
  it('raises one finding per breached objective, naming the service and the numbers', () => {
    const m = measured({ '30d': 0.0012, '1h': 0.5, '5m': 0.6, '6h': 0.1, '30m': 0.2 }, { freshnessSeconds: 3600, latencySeconds: 2.5 });
    const findings = measuredFindings('dataservice:default/kafka', kafka, m);
    expect(findings.map(f => [f.check, f.severity, f.path])).toEqual([
      ['sla-budget-exhausted', 'error', 'spec.sla.availability'],
      ['sla-fast-burn', 'error', 'spec.sla.indicators.availability'],
      ['sla-slow-burn', 'warning', 'spec.sla.indicators.availability'],
      ['sla-freshness-breached', 'warning', 'spec.sla.freshness'],
      ['sla-latency-breached', 'warning', 'spec.sla.indicators.latency'],
    ]);
    expect(findings[0].message).toBe(
      'Apache Kafka has spent its error budget over 30d: 99.880 % achieved against the 99.9 % target (20.0 % overspent). Hold risky changes and put reliability work first until the budget recovers.',
    );
    expect(findings[1].message).toMatch(/500\.0× as fast as it may over 1 h and 600\.0× over 5 m, above 14\.4×/);
    expect(findings[3].message).toMatch(/is 1h old, more than the 15m its freshness SLA allows/);
  });
  it('raises nothing when healthy or unavailable', () => {
    expect(measuredFindings('dataservice:default/kafka', kafka, measured({ '30d': 0.0001 }))).toEqual([]);
    expect(measuredFindings('dataservice:default/kafka', kafka, { state: 'unavailable', reason: 'x' })).toEqual([]);
  });
});
