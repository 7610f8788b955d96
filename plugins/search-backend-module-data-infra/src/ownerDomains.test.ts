import { Entity } from '@backstage/catalog-model';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import type { IndexableDocument } from '@backstage/plugin-search-common';
import { OwnerDomainDecoratorFactory } from './ownerDomains';

const subteam = (name: string, domain: string, namespace = 'default'): Entity => ({
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Subteam',
  metadata: { name, namespace },
  spec: { domain },
});

/** A catalog document as our transformer makes it (domain '' for services and rotations). */
const doc = (kind: string, name: string, owner: string, namespace = 'default'): IndexableDocument =>
  ({ title: name, text: '', location: `/catalog/${namespace}/${kind.toLowerCase()}/${name}`, kind, owner, namespace, domain: '' }) as IndexableDocument;

/** A clock that only moves when the decorator sleeps. */
function fakeTime() {
  const time = { now: 0, slept: [] as number[] };
  return {
    time,
    now: () => time.now,
    sleep: async (ms: number) => {
      time.slept.push(ms);
      time.now += ms;
    },
  };
}

async function collate(factory: OwnerDomainDecoratorFactory, documents: IndexableDocument[]) {
  const result = await TestPipeline.fromDecorator(await factory.getDecorator()).withDocuments(documents).execute();
  if (result.error) throw result.error;
  return Object.fromEntries(result.documents.map(d => [d.title, (d as { domain?: string }).domain]));
}

const logger = { warn: jest.fn() } as any;

describe('OwnerDomainDecoratorFactory', () => {
  it("gives services and rotations their owner Subteam's domain, a short ref resolved in the document's namespace", async () => {
    const factory = new OwnerDomainDecoratorFactory({
      loadSubteams: async () => [subteam('mlops', 'mlops'), subteam('Platform-Team', 'data-platform'), subteam('stream-ops', 'data-engineering', 'team-b')],
      logger,
      ...fakeTime(),
    });
    const domains = await collate(factory, [
      doc('DataService', 'mlflow', 'subteam:default/mlops'),
      doc('DataService', 'kafka', 'Subteam:platform-team'),
      doc('DataService', 'feast', 'stream-ops', 'team-b'),
      doc('Rotation', 'platform-oncall', 'platform-team'),
    ]);
    expect(domains).toEqual({ mlflow: 'mlops', kafka: 'data-platform', feast: 'data-engineering', 'platform-oncall': 'data-platform' });
  });

  it('leaves other kinds alone, and gives an owner that is no Subteam an empty domain without waiting', async () => {
    const clock = fakeTime();
    const factory = new OwnerDomainDecoratorFactory({ loadSubteams: async () => [subteam('mlops', 'mlops')], logger, ...clock });
    const subteamDoc = { ...doc('Subteam', 'mlops', ''), domain: 'mlops' };
    const domains = await collate(factory, [
      subteamDoc,
      doc('Component', 'web', 'subteam:default/mlops'),
      doc('DataService', 'sre-tool', 'group:default/sre'),
      doc('DataService', 'orphan', ''),
    ]);
    expect(domains).toEqual({ mlops: 'mlops', web: '', 'sre-tool': '', orphan: '' });
    expect(clock.time.slept).toEqual([]);
  });

  it('reads the Subteams once per collation, so the next collation sees a Subteam added since', async () => {
    let catalog = [subteam('mlops', 'mlops')];
    const loadSubteams = jest.fn(async () => catalog);
    const factory = new OwnerDomainDecoratorFactory({ loadSubteams, logger, ...fakeTime() });
    const services = [doc('DataService', 'mlflow', 'mlops'), doc('DataService', 'feast', 'mlops')];
    expect(await collate(factory, services)).toEqual({ mlflow: 'mlops', feast: 'mlops' });
    expect(loadSubteams).toHaveBeenCalledTimes(1);
    catalog = [subteam('mlops', 'ml-platform')];
    expect(await collate(factory, services)).toEqual({ mlflow: 'ml-platform', feast: 'ml-platform' });
    expect(loadSubteams).toHaveBeenCalledTimes(2);
  });

  it('waits for a Subteam the catalog is still ingesting (a fresh instance), reloading every 2 s, at most 5 times', async () => {
    // The Subteam appears on the third load: the start, then two reloads.
    let loads = 0;
    const clock = fakeTime();
    const factory = new OwnerDomainDecoratorFactory({
      loadSubteams: async () => (++loads >= 3 ? [subteam('mlops', 'mlops')] : []),
      logger,
      ...clock,
    });
    const domains = await collate(factory, [doc('DataService', 'mlflow', 'mlops'), doc('Rotation', 'ml-oncall', 'mlops')]);
    expect(domains).toEqual({ mlflow: 'mlops', 'ml-oncall': 'mlops' });
    expect(loads).toBe(3);
    expect(clock.time.slept).toEqual([2_000, 2_000]);
  });

  it('gives up on an owner that never appears after 5 reloads, and does not wait for it in later collations', async () => {
    let catalog = [subteam('mlops', 'mlops')];
    const loadSubteams = jest.fn(async () => catalog);
    const clock = fakeTime();
    const factory = new OwnerDomainDecoratorFactory({ loadSubteams, logger, ...clock });
    const typo = [doc('DataService', 'typo', 'subteam:default/mlosp'), doc('DataService', 'typo-2', 'mlosp'), doc('DataService', 'mlflow', 'mlops')];
    expect(await collate(factory, typo)).toEqual({ typo: '', 'typo-2': '', mlflow: 'mlops' });
    expect(loadSubteams).toHaveBeenCalledTimes(6);
    expect(clock.time.slept).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);

    clock.time.slept = [];
    expect(await collate(factory, typo)).toEqual({ typo: '', 'typo-2': '', mlflow: 'mlops' });
    expect(loadSubteams).toHaveBeenCalledTimes(7);
    expect(clock.time.slept).toEqual([]);

    // Once the owner exists, the next collation has it.
    catalog = [...catalog, subteam('mlosp', 'mlops')];
    expect(await collate(factory, typo)).toEqual({ typo: 'mlops', 'typo-2': 'mlops', mlflow: 'mlops' });
  });

  it('fails the collation when the Subteams cannot be read at its start (the previous index stays), and goes on without domains when a reload fails', async () => {
    const failing = new OwnerDomainDecoratorFactory({
      loadSubteams: async () => {
        throw new Error('catalog down');
      },
      logger,
      ...fakeTime(),
    });
    await expect(collate(failing, [doc('DataService', 'mlflow', 'mlops')])).rejects.toThrow('catalog down');

    let loads = 0;
    const warn = jest.fn();
    const flaky = new OwnerDomainDecoratorFactory({
      loadSubteams: async () => {
        if (++loads > 1) throw new Error('catalog down');
        return [subteam('mlops', 'mlops')];
      },
      logger: { warn } as any,
      ...fakeTime(),
    });
    expect(await collate(flaky, [doc('DataService', 'new', 'newteam'), doc('DataService', 'mlflow', 'mlops')])).toEqual({ new: '', mlflow: 'mlops' });
    expect(loads).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('catalog down'));
  });
});

describe('the first collation of a process', () => {
  it('waits until the catalog has stopped growing (same count for 4 s), then starts; later collations do not wait', async () => {
    const clock = fakeTime();
    // A fresh instance: the catalog is empty, ingests for a while, then holds 120 entities.
    const counts = [0, 0, 18, 60, 119, 120];
    let polls = 0;
    const countEntities = jest.fn(async (): Promise<number> => counts[Math.min(polls++, counts.length - 1)]);
    const factory = new OwnerDomainDecoratorFactory({ loadSubteams: async () => [], countEntities, logger, ...clock });
    await factory.getDecorator();
    // Polled every second: five changes, then 120 four times more (4 s unchanged).
    expect(countEntities).toHaveBeenCalledTimes(10);
    expect(clock.time.now).toBe(9_000);
    await factory.getDecorator();
    expect(countEntities).toHaveBeenCalledTimes(10);
  });

  it('waits at most 60 s, and not at all when the count cannot be read', async () => {
    const warn = jest.fn();
    const clock = fakeTime();
    let n = 0;
    const growing = new OwnerDomainDecoratorFactory({ loadSubteams: async () => [], countEntities: async () => ++n, logger: { warn } as any, ...clock });
    await growing.getDecorator();
    expect(clock.time.now).toBe(60_000);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('still changing'));

    const failing = new OwnerDomainDecoratorFactory({
      loadSubteams: async () => [],
      countEntities: async () => {
        throw new Error('catalog down');
      },
      logger: { warn } as any,
      ...fakeTime(),
    });
    await expect(failing.getDecorator()).resolves.toBeDefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('catalog down'));
  });
});
