import { runCli, SEEDED_CATALOG } from '../lib/testing';

async function escalationJson(ref: string, at: string) {
  const result = await runCli(['escalation', ref, '--catalog', SEEDED_CATALOG, '--at', at, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('data-infra escalation', () => {
  it("follows Kafka's own policy through the Data Platform rotation to the lead", async () => {
    // Tuesday 2026-03-10 is in week 10 of the rotation: Priya primary, Lukas secondary.
    const path = await escalationJson('dataservice:default/kafka', '2026-03-10T12:00:00Z');
    expect(path).toMatchObject({ entityRef: 'dataservice:default/kafka', inherited: false, repeat: 2, firstReachableAfterMs: 0 });
    expect(path.levels.map((l: any) => [l.after, l.people.map((p: any) => p.user)])).toEqual([
      ['PT0M', ['user:default/priya.raman']],
      ['PT10M', ['user:default/lukas.weber']],
      ['PT30M', ['user:default/samira.haddad']],
    ]);
    expect(path.levels[0].people[0]).toMatchObject({ role: 'primary', until: '2026-03-16T08:00:00Z' });
  });

  it('shows that an MLOps service reaches nobody on a Saturday night', async () => {
    // MLOps has no rotation: its inherited policy pages people only on
    // weekdays 09:00-18:00 Berlin, so 03:00 on a Saturday reaches no one.
    const path = await escalationJson('rag-api', '2026-03-14T02:00:00Z');
    expect(path).toMatchObject({ inherited: true, policyRef: 'subteam:default/mlops', firstReachableAfterMs: null });
    expect(path.levels).toHaveLength(3);
    expect(path.levels.every((l: any) => !l.reachable && l.people.length === 0)).toBe(true);

    const text = await runCli(['escalation', 'rag-api', '--catalog', SEEDED_CATALOG, '--at', '2026-03-14T02:00:00Z']);
    expect(text.stdout).toContain('policy inherited from subteam:default/mlops');
    expect(text.stdout).toContain('Nobody is reachable at this instant.');
  });

  it('reaches the first BI member in business hours', async () => {
    const path = await escalationJson('superset', '2026-03-10T09:30:00Z');
    expect(path.levels[0]).toMatchObject({ reachable: true, people: [{ user: 'user:default/jonas.lindqvist' }] });
    expect(path.firstReachableAfterMs).toBe(0);
  });

  it('rejects an unknown service with exit 2', async () => {
    const result = await runCli(['escalation', 'dataservice:default/nope', '--catalog', SEEDED_CATALOG]);
    expect(result.stderr).toBe('data-infra: dataservice:default/nope: no such service or subteam in the catalog\n');
    expect(result.code).toBe(2);
  });
});
