import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { fixtureEntities } from '../../__testUtils__/fixtures';
import { CatalogReader } from './CatalogReader';
import { SharedCatalog } from './SharedCatalog';

/** A catalog whose content the test replaces, counting the bodies it serves. */
function switchableCatalog(initial: Entity[]) {
  let current = catalogServiceMock({ entities: initial });
  const bodiesRead: string[] = [];
  const catalog = {
    queryEntities: async (req: any, opts: any) => {
      const page = await current.queryEntities(req, opts);
      if (req.fields?.includes('spec')) {
        bodiesRead.push(...page.items.map(e => `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`));
      }
      return page;
    },
    getEntitiesByRefs: async (req: any, opts: any) => {
      if (req.fields?.includes('spec')) bodiesRead.push(...req.entityRefs);
      return current.getEntitiesByRefs(req, opts);
    },
  } as unknown as CatalogService;
  return {
    catalog,
    bodiesRead,
    replace(entities: Entity[]) {
      current = catalogServiceMock({ entities });
    },
  };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

describe('SharedCatalog', () => {
  const withEtags = fixtureEntities.map(e => ({
    ...e,
    metadata: { ...e.metadata, etag: e.metadata.etag ?? `${e.metadata.name}-1` },
  }));
  const ours = withEtags.filter(e => ['Subteam', 'DataService', 'Rotation'].includes(e.kind));

  it('loads our entities and the people they name, then re-reads only what changed', async () => {
    let now = 0;
    const source = switchableCatalog(withEtags);
    const shared = new SharedCatalog(new CatalogReader(source.catalog), mockServices.auth(), mockServices.logger.mock(), 10_000, () => now);

    const first = await shared.state();
    expect([...first.entities.keys()].sort()).toEqual(
      ours.map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`).sort(),
    );
    expect(first.people.get('user:default/alice')?.spec).toMatchObject({ profile: { displayName: 'Alice Adams' } });
    // Each body once, in the same pass that lists them.
    expect(source.bodiesRead.sort()).toEqual([...first.entities.keys()].sort());

    // Within the interval nothing is read; after it, an unchanged catalog
    // keeps the same state (same version, no bodies read again).
    source.bodiesRead.length = 0;
    now = 5_000;
    expect(await shared.state()).toBe(first);
    now = 10_000;
    await shared.state();
    await flush();
    await flush();
    expect((await shared.state()).version).toBe(first.version);
    expect(source.bodiesRead).toEqual([]);

    // One rotation changes: the next refresh reads that body only and the
    // state after it has a new version with the new spec.
    const changed = withEtags.map(e =>
      e.kind === 'Rotation'
        ? { ...e, metadata: { ...e.metadata, etag: 'rotation-2', title: 'Renamed on-call' } }
        : e,
    );
    source.replace(changed);
    now = 20_000;
    const stale = await shared.state();
    expect(stale.version).toBe(first.version); // served at once, refreshed behind
    for (let i = 0; i < 5; i++) await flush();
    const next = await shared.state();
    expect(next.version).toBeGreaterThan(first.version);
    expect(source.bodiesRead).toEqual(['rotation:default/platform-oncall']);
    expect(next.entities.get('rotation:default/platform-oncall')?.metadata.title).toBe('Renamed on-call');
    // Unchanged entities are the same objects: nothing else was re-read.
    expect(next.entities.get('subteam:default/platform')).toBe(first.entities.get('subteam:default/platform'));
  });

  it('backs off exponentially up to a minute while refreshing fails, and says so once', async () => {
    let now = 0;
    const source = switchableCatalog(withEtags);
    const logger = mockServices.logger.mock();
    const shared = new SharedCatalog(new CatalogReader(source.catalog), mockServices.auth(), logger, 10_000, () => now);
    const first = await shared.state();
    const broken = { ...source.catalog } as any;
    source.catalog.queryEntities = () => Promise.reject(new Error('catalog down'));
    source.catalog.getEntitiesByRefs = () => Promise.reject(new Error('catalog down'));
    const waits: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      now += shared.status().retryInMs + 10_000;
      expect(await shared.state()).toBe(first); // answers keep coming from the last state
      for (let i = 0; i < 5; i++) await flush();
      // Asked again at once: no new attempt while backing off.
      const failures = shared.status().failures;
      await shared.state();
      await flush();
      expect(shared.status().failures).toBe(failures);
      waits.push(shared.status().retryInMs);
    }
    expect(waits).toEqual([20_000, 40_000, 60_000, 60_000, 60_000, 60_000]);
    expect(shared.status()).toMatchObject({ stale: true, failures: 6 });
    expect(logger.warn).toHaveBeenCalledTimes(1);

    Object.assign(source.catalog, broken);
    now += 60_000;
    await shared.state();
    for (let i = 0; i < 5; i++) await flush();
    expect(shared.status()).toMatchObject({ stale: false, failures: 0, retryInMs: 0 });
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
