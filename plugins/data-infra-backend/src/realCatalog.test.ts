import { mockCredentials } from '@backstage/backend-test-utils';
import { createCatalogConditionalDecision, catalogConditions } from '@backstage/plugin-catalog-backend/alpha';
import { AuthorizeResult, isResourcePermission } from '@backstage/plugin-permission-common';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import request from 'supertest';
import { seedEntities } from './__testUtils__/seedCatalog';
import { declaredDataInfraRefs, declaredNames, startRealBackend } from './__testUtils__/startRealBackend';

jest.setTimeout(180_000);

const allowAll: PermissionPolicy = {
  async handle() {
    return { result: AuthorizeResult.ALLOW };
  },
};

/** Users may read everything in the catalog except the ZooKeeper DataService. */
const hideZookeeper: PermissionPolicy = {
  async handle(req) {
    if (isResourcePermission(req.permission, 'catalog-entity') && req.permission.attributes.action === 'read') {
      return createCatalogConditionalDecision(req.permission, {
        not: catalogConditions.hasMetadata({ key: 'name', value: 'zookeeper' }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  },
};

/** Users may read everything except Priya Raman's User entity and the Data Engineering rotation. */
const hidePriyaAndDataEngineering: PermissionPolicy = {
  async handle(req) {
    if (isResourcePermission(req.permission, 'catalog-entity') && req.permission.attributes.action === 'read') {
      return createCatalogConditionalDecision(req.permission, {
        not: {
          anyOf: [
            catalogConditions.hasMetadata({ key: 'name', value: 'priya.raman' }),
            catalogConditions.hasMetadata({ key: 'name', value: 'data-engineering-oncall' }),
          ],
        },
      });
    }
    return { result: AuthorizeResult.ALLOW };
  },
};

/** The seed's DataServices: ref, title, domain (their owner's), lifecycle, tier and dependencies (refs). */
function seedServices() {
  const entities = seedEntities();
  const domainOf = new Map(
    entities.filter(e => e.kind === 'Subteam').map(e => [`subteam:default/${e.metadata.name}`, (e.spec as any).domain as string]),
  );
  return entities
    .filter(e => e.kind === 'DataService')
    .map(e => {
      const spec = e.spec as any;
      return {
        ref: `dataservice:default/${e.metadata.name}`,
        title: e.metadata.title ?? e.metadata.name,
        domain: domainOf.get(spec.owner)!,
        lifecycle: spec.lifecycle as string,
        tier: spec.tier as number | undefined,
        dependsOn: (spec.dependsOn ?? []) as string[],
      };
    });
}

const user = mockCredentials.user.header('user:default/lukas.weber');
/** Wednesday 4 March 2026, 12:00 UTC (Berlin is on CET, +01:00, until 29 March). */
const AT = '2026-03-04T12:00:00Z';

describe('over the seeded catalog, with the real catalog backend', () => {
  let backend: Awaited<ReturnType<typeof startRealBackend>>;
  beforeAll(async () => {
    backend = await startRealBackend(allowAll);
  });
  afterAll(() => backend?.stop());
  const get = (path: string) => request(backend.server).get(`/api/data-infra${path}`).set('Authorization', user);

  it("names Kafka's escalation: the Data Platform primary, the secondary after 10 minutes, then the lead", async () => {
    const res = await get(`/escalation?entityRef=dataservice:default/kafka&at=${AT}`);
    expect(res.status).toBe(200);
    // data-platform-oncall hands off weekly on Mondays 09:00 Berlin from
    // 5 January 2026; by 4 March there were 9 hand-offs (the last on 2 March,
    // 08:00Z), so primary = participants[(9-1) mod 2] = lukas.weber and
    // secondary = participants[9 mod 2] = priya.raman. No override applies.
    expect(res.body.levels.map((l: any) => ({ afterMs: l.afterMs, people: l.people.map((p: any) => p.ref) }))).toEqual([
      { afterMs: 0, people: ['user:default/lukas.weber'] },
      { afterMs: 10 * 60_000, people: ['user:default/priya.raman'] },
      { afterMs: 30 * 60_000, people: ['user:default/samira.haddad'] },
    ]);
    expect(res.body.levels[0]).toMatchObject({ via: 'rotation', role: 'primary', targetTitle: 'Data Platform on-call' });
    expect(res.body.levels[0].people[0]).toMatchObject({
      displayName: 'Lukas Weber',
      from: '2026-03-02T08:00:00Z',
      until: '2026-03-09T08:00:00Z',
    });
    expect(res.body.levels[2].people[0].displayName).toBe('Samira Haddad');
    expect(res.body.inherited).toBe(false);
    expect(res.body.repeat).toBe(2);
    // Kafka's dependencies exist; the path's findings must not say otherwise
    // although /escalation only gathers the path's neighbourhood.
    expect(res.body.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
  });

  it('lists who is on call in both seeded rotations', async () => {
    const res = await get(`/oncall?at=${AT}`);
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const platform = res.body.rotations.find((r: any) => r.rotation.ref === 'rotation:default/data-platform-oncall');
    expect(res.body.rotations.map((r: any) => r.rotation.ref).sort()).toEqual([
      'rotation:default/data-engineering-oncall',
      'rotation:default/data-platform-oncall',
    ]);
    expect(platform.owner).toEqual({ ref: 'subteam:default/data-platform', title: 'Data Platform' });
    expect(platform.onCall.map((o: any) => [o.role, o.user.displayName])).toEqual([
      ['primary', 'Lukas Weber'],
      ['secondary', 'Priya Raman'],
    ]);
  });

  it('maps the four domains in order, each counting exactly the services it declares, listed by /services?domain=', async () => {
    const res = await get(`/map?at=${AT}`);
    expect(res.status).toBe(200);
    expect(res.body.domains.map((d: any) => d.title)).toEqual([
      'Data Platform',
      'Data Engineering',
      'MLOps',
      'BI Services',
    ]);
    for (const domain of res.body.domains) {
      const declared = declaredNames(`services/${domain.id}.yaml`, 'DataService').map(n => `dataservice:default/${n}`);
      expect([domain.id, domain.serviceCount]).toEqual([domain.id, declared.length]);
      const tiles = await get(`/services?domain=${domain.id}&limit=200`);
      expect(tiles.status).toBe(200);
      expect(tiles.body.totalItems).toBe(declared.length);
      expect(tiles.body.items.map((s: any) => s.ref).sort()).toEqual(declared.sort());
      expect(tiles.body.items.every((s: any) => s.domain === domain.id)).toBe(true);
      expect(domain.subteams.map((s: any) => s.ref)).toEqual([`subteam:default/${domain.id}`]);
      expect(domain.subteamCount).toBe(1);
      const subteams = await get(`/map/subteams?domain=${domain.id}&at=${AT}`);
      expect(subteams.body).toEqual({ at: AT, items: domain.subteams, totalItems: 1 });
    }
    const services = seedServices();
    expect(res.body.totals.services).toBe(declaredDataInfraRefs().filter(r => r.startsWith('dataservice:')).length);
    expect(res.body.totals.services).toBe(services.length);
    expect(res.body.totals.rotations).toBe(2);
    expect(res.body.filters).toEqual({
      tiers: [...new Set(services.map(s => s.tier).filter(t => t !== undefined))].sort(),
      lifecycles: ['experimental', 'production'],
    });
    // The summary names no service.
    expect(JSON.stringify(res.body)).not.toContain('dataservice:');
  });

  it("lists every service's dependencies on other domains' services, both ways, and none within its domain", async () => {
    const services = seedServices();
    const byRef = new Map(services.map(s => [s.ref, s]));
    const dependency = (ref: string) => ({ ref, title: byRef.get(ref)!.title, domain: byRef.get(ref)!.domain });
    let crossDomain = 0;
    for (const service of services) {
      const dependsOn = service.dependsOn.filter(d => byRef.get(d)!.domain !== service.domain).sort();
      const usedBy = services
        .filter(s => s.domain !== service.domain && s.dependsOn.includes(service.ref))
        .map(s => s.ref)
        .sort();
      crossDomain += dependsOn.length;
      const res = await get(`/map/dependencies?entityRef=${service.ref}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ref: service.ref,
        dependsOn: dependsOn.map(dependency),
        dependsOnCount: dependsOn.length,
        usedBy: usedBy.map(dependency),
        usedByCount: usedBy.length,
      });
    }
    // The seed has dependencies across domains, and within them.
    expect(crossDomain).toBeGreaterThan(5);
    expect(services.some(s => s.dependsOn.some(d => byRef.get(d)!.domain === s.domain))).toBe(true);
    // Kafka feeds Data Engineering's ingestion.
    const kafka = (await get('/map/dependencies?entityRef=dataservice:default/kafka')).body;
    expect(kafka.usedBy.map((d: any) => d.domain)).toContain('data-engineering');
    expect((await get('/map/dependencies?entityRef=dataservice:default/nope')).status).toBe(404);
  });

  it('filters /services by lifecycle: the experimental services are exactly those declared so', async () => {
    const experimental = seedServices().filter(s => s.lifecycle === 'experimental').map(s => s.ref).sort();
    expect(experimental.length).toBeGreaterThan(0);
    const res = await get('/services?lifecycle=experimental&limit=200');
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: any) => s.ref).sort()).toEqual(experimental);
    expect(res.body.totalItems).toBe(experimental.length);
    const production = await get('/services?lifecycle=production&limit=200');
    expect(production.body.totalItems).toBe(seedServices().length - experimental.length);
  });

  it('pages through every service exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await get(`/services?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((s: any) => s.ref));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    const declared = declaredDataInfraRefs().filter(r => r.startsWith('dataservice:'));
    expect(seen.sort()).toEqual(declared);
    expect(pages).toBe(Math.ceil(declared.length / 7));
  });

  it('reports the gaps of the seeded catalog, with no errors', async () => {
    const res = await get('/checks?flat=true');
    expect(res.status).toBe(200);
    expect(res.body.findings.length).toBeGreaterThan(0);
    expect(res.body.findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    // MLOps has no rotation: its tier-1 or 24x7 services have no cover.
    expect(res.body.findings.some((f: any) => /^dataservice:default\//.test(f.entityRef) &&
      declaredNames('services/mlops.yaml', 'DataService').includes(f.entityRef.split('/')[1]))).toBe(true);
  });

  it("says once that MLOps has no rotation, with each of its services listed once", async () => {
    const mlopsServices = declaredNames('services/mlops.yaml', 'DataService').map(n => `dataservice:default/${n}`).sort();
    for (const path of ['/checks', '/checks?entityRef=subteam:default/mlops']) {
      const res = await get(path);
      const noRotation = res.body.groups.filter(
        (g: any) => g.check === 'owner-without-rotation' && g.subjectRef === 'subteam:default/mlops',
      );
      expect(noRotation).toHaveLength(1);
      expect(noRotation[0].message).toMatch(
        new RegExp(`^MLOps has no Rotation: ${mlopsServices.length} services have nobody on call`),
      );
      expect(noRotation[0].affected).toEqual(mlopsServices);
    }
  });

  it('answers the on-call page in one request: the primaries of Data Platform and Data Engineering, how to page, runbooks', async () => {
    const res = await get(`/oncall/subteams?at=${AT}`);
    expect(res.status).toBe(200);
    expect(res.body.subteams.map((s: any) => s.title)).toEqual(['Data Platform', 'Data Engineering', 'MLOps', 'BI Services']);
    const [platform, engineering, mlops] = res.body.subteams;
    const primary = (s: any) => s.rotations[0].onCall.find((o: any) => o.role === 'primary').user.displayName;
    expect(primary(platform)).toBe('Lukas Weber');
    expect(['Diego Alvarez', 'Mei Chen']).toContain(primary(engineering));
    expect(platform.contact.pager).toBe('https://pager.example.com/services/data-platform');
    expect(platform.handles.length).toBeGreaterThan(0);
    expect(platform.runbooks.map((r: any) => r.title)).toContain('Apache Kafka');
    expect(mlops.rotations).toEqual([]);
    expect(mlops.escalation.levels.length).toBeGreaterThan(0);
  });
});

describe('a user who may not read one DataService', () => {
  let backend: Awaited<ReturnType<typeof startRealBackend>>;
  beforeAll(async () => {
    backend = await startRealBackend(hideZookeeper);
  });
  afterAll(() => backend?.stop());
  const get = (path: string) => request(backend.server).get(`/api/data-infra${path}`).set('Authorization', user);
  const ZK = 'dataservice:default/zookeeper';

  it('gets 404 for it on /escalation, /checks and /sla', async () => {
    expect((await get(`/escalation?entityRef=${ZK}`)).status).toBe(404);
    expect((await get(`/checks?entityRef=${ZK}`)).status).toBe(404);
    expect((await get(`/sla?entityRef=${ZK}`)).status).toBe(404);
    // Its neighbour stays readable.
    expect((await get('/escalation?entityRef=dataservice:default/kafka')).status).toBe(200);
    expect((await get('/sla?entityRef=dataservice:default/kafka')).status).toBe(200);
  });

  it('never sees it inside /services, /map, /oncall or /checks', async () => {
    const services = await get('/services?limit=200');
    expect(services.body.items.map((s: any) => s.ref)).not.toContain(ZK);
    expect(services.body.totalItems).toBe(declaredDataInfraRefs().filter(r => r.startsWith('dataservice:')).length - 1);
    expect((await get('/services?q=zookeeper')).body.items).toEqual([]);

    const map = await get(`/map?at=${AT}`);
    expect(map.status).toBe(200);
    const declared = declaredNames('services/data-platform.yaml', 'DataService');
    expect(declared).toContain('zookeeper');
    expect(map.body.domains[0]).toMatchObject({ id: 'data-platform', serviceCount: declared.length - 1 });
    expect(map.body.totals.services).toBe(declaredDataInfraRefs().filter(r => r.startsWith('dataservice:')).length - 1);
    expect(JSON.stringify(map.body)).not.toContain('zookeeper');
    const tiles = await get('/services?domain=data-platform&limit=200');
    expect(tiles.body.items.map((s: any) => s.ref)).not.toContain(ZK);
    expect(tiles.body.totalItems).toBe(declared.length - 1);
    // Not on this user's map: no dependencies of it, nor on it.
    expect((await get(`/map/dependencies?entityRef=${ZK}`)).status).toBe(404);
    for (const name of declared.filter(n => n !== 'zookeeper')) {
      const deps = await get(`/map/dependencies?entityRef=dataservice:default/${name}`);
      expect(deps.status).toBe(200);
      expect(JSON.stringify(deps.body)).not.toContain('zookeeper');
    }
    const subteams = await get(`/map/subteams?domain=data-platform&at=${AT}`);
    expect(JSON.stringify(subteams.body)).not.toContain('zookeeper');

    const checks = await get('/checks?flat=true');
    expect(checks.body.findings.some((f: any) => f.entityRef === ZK)).toBe(false);
    const groups = await get('/checks');
    for (const group of groups.body.groups) {
      expect([group.subjectRef, ...group.affected]).not.toContain(ZK);
    }
    const board = await get(`/oncall/subteams?at=${AT}`);
    expect(JSON.stringify(board.body)).not.toContain('zookeeper');

    const oncall = await get(`/oncall?at=${AT}`);
    expect(JSON.stringify(oncall.body)).not.toContain('zookeeper');
  });
});

describe('a calendar subscription made by a user who may not read everything', () => {
  let backend: Awaited<ReturnType<typeof startRealBackend>>;
  beforeAll(async () => {
    backend = await startRealBackend(hidePriyaAndDataEngineering);
  });
  afterAll(() => backend?.stop());
  const subscription = (rotation: string) => `/api/data-infra/rotations/default/${rotation}/calendar-subscription`;

  it('shows in its feed, fetched with no token, only what the user could read when subscribing', async () => {
    // A rotation the user cannot read cannot be subscribed to.
    const hidden = await request(backend.server).post(subscription('data-engineering-oncall')).set('Authorization', user);
    expect(hidden.status).toBe(404);

    const made = await request(backend.server).post(subscription('data-platform-oncall')).set('Authorization', user);
    expect(made.status).toBe(201);
    // The feed is read with the plugin's own credentials, which may read
    // Priya; the link still only names whom its maker could read.
    const feed = await request(backend.server).get(new URL(made.body.https).pathname);
    expect(feed.status).toBe(200);
    const summaries = [...feed.text.matchAll(/^SUMMARY:(.*)\r$/gm)].map(m => m[1]);
    expect(summaries.some(s => s.includes('Lukas Weber'))).toBe(true);
    expect(summaries.some(s => s.includes('priya.raman'))).toBe(true);
    expect(feed.text).not.toContain('Priya Raman');
    // The same as the user's own authenticated feed.
    const own = await request(backend.server)
      .get('/api/data-infra/rotations/default/data-platform-oncall/calendar.ics')
      .set('Authorization', user);
    expect([...own.text.matchAll(/^SUMMARY:(.*)\r$/gm)].map(m => m[1])).toEqual(summaries);
    // Someone who may read everything (the plugin itself) names her.
    const service = await request(backend.server)
      .get('/api/data-infra/rotations/default/data-platform-oncall/calendar.ics')
      .set('Authorization', mockCredentials.service.header());
    expect(service.text).toContain('Priya Raman');
  });
});

describe('the rotation plan of a user who may not read everything', () => {
  let backend: Awaited<ReturnType<typeof startRealBackend>>;
  beforeAll(async () => {
    backend = await startRealBackend(hidePriyaAndDataEngineering);
  });
  afterAll(() => backend?.stop());
  const plan = async (authorization: string) => {
    const res = await request(backend.server).get('/api/data-infra/rotation-plan?at=2026-12-01T12:00:00Z').set('Authorization', authorization);
    expect(res.status).toBe(200);
    return res.body.subteams.find((s: any) => s.ref === 'subteam:default/data-platform');
  };

  it("lists the seed's Data Platform as due at once, naming only whom the caller may read", async () => {
    const platform = await plan(user);
    // Lukas joined on 2026-01-05 and Priya on 2026-02-16: both due (P9M).
    expect(platform.members.map((m: any) => [m.displayName, m.dueFrom, m.status])).toEqual([
      ['Lukas Weber', '2026-10-05', 'due'],
      ['user:default/priya.raman', '2026-11-16', 'due'],
    ]);
    expect(platform.after).toMatchObject({ remainingCount: 0, warning: 'loses-all-context' });
    // The plugin itself may read Priya's User entity.
    const asService = await plan(mockCredentials.service.header());
    expect(asService.members.map((m: any) => m.displayName)).toEqual(['Lukas Weber', 'Priya Raman']);
  });
});
