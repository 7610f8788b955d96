import path from 'node:path';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleDataInfra from '@data-infra/backstage-plugin-catalog-backend-module-data-infra';
import searchModuleDataInfra from './index';

jest.setTimeout(180_000);

const allYaml = path.resolve(__dirname, '../../../catalog-info/all.yaml');

interface Result {
  type: string;
  rank: number;
  document: {
    title: string;
    location: string;
    kind: string;
    tier?: number;
    owner?: string;
    domain?: string;
    availability?: number;
  };
}

/** The entity ref a result's location points at (/catalog/default/dataservice/kafka). */
function ref(r: Result): string {
  const [, , namespace, kind, name] = r.document.location.split('/');
  return `${kind}:${namespace}/${name}`;
}

describe('search over catalog-info/ with the data-infra module', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  /** A query as the search page's client sends it (filters as `filters[field]=value`). */
  async function search(term: string, filters: Record<string, string> = {}): Promise<Result[]> {
    const params = new URLSearchParams({ term, pageLimit: '100' });
    for (const [field, value] of Object.entries(filters)) {
      params.append(`filters[${field}]`, value);
    }
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/search/query?${params}`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    if (!res.ok) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    return (await res.json()).results;
  }

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        // The mock scheduler runs each task once at startup, before the
        // catalog has any entity; the real one repeats the collation.
        schedulerServiceFactory,
        catalogPlugin,
        catalogModuleDataInfra,
        searchPlugin,
        searchModuleCatalogCollator,
        searchModuleDataInfra,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'API', 'Location', 'User', 'Group', 'Subteam', 'DataService', 'Rotation', 'Template'] }],
              locations: [{ type: 'file', target: allYaml }],
              processingInterval: { seconds: 1 },
            },
            search: {
              collators: {
                catalog: {
                  schedule: {
                    frequency: { seconds: 2 },
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    // The collator reruns every 2s; wait until a run has seen the whole
    // catalog, i.e. the last service of all.yaml and a rotation are found,
    // with the domains of their owner subteams (the module loads the
    // Subteams itself, from the catalog).
    const deadline = Date.now() + 120_000;
    let last = '';
    for (;;) {
      try {
        const services = await search('wide-table-generator');
        const rotations = await search('lukas.weber');
        last = `${services.map(ref).join(', ')} / ${rotations.map(ref).join(', ')}`;
        if (
          services.some(
            r =>
              ref(r) === 'dataservice:default/wide-table-generator' &&
              r.document.domain === 'bi-services',
          ) &&
          rotations.some(r => r.document.kind === 'Rotation' && r.document.domain)
        ) {
          break;
        }
      } catch (e) {
        last = String(e);
      }
      if (Date.now() > deadline) throw new Error(`the search index never answered: ${last}`);
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    // One more collation after the catalog has settled, so every entity is in.
    await new Promise(resolve => setTimeout(resolve, 4_000));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('finds the Kafka DataService first for "kafka"', async () => {
    const results = await search('kafka');
    expect(ref(results[0])).toBe('dataservice:default/kafka');
    expect(results[0].document).toMatchObject({
      title: 'Apache Kafka',
      kind: 'DataService',
      tier: 1,
      owner: 'subteam:default/data-platform',
    });
    // The text a result shows is the description; the other fields it was
    // found by are in keywords, searchable but not shown.
    const described = (results[0].document as any).text;
    expect(described).not.toContain(' : ');
    expect(described.length).toBeGreaterThan(10);
    expect((results[0].document as any).keywords).toContain('Apache Kafka');
  });

  it.each(['debezium', 'change data capture'])(
    'finds the CDC ingestion service first for "%s"',
    async term => {
      const results = await search(term);
      expect(ref(results[0])).toBe('dataservice:default/cdc-ingestion');
    },
  );

  it('finds the MLOps subteam and its services for "mlops"', async () => {
    const results = await search('mlops');
    const top = results.slice(0, 10).map(ref);
    expect(top).toContain('subteam:default/mlops');
    const mlopsServices = results.filter(r => r.document.owner === 'subteam:default/mlops');
    expect(mlopsServices.length).toBeGreaterThanOrEqual(10);
    // Everything ranked among the first ten belongs to MLOps.
    for (const r of results.slice(0, 10)) {
      expect([r.document.owner, ref(r)]).toEqual(
        expect.arrayContaining([expect.stringMatching(/mlops/)]),
      );
    }
  });

  describe('the domain filter', () => {
    /**
     * The search as soon as `ready` holds, within 20 s. The catalog here
     * re-processes every second, and a collation (every 2 s) that reads the
     * Subteams while one is being re-stitched indexes its services without
     * a domain until the next one; a reader sees the same.
     */
    async function searchUntil(
      term: string,
      filters: Record<string, string>,
      ready: (results: Result[]) => boolean,
    ): Promise<Result[]> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const results = await search(term, filters);
        if (ready(results) || Date.now() > deadline) return results;
        await new Promise(resolve => setTimeout(resolve, 500));
      }
    }

    it('returns only MLOps documents for { domain: "mlops" }: the subteam and all its services', async () => {
      const results = await searchUntil('', { domain: 'mlops' }, r => r.length >= 17);
      const refs = results.map(ref);
      expect(refs).toContain('subteam:default/mlops');
      // All 16 services of catalog-info/services/mlops.yaml, e.g. Feast and MLflow.
      const services = results.filter(r => r.document.kind === 'DataService');
      expect(services).toHaveLength(16);
      expect(refs).toEqual(
        expect.arrayContaining(['dataservice:default/feast', 'dataservice:default/mlflow']),
      );
      for (const r of results) {
        expect(r.document.domain).toBe('mlops');
        expect([ref(r), r.document.owner]).toContain('subteam:default/mlops');
      }
      expect(results).toHaveLength(17);
    });

    it('combines with a term: "kafka" in Data Platform finds Kafka, in MLOps not', async () => {
      const platform = await search('kafka', { domain: 'data-platform' });
      expect(ref(platform[0])).toBe('dataservice:default/kafka');
      expect(platform.every(r => r.document.domain === 'data-platform')).toBe(true);
      const mlops = await search('kafka', { domain: 'mlops' });
      expect(mlops.map(ref)).not.toContain('dataservice:default/kafka');
      expect(mlops.every(r => r.document.domain === 'mlops')).toBe(true);
    });

    it('gives a rotation its subteam’s domain', async () => {
      const results = await searchUntil('', { domain: 'data-platform' }, r =>
        r.some(x => ref(x) === 'dataservice:default/kafka'),
      );
      expect(results.map(ref)).toEqual(
        expect.arrayContaining([
          'rotation:default/data-platform-oncall',
          'subteam:default/data-platform',
          'dataservice:default/kafka',
        ]),
      );
      expect(results.map(ref)).not.toContain('rotation:default/data-engineering-oncall');
    });

    it('does not throw on the Lunr engine for any configured domain, nor for an unknown one', async () => {
      for (const domain of ['data-platform', 'data-engineering', 'mlops', 'bi-services']) {
        const results = await search('', { domain });
        expect(results.length).toBeGreaterThan(0);
      }
      await expect(search('kafka', { domain: 'no-such-domain' })).resolves.toEqual([]);
    });

    it('carries the availability of a service in its document', async () => {
      const kafka = (await search('kafka'))[0];
      expect(kafka.document).toMatchObject({ domain: 'data-platform', availability: 99.95 });
    });
  });

  it('finds a subteam by a handled problem and by a member', async () => {
    expect((await search('feature drift')).slice(0, 3).map(ref)).toContain('subteam:default/mlops');
    expect((await search('tomasz')).slice(0, 3).map(ref)).toContain('subteam:default/mlops');
  });

  it('finds a rotation by its participants', async () => {
    const results = await search('priya raman');
    expect(results.slice(0, 3).map(ref)).toContain('rotation:default/data-platform-oncall');
  });

  // Backstage's Lunr engine does not parse Lunr query syntax: it splits the
  // term into tokens on anything but letters and digits, and queries each
  // token three ways (stemmed exact match x100, prefix x10, edit distance 2
  // x1). See the README.
  describe('misspellings', () => {
    it('finds by prefix: "debez" → the CDC ingestion service', async () => {
      expect(ref((await search('debez'))[0])).toBe('dataservice:default/cdc-ingestion');
    });

    it('finds Kafka first for the plain misspelling "kafak" (edit distance 2 is built in)', async () => {
      const plain = await search('kafak');
      expect(ref(plain[0])).toBe('dataservice:default/kafka');
      // The same documents as for the correct spelling, in the same order.
      expect(plain.map(ref)).toEqual((await search('kafka')).map(ref));
    });

    it('treats "kafak~1" as the tokens "kafak" and "1": Kafka is found, not necessarily first', async () => {
      const fuzzy = await search('kafak~1');
      const refs = fuzzy.map(ref);
      expect(refs).toContain('dataservice:default/kafka');
      // "1" (with its own edit distance 2) matches "tier 1" and every short
      // token, so unrelated services come back too and can outrank Kafka.
      expect(refs.length).toBeGreaterThan((await search('kafak')).length);
      expect(refs.slice(0, 10)).toContain('dataservice:default/kafka');
    });
  });
});
