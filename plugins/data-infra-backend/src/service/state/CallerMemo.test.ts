import { mockCredentials } from '@backstage/backend-test-utils';
import { CallerMemo, callerKey } from './CallerMemo';
import { MemoryBudget } from './MemoryBudget';

describe('CallerMemo', () => {
  it('shares one computation per caller and key within the TTL, and recomputes after it', async () => {
    let now = 0;
    const memo = new CallerMemo(5000, new MemoryBudget(), 100, () => now);
    let calls = 0;
    const compute = async () => ++calls;
    const alice = callerKey(mockCredentials.user('user:default/alice'));
    const bob = callerKey(mockCredentials.user('user:default/bob'));
    expect(await Promise.all([memo.get(`${alice}|map`, compute), memo.get(`${alice}|map`, compute)])).toEqual([1, 1]);
    expect(await memo.get(`${bob}|map`, compute)).toBe(2);
    now = 5001;
    expect(await memo.get(`${alice}|map`, compute)).toBe(3);
  });

  it('does not remember failures', async () => {
    const memo = new CallerMemo(5000);
    await expect(memo.get('k', async () => { throw new Error('catalog down'); })).rejects.toThrow('catalog down');
    await new Promise(r => setImmediate(r));
    expect(await memo.get('k', async () => 'ok')).toBe('ok');
  });

  it('counts entries by the size of their value in the shared budget, and drops the least recently used', async () => {
    const budget = new MemoryBudget(20_000);
    const answers = new CallerMemo(60_000, budget);
    const intervals = new CallerMemo(60_000, budget);
    const body = (n: number) => async () => 'x'.repeat(n);
    await answers.get('a', body(4000)); // about 8 kB
    await intervals.get('b', body(4000));
    await answers.get('a', body(1)); // a is now the most recent
    expect(budget.stats()).toMatchObject({ entries: 2 });
    expect(budget.stats().usedBytes).toBeGreaterThan(16_000);
    await answers.get('c', body(4000)); // no room: b, the least recently used, goes
    expect(budget.stats()).toMatchObject({ entries: 2, evictions: 1 });
    expect(budget.stats().usedBytes).toBeLessThanOrEqual(20_000);
    let recomputed = false;
    await intervals.get('b', async () => {
      recomputed = true;
      return '';
    });
    expect(recomputed).toBe(true);
    // A value larger than the whole budget is computed but not kept.
    await answers.get('huge', body(20_000));
    expect(budget.stats().peakBytes).toBeLessThanOrEqual(20_000);
  });

  it('tells users and services apart', () => {
    expect(callerKey(mockCredentials.user('user:default/alice'))).toBe('user:user:default/alice');
    expect(callerKey(mockCredentials.service('plugin:catalog'))).toBe('service:plugin:catalog');
  });
});
