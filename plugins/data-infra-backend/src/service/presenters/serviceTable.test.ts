import { mockServices } from '@backstage/backend-test-utils';
import type { ServiceLevelMeasurement } from '@data-infra/backstage-plugin-data-infra-common';
import { fixtureEntities } from '../../__testUtils__/fixtures';
import { CatalogReader } from '../state/CatalogReader';
import { CatalogSnapshot, CatalogView } from '../state/CatalogSnapshot';
import { MemoryBudget } from '../state/MemoryBudget';
import { ServiceTable } from './serviceTable';
import { ViewMemo } from '../state/ViewMemo';

const snapshot = new CatalogSnapshot({} as CatalogReader, mockServices.cache.mock(), mockServices.logger.mock(), {
  domains: [],
  cacheTtlSeconds: 60,
  showContactDetails: true,
});
const viewOf = (): CatalogView => snapshot.assemble(fixtureEntities, new Map(), []);

function measuredWith(budgetLeft: number): ServiceLevelMeasurement {
  return {
    state: 'measured',
    measuredAt: '2026-03-04T12:00:00Z',
    window: '30d',
    availability: {
      target: 99.9,
      achieved: 99.9 + budgetLeft * 0.1,
      budgetLeft,
      budgetLeftMs: null,
      burnRates: {},
      thresholds: { fast: 14.4, slow: 6, ticket: 1 },
      fastBurn: false,
      slowBurn: false,
    },
  };
}

describe('ServiceTable', () => {
  it('sorts by the measured budget left, least first, and puts services without a figure last in both orders', () => {
    const view = viewOf();
    const measurements = new Map<string, ServiceLevelMeasurement>([
      ['dataservice:default/kafka', measuredWith(0.6)],
      ['dataservice:default/superset', measuredWith(-0.2)],
      ['dataservice:default/zookeeper', { state: 'unavailable', reason: 'Prometheus did not answer within 1 s' }],
    ]);
    const table = new ServiceTable(view, [], measurements);
    const names = (order: 'asc' | 'desc') => table.ordered('budget', order).map(r => r.service.metadata.name);
    expect(names('asc')).toEqual(['superset', 'kafka', 'zookeeper']);
    expect(names('desc')).toEqual(['kafka', 'superset', 'zookeeper']);
    expect(table.rows.find(r => r.ref === 'dataservice:default/superset')!.measured).toEqual({
      status: 'exhausted',
      budgetLeft: -0.2,
      achieved: expect.closeTo(99.88, 9),
    });
  });
});

describe('ViewMemo', () => {
  it('counts what it keeps per view in the shared budget, grows with it, and lets the budget drop it', () => {
    const budget = new MemoryBudget(1_000_000);
    const tables = new ViewMemo<ServiceTable>(budget, table => table.estimatedBytes);
    const [a, b] = [viewOf(), viewOf()];
    let builds = 0;
    const build = (view: CatalogView) => () => {
      builds += 1;
      return new ServiceTable(view, [], new Map());
    };

    const table = tables.get(a, 0, build(a));
    expect(tables.get(a, 0, build(a))).toBe(table);
    expect(builds).toBe(1);
    const before = budget.stats().usedBytes;
    expect(before).toBe(table.estimatedBytes);
    // A new sort order is counted once the memo is told.
    table.ordered('title', 'desc');
    tables.resized(a);
    expect(budget.stats().usedBytes).toBeGreaterThan(before);

    // Another measurement cycle: rebuilt, the old one no longer counted.
    const next = tables.get(a, 1, build(a));
    expect(next).not.toBe(table);
    expect(budget.stats()).toMatchObject({ entries: 1, usedBytes: next.estimatedBytes });

    // No room for two: the least recently used view's table goes.
    const small = new MemoryBudget(Math.ceil(next.estimatedBytes * 1.5));
    const bounded = new ViewMemo<ServiceTable>(small, t => t.estimatedBytes);
    bounded.get(a, 0, build(a));
    bounded.get(b, 0, build(b));
    expect(small.stats()).toMatchObject({ entries: 1, evictions: 1 });
    builds = 0;
    bounded.get(a, 0, build(a));
    expect(builds).toBe(1);
    expect(small.stats().peakBytes).toBeLessThanOrEqual(small.maxBytes);
  });
});
