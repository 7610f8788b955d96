import { mockCredentials } from '@backstage/backend-test-utils';
import { createCatalogConditionalDecision, catalogConditions } from '@backstage/plugin-catalog-backend/alpha';
import { AuthorizeResult, isResourcePermission } from '@backstage/plugin-permission-common';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import request from 'supertest';
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

  it('maps the four domains in order with exactly the services each declares', async () => {
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
      expect(domain.services.map((s: any) => s.ref).sort()).toEqual(declared.sort());
      expect(domain.subteams.map((s: any) => s.ref)).toEqual([`subteam:default/${domain.id}`]);
    }
    expect(res.body.totals.services).toBe(declaredDataInfraRefs().filter(r => r.startsWith('dataservice:')).length);
    expect(res.body.totals.rotations).toBe(2);
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
    const mapped = map.body.domains.flatMap((d: any) => d.services.map((s: any) => s.ref));
    expect(mapped).not.toContain(ZK);
    expect(mapped.length).toBeGreaterThan(0);
    expect(map.body.crossDomainEdges.some((e: any) => e.from === ZK || e.to === ZK)).toBe(false);

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
