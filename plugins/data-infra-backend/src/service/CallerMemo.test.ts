import { mockCredentials } from '@backstage/backend-test-utils';
import { CallerMemo, callerKey } from './CallerMemo';

describe('CallerMemo', () => {
  it('shares one computation per caller and key within the TTL, and recomputes after it', async () => {
    let now = 0;
    const memo = new CallerMemo(5000, 100, () => now);
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

  it('tells users and services apart', () => {
    expect(callerKey(mockCredentials.user('user:default/alice'))).toBe('user:user:default/alice');
    expect(callerKey(mockCredentials.service('plugin:catalog'))).toBe('service:plugin:catalog');
  });
});
