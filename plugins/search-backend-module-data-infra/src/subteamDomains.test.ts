import { Entity } from '@backstage/catalog-model';
import { SubteamDomains } from './subteamDomains';

const subteam = (name: string, domain: string): Entity => ({
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Subteam',
  metadata: { name, namespace: 'default' },
  spec: { domain },
});

describe('SubteamDomains', () => {
  it('answers the domain of an owner ref, full or short', async () => {
    const domains = new SubteamDomains({
      loadSubteams: async () => [subteam('mlops', 'mlops'), subteam('Platform-Team', 'data-platform')],
    });
    await domains.refresh();
    expect(domains.lookup('subteam:default/mlops', 'default')).toBe('mlops');
    expect(domains.lookup('mlops', 'default')).toBe('mlops');
    expect(domains.lookup('Subteam:platform-team', 'default')).toBe('data-platform');
    // Another namespace, another kind, no owner: no domain.
    expect(domains.lookup('mlops', 'other')).toBeUndefined();
    expect(domains.lookup('group:default/mlops', 'default')).toBeUndefined();
    expect(domains.lookup(undefined, 'default')).toBeUndefined();
  });

  it('ignores entities that are not our Subteams', async () => {
    const domains = new SubteamDomains({
      loadSubteams: async () => [
        { ...subteam('web', 'web'), apiVersion: 'example.com/v1' },
        { ...subteam('sre', 'ops'), kind: 'Group' },
      ],
    });
    await domains.refresh();
    expect(domains.lookup('subteam:default/web', 'default')).toBeUndefined();
  });

  it('reloads, at most every 5 s, when asked for a Subteam it does not know', async () => {
    let catalog = [subteam('mlops', 'mlops')];
    let now = 0;
    const loadSubteams = jest.fn(async () => catalog);
    const domains = new SubteamDomains({ loadSubteams, now: () => now });
    await domains.refresh();

    // A subteam added to the catalog after the load: unknown now, found
    // once the reload that the miss started has finished.
    catalog = [...catalog, subteam('bi', 'bi-services')];
    expect(domains.lookup('subteam:default/bi', 'default')).toBeUndefined();
    await domains.refresh();
    expect(domains.lookup('subteam:default/bi', 'default')).toBe('bi-services');
    const loads = loadSubteams.mock.calls.length;

    // A ref that never resolves does not make every lookup a catalog call:
    // no reload within 5 s of the last one a miss started.
    domains.lookup('subteam:default/gone', 'default');
    now += 4_000;
    domains.lookup('subteam:default/gone', 'default');
    expect(loadSubteams).toHaveBeenCalledTimes(loads);
    now += 1_000;
    domains.lookup('subteam:default/gone', 'default');
    expect(loadSubteams).toHaveBeenCalledTimes(loads + 1);
  });

  it('keeps the previous domains when a load fails', async () => {
    const warn = jest.fn();
    let fail = false;
    let now = 0;
    const domains = new SubteamDomains({
      loadSubteams: async () => {
        if (fail) throw new Error('catalog down');
        return [subteam('mlops', 'mlops')];
      },
      logger: { warn } as any,
      now: () => now,
    });
    await domains.refresh();
    fail = true;
    await expect(domains.refresh()).rejects.toThrow('catalog down');
    expect(domains.lookup('mlops', 'default')).toBe('mlops');
    // A failed reload started by a miss is logged, not thrown.
    now += 10_000;
    domains.lookup('subteam:default/unknown', 'default');
    await new Promise(resolve => setImmediate(resolve));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('catalog down'));
  });
});

describe('SubteamDomains and rebuilding the index', () => {
  it('says so when a load finds a Subteam that lookups had missed, and only then', async () => {
    let catalog: Entity[] = [];
    const onMissesResolved = jest.fn();
    const domains = new SubteamDomains({ loadSubteams: async () => catalog, onMissesResolved });
    await domains.refresh();
    // Indexed while the catalog was still ingesting: no domain yet.
    expect(domains.lookup('subteam:default/mlops', 'default')).toBeUndefined();
    await domains.refresh();
    expect(onMissesResolved).not.toHaveBeenCalled();
    catalog = [subteam('mlops', 'mlops')];
    await domains.refresh();
    expect(onMissesResolved).toHaveBeenCalledTimes(1);
    // Nothing missed since: a further load is not a reason to rebuild.
    await domains.refresh();
    expect(onMissesResolved).toHaveBeenCalledTimes(1);
  });

  it('says so when the first Subteams appear, even if no collation looked any up (it indexed an empty catalog)', async () => {
    let catalog: Entity[] = [];
    const onMissesResolved = jest.fn();
    const domains = new SubteamDomains({ loadSubteams: async () => catalog, onMissesResolved });
    await domains.refresh();
    expect(onMissesResolved).not.toHaveBeenCalled();
    catalog = [subteam('mlops', 'mlops'), subteam('data-platform', 'data-platform')];
    await domains.refresh();
    expect(onMissesResolved).toHaveBeenCalledTimes(1);
    await domains.refresh();
    expect(onMissesResolved).toHaveBeenCalledTimes(1);
  });
});
