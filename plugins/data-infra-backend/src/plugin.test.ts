import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  checkCatalog,
  FindingSeverity,
  formatInstant,
  MAP_SUBTEAMS_PREVIEW,
  nextHandoff,
  onCallAt,
  parseInstant,
  RotationEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import { dataInfraPlugin } from './plugin';
import { readDataInfraConfig } from './config';
import { extraServices, extraSubteams, FIXTURE_AT, fixtureEntities } from './__testUtils__/fixtures';

const HOUR = 3_600_000;
/** Before the platform rotation's first shift (5 January 2026): nobody holds it. */
const BEFORE_ROTATION = '2025-12-01T10:30:00Z';

/** The domain of each subteam, rotation and service of the fixture catalog. */
const FIXTURE_DOMAINS: Record<string, string> = {
  'subteam:default/platform': 'data-platform',
  'rotation:default/platform-oncall': 'data-platform',
  'dataservice:default/kafka': 'data-platform',
  'dataservice:default/zookeeper': 'data-platform',
  'subteam:default/bi': 'bi-services',
  'dataservice:default/superset': 'bi-services',
};

/**
 * What the common checks find in the fixture catalog for the hour
 * containing `at`, by severity: in all, and about each domain's entities.
 */
function findingsForHourOf(at: string) {
  const zero = (): Record<FindingSeverity, number> => ({ error: 0, warning: 0, info: 0 });
  const totals = zero();
  const byDomain: Record<string, Record<FindingSeverity, number>> = {
    'data-platform': zero(),
    'data-engineering': zero(),
    mlops: zero(),
    'bi-services': zero(),
  };
  for (const finding of checkCatalog(fixtureEntities, { now: Math.floor(parseInstant(at)! / HOUR) * HOUR })) {
    totals[finding.severity] += 1;
    const domain = FIXTURE_DOMAINS[finding.entityRef.toLocaleLowerCase('en-US')];
    if (domain) byDomain[domain][finding.severity] += 1;
  }
  return { totals, byDomain };
}

async function start(options?: { entities?: Entity[]; config?: object }) {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities: options?.entities ?? fixtureEntities }),
      mockServices.rootConfig.factory({ data: options?.config ?? {} }),
    ],
  });
  return server;
}

describe('data-infra backend plugin (fixture catalog)', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });

  it('GET /oncall and /map stay exact when one backend is asked about many instants in any order', async () => {
    // The backend reuses on-call answers, next hand-offs and the map's body
    // for every instant inside their intervals; asking back and forth across
    // hand-offs (and the DST change on 29 March) must still give what the
    // common package computes for each instant.
    const rotation = fixtureEntities.find(e => e.kind === 'Rotation') as RotationEntityV1alpha1;
    const first = Date.parse('2026-03-01T00:00:00Z');
    const instants = Array.from({ length: 40 }, (_, i) => first + i * 17 * 3_600_000 + 1000);
    for (const at of [...instants, ...instants.slice().reverse()]) {
      const iso = formatInstant(at);
      const expected = onCallAt(rotation, at).map(a => [
        a.role,
        a.user,
        formatInstant(a.from),
        a.until === null ? null : formatInstant(a.until),
      ]);
      const res = await request(server).get(`/api/data-infra/oncall?at=${iso}`);
      const answer = res.body.rotations.find((r: any) => r.rotation.ref === 'rotation:default/platform-oncall');
      expect(answer.onCall.map((o: any) => [o.role, o.user.ref, o.from, o.until])).toEqual(expected);
      expect(answer.nextHandoff).toBe(formatInstant(nextHandoff(rotation, at)!));
      const map = await request(server).get(`/api/data-infra/map?at=${iso}`).set('Accept-Encoding', 'gzip');
      expect(map.body.at).toBe(iso);
      const onMap = map.body.domains[0].subteams[0].rotations[0];
      expect(onMap.onCall.map((o: any) => [o.role, o.user.ref, o.from, o.until])).toEqual(expected);
      const page = await request(server).get(`/api/data-infra/map/subteams?domain=data-platform&at=${iso}`);
      expect(page.body.at).toBe(iso);
      const onPage = page.body.items[0].rotations[0];
      expect(onPage.onCall.map((o: any) => [o.role, o.user.ref, o.from, o.until])).toEqual(expected);
    }
  });

  it('GET /oncall names who holds each role, from the hand-off until the next', async () => {
    const res = await request(server).get(`/api/data-infra/oncall?at=${FIXTURE_AT}`);
    expect(res.status).toBe(200);
    expect(res.body.at).toBe(FIXTURE_AT);
    // 2 March 2026 09:00 in Berlin (CET, +01:00) is the 9th hand-off: k = 9,
    // primary = participants[8 mod 2] = alice, secondary = bob.
    expect(res.body.rotations).toEqual([
      {
        rotation: { ref: 'rotation:default/platform-oncall', title: 'Platform on-call', timezone: 'Europe/Berlin' },
        owner: { ref: 'subteam:default/platform', title: 'Platform' },
        at: FIXTURE_AT,
        onCall: [
          {
            role: 'primary',
            user: { ref: 'user:default/alice', displayName: 'Alice Adams', email: 'alice@example.com' },
            from: '2026-03-02T08:00:00Z',
            until: '2026-03-09T08:00:00Z',
          },
          {
            role: 'secondary',
            user: { ref: 'user:default/bob', displayName: 'Bob Brown', email: 'bob@example.com' },
            from: '2026-03-02T08:00:00Z',
            until: '2026-03-09T08:00:00Z',
          },
        ],
        nextHandoff: '2026-03-09T08:00:00Z',
      },
    ]);
  });

  it('GET /escalation orders the levels of a service policy with delays and people', async () => {
    const res = await request(server).get(
      `/api/data-infra/escalation?entityRef=dataservice:default/kafka&at=${FIXTURE_AT}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'dataservice:default/kafka',
      at: FIXTURE_AT,
      inherited: false,
      firstReachableAfterMs: 0,
    });
    const levels = res.body.levels.map((l: any) => [l.afterMs, l.via, l.people.map((p: any) => p.displayName)]);
    expect(levels).toEqual([
      [0, 'rotation', ['Alice Adams']],
      [600_000, 'rotation', ['Bob Brown']],
      [1_800_000, 'user', ['Carol Chen']],
    ]);
    expect(res.body.levels[0]).toMatchObject({ role: 'primary', targetTitle: 'Platform on-call', reachable: true });
    expect(res.body.levels[2]).toMatchObject({ targetRef: 'user:default/carol', targetTitle: 'Carol Chen' });
  });

  it('GET /escalation resolves the inherited policy of the owner subteam', async () => {
    const res = await request(server).get(
      `/api/data-infra/escalation?entityRef=dataservice:default/zookeeper&at=${FIXTURE_AT}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.inherited).toBe(true);
    expect(res.body.policyRef).toBe('subteam:default/platform');
    expect(res.body.levels.map((l: any) => l.afterMs)).toEqual([0, 900_000]);
  });

  it('GET /escalation answers 404 for an unknown entity', async () => {
    const res = await request(server).get('/api/data-infra/escalation?entityRef=dataservice:default/nope');
    expect(res.status).toBe(404);
  });

  it('GET /rotations/:namespace/:name/shifts lists both roles per week, clipped to the window', async () => {
    const res = await request(server).get(
      '/api/data-infra/rotations/default/platform-oncall/shifts?from=2026-03-04T00:00:00Z&to=2026-03-16T08:00:00Z',
    );
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(
      res.body.shifts.map((s: any) => `${s.role} ${s.user.ref} ${s.start}–${s.end}`).sort(),
    ).toEqual([
      'primary user:default/alice 2026-03-04T00:00:00Z–2026-03-09T08:00:00Z',
      'primary user:default/bob 2026-03-09T08:00:00Z–2026-03-16T08:00:00Z',
      'secondary user:default/alice 2026-03-09T08:00:00Z–2026-03-16T08:00:00Z',
      'secondary user:default/bob 2026-03-04T00:00:00Z–2026-03-09T08:00:00Z',
    ]);
  });

  it('GET /rotations/.../shifts answers 404 for an unknown rotation', async () => {
    const res = await request(server).get('/api/data-infra/rotations/default/nope/shifts');
    expect(res.status).toBe(404);
  });

  it('GET /services pages through every service with an opaque cursor', async () => {
    const first = await request(server).get('/api/data-infra/services?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.totalItems).toBe(3);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await request(server).get(`/api/data-infra/services?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.nextCursor).toBeUndefined();
    const refs = [...first.body.items, ...second.body.items].map((s: any) => s.ref);
    expect(refs.sort()).toEqual([
      'dataservice:default/kafka',
      'dataservice:default/superset',
      'dataservice:default/zookeeper',
    ]);
  });

  it('GET /services describes a service: domain, owner, error budget and escalation summary', async () => {
    const res = await request(server).get('/api/data-infra/services?q=kafka');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      ref: 'dataservice:default/kafka',
      title: 'Apache Kafka',
      domain: 'data-platform',
      owner: { ref: 'subteam:default/platform', title: 'Platform' },
      tier: 1,
      // 0.1 % of 30 days is 43.2 minutes.
      errorBudgetMs: 43.2 * 60_000,
      contact: { chat: '#platform' },
      escalationSummary:
        'Platform on-call (primary) → 10m: Platform on-call (secondary) → 30m: Carol Chen',
    });
  });

  it('GET /services sorts on the server, pages by offset, and summarises each escalation path', async () => {
    const byTier = await request(server).get('/api/data-infra/services?sort=tier&order=desc');
    expect(byTier.body.items.map((s: any) => s.title)).toEqual(['Superset', 'Apache Kafka', 'ZooKeeper']);
    const second = await request(server).get('/api/data-infra/services?sort=title&limit=1&offset=1');
    expect(second.body.items.map((s: any) => s.title)).toEqual(['Superset']);
    expect(second.body.totalItems).toBe(3);
    // A cursor carries its order: the next page of a sorted list continues it.
    const first = await request(server).get('/api/data-infra/services?sort=title&order=desc&limit=2');
    const rest = await request(server).get(
      `/api/data-infra/services?sort=title&order=desc&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...rest.body.items].map((s: any) => s.title)).toEqual([
      'ZooKeeper',
      'Superset',
      'Apache Kafka',
    ]);
    const kafka = byTier.body.items[1];
    expect(kafka.escalation).toEqual({
      levels: 3,
      first: { targetTitle: 'Platform on-call', role: 'primary', afterMs: 0 },
      inherited: false,
      repeat: 0,
      gaps: null,
    });
    // Superset is tier 2 and not 24x7: not checked for gaps.
    const zookeeper = byTier.body.items[2];
    expect(zookeeper.escalation).toMatchObject({ levels: 2, inherited: true, gaps: null });
  });

  it.each([
    ['domain=bi-services', ['dataservice:default/superset']],
    ['tier=1', ['dataservice:default/kafka', 'dataservice:default/zookeeper']],
    ['owner=subteam:default/bi', ['dataservice:default/superset']],
    ['owner=platform&q=zoo', ['dataservice:default/zookeeper']],
  ])('GET /services?%s filters', async (query, expected) => {
    const res = await request(server).get(`/api/data-infra/services?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: any) => s.ref).sort()).toEqual(expected);
    expect(res.body.totalItems).toBe(expected.length);
  });

  it('GET /map and /oncall carry an ETag, and an unchanged answer is a 304', async () => {
    for (const path of [`/map?at=${FIXTURE_AT}`, `/oncall?at=${FIXTURE_AT}`]) {
      const first = await request(server).get(`/api/data-infra${path}`);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await request(server).get(`/api/data-infra${path}`).set('If-None-Match', first.headers.etag);
      expect(again.status).toBe(304);
      // Another instant is another answer.
      const later = await request(server).get(`/api/data-infra${path.replace(FIXTURE_AT, '2026-03-20T12:00:00Z')}`);
      expect(later.headers.etag).not.toBe(first.headers.etag);
    }
  });

  it('GET /services pages (the map\'s tiles) carry an ETag too, and an unchanged page is a 304', async () => {
    const path = '/api/data-infra/services?domain=data-platform&sort=title&limit=100';
    const first = await request(server).get(path).set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.body.items.length).toBeGreaterThan(0);
    const again = await request(server).get(path).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    const other = await request(server).get(path.replace('data-platform', 'mlops'));
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('GET /map sums each domain up: its subteams with who is on call, its counts, no services', async () => {
    const res = await request(server).get(`/api/data-infra/map?at=${FIXTURE_AT}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['at', 'domains', 'filters', 'measured', 'totals']);
    expect(res.body.domains.map((d: any) => d.id)).toEqual([
      'data-platform',
      'data-engineering',
      'mlops',
      'bi-services',
    ]);
    const [platform, engineering, mlops, bi] = res.body.domains;
    expect(platform).toMatchObject({ title: 'Data Platform', subteamCount: 1, serviceCount: 2 });
    expect(platform.subteams.map((s: any) => s.ref)).toEqual(['subteam:default/platform']);
    expect(platform.subteams[0]).toMatchObject({ title: 'Platform', handles: ['Kafka outages'], contact: { chat: '#platform' } });
    expect(platform.subteams[0].rotations[0].onCall.map((o: any) => o.user.ref)).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
    for (const empty of [engineering, mlops]) {
      expect(empty).toMatchObject({ subteams: [], subteamCount: 0, serviceCount: 0, findings: { error: 0, warning: 0, info: 0 } });
    }
    expect(bi).toMatchObject({ subteamCount: 1, serviceCount: 1 });
    expect(bi.subteams[0].rotations).toEqual([]);
    // BI's service has nobody on call: the domain says so in its counts.
    expect(bi.findings.warning).toBeGreaterThan(0);
    expect(res.body.filters).toEqual({ tiers: [1, 2], lifecycles: ['production'] });
    expect(res.body.measured).toBe(false);
    expect(res.body.totals).toMatchObject({ domains: 4, subteams: 2, services: 3, rotations: 1 });
    // The tiles are the rows of /services?domain=, as many as the summary counts.
    expect(JSON.stringify(res.body)).not.toContain('dataservice:');
    const tiles: Record<string, string[]> = {};
    for (const domain of res.body.domains) {
      const rows = await request(server).get(`/api/data-infra/services?domain=${domain.id}&limit=200`);
      expect(rows.status).toBe(200);
      expect(rows.body.totalItems).toBe(domain.serviceCount);
      tiles[domain.id] = rows.body.items.map((s: any) => s.ref).sort();
    }
    expect(tiles).toEqual({
      'data-platform': ['dataservice:default/kafka', 'dataservice:default/zookeeper'],
      'data-engineering': [],
      mlops: [],
      'bi-services': ['dataservice:default/superset'],
    });
  });

  it('GET /map/dependencies names the services of other domains a service depends on and is used by', async () => {
    const superset = await request(server).get('/api/data-infra/map/dependencies?entityRef=dataservice:default/superset');
    expect(superset.status).toBe(200);
    expect(superset.body).toEqual({
      ref: 'dataservice:default/superset',
      dependsOn: [{ ref: 'dataservice:default/kafka', title: 'Apache Kafka', domain: 'data-platform' }],
      dependsOnCount: 1,
      usedBy: [],
      usedByCount: 0,
    });
    // Refs are read like everywhere else: the kind may be left out, and case does not matter.
    const kafka = await request(server).get('/api/data-infra/map/dependencies?entityRef=Kafka');
    expect(kafka.body).toEqual({
      ref: 'dataservice:default/kafka',
      dependsOn: [],
      dependsOnCount: 0,
      usedBy: [{ ref: 'dataservice:default/superset', title: 'Superset', domain: 'bi-services' }],
      usedByCount: 1,
    });
    const zookeeper = await request(server).get('/api/data-infra/map/dependencies?entityRef=dataservice:default/zookeeper');
    expect(zookeeper.body).toMatchObject({ dependsOn: [], usedBy: [], dependsOnCount: 0, usedByCount: 0 });
    const unknown = await request(server).get('/api/data-infra/map/dependencies?entityRef=dataservice:default/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
  });

  it('GET /map?at= counts the findings for the hour of that instant, as the checks find them for it', async () => {
    const before = findingsForHourOf(BEFORE_ROTATION);
    const during = findingsForHourOf(FIXTURE_AT);
    // Before the platform rotation's first shift its policy reaches nobody:
    // the data platform has findings it does not have while the rotation runs.
    expect(before.byDomain['data-platform']).not.toEqual(during.byDomain['data-platform']);
    expect(before.totals).not.toEqual(during.totals);
    // Asked in either order, and at another second of the same hour.
    const lateInHour = (iso: string) => formatInstant(Math.floor(Date.parse(iso) / HOUR) * HOUR + HOUR - 1000);
    for (const [at, expected] of [
      [FIXTURE_AT, during],
      [BEFORE_ROTATION, before],
      [lateInHour(FIXTURE_AT), during],
      [lateInHour(BEFORE_ROTATION), before],
      [FIXTURE_AT, during],
    ] as const) {
      const res = await request(server).get(`/api/data-infra/map?at=${at}`);
      expect(res.status).toBe(200);
      expect([at, res.body.totals.findings]).toEqual([at, expected.totals]);
      expect([at, Object.fromEntries(res.body.domains.map((d: any) => [d.id, d.findings]))]).toEqual([at, expected.byDomain]);
    }
  });

  it('GET /services?lifecycle= lists only the services in that lifecycle', async () => {
    const production = await request(server).get('/api/data-infra/services?lifecycle=production');
    expect(production.status).toBe(200);
    expect(production.body.totalItems).toBe(3);
    const none = await request(server).get('/api/data-infra/services?lifecycle=experimental');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ items: [], totalItems: 0 });
  });

  it('GET /checks groups findings by cause; ?flat=true lists them one by one', async () => {
    const flat = await request(server).get('/api/data-infra/checks?flat=true');
    expect(flat.status).toBe(200);
    // The BI subteam has no rotation, so its service has no 24x7 cover.
    const superset = await request(server).get('/api/data-infra/checks?entityRef=dataservice:default/superset&flat=true');
    expect(superset.status).toBe(200);
    expect(superset.body.findings.length).toBeGreaterThan(0);
    for (const finding of superset.body.findings) {
      expect(flat.body.findings).toContainEqual(finding);
    }
    const grouped = await request(server).get('/api/data-infra/checks');
    expect(grouped.body.findings).toBeUndefined();
    // BI's only service: a group of one keeps the service's own finding.
    expect(grouped.body.groups).toContainEqual({
      severity: 'warning',
      check: 'owner-without-rotation',
      subjectRef: 'dataservice:default/superset',
      path: 'spec.owner',
      message: expect.stringContaining('subteam:default/bi has no Rotation'),
      affected: ['dataservice:default/superset'],
    });
    // Every flat finding's entity is affected by some group.
    const affected = new Set(grouped.body.groups.flatMap((g: any) => g.affected));
    expect([...new Set(flat.body.findings.map((f: any) => f.entityRef))].every(r => affected.has(r))).toBe(true);
    const unknown = await request(server).get('/api/data-infra/checks?entityRef=dataservice:default/nope');
    expect(unknown.status).toBe(404);
  });

  it('GET /oncall?owner= and ?rotation= list only those rotations', async () => {
    const mine = await request(server).get(`/api/data-infra/oncall?at=${FIXTURE_AT}&owner=platform`);
    expect(mine.body.rotations.map((r: any) => r.rotation.ref)).toEqual(['rotation:default/platform-oncall']);
    const bi = await request(server).get(`/api/data-infra/oncall?at=${FIXTURE_AT}&owner=subteam:default/bi`);
    expect(bi.body.rotations).toEqual([]);
    const one = await request(server).get(`/api/data-infra/oncall?at=${FIXTURE_AT}&rotation=rotation:default/platform-oncall`);
    expect(one.body.rotations).toHaveLength(1);
    expect(one.body.rotations[0].nextHandoff).toBe('2026-03-09T08:00:00Z');
  });

  it('GET /oncall/subteams answers the whole on-call page: rotations, how to page, handles, escalation, runbooks', async () => {
    const res = await request(server).get(`/api/data-infra/oncall/subteams?at=${FIXTURE_AT}`);
    expect(res.status).toBe(200);
    expect(res.body.at).toBe(FIXTURE_AT);
    // Domain order: Platform (data-platform) before BI (bi-services).
    expect(res.body.subteams.map((s: any) => s.ref)).toEqual(['subteam:default/platform', 'subteam:default/bi']);
    const [platform, bi] = res.body.subteams;
    expect(platform).toMatchObject({
      title: 'Platform',
      domain: 'data-platform',
      contact: { chat: '#platform' },
      handles: ['Kafka outages'],
      runbooks: [{ ref: 'dataservice:default/kafka', title: 'Apache Kafka', url: 'https://runbooks.example.com/kafka' }],
      runbookCount: 1,
    });
    expect(platform.rotations).toEqual([
      {
        rotation: { ref: 'rotation:default/platform-oncall', title: 'Platform on-call', timezone: 'Europe/Berlin' },
        onCall: [
          expect.objectContaining({ role: 'primary', user: expect.objectContaining({ displayName: 'Alice Adams' }) }),
          expect.objectContaining({ role: 'secondary', user: expect.objectContaining({ displayName: 'Bob Brown' }) }),
        ],
        nextHandoff: '2026-03-09T08:00:00Z',
      },
    ]);
    expect(platform.escalation.levels.map((l: any) => [l.afterMs, l.people.map((p: any) => p.displayName)])).toEqual([
      [0, ['Alice Adams']],
      [900_000, ['Bob Brown']],
    ]);
    expect(bi).toMatchObject({ rotations: [], runbooks: [], runbookCount: 0 });
    expect(bi.escalation.levels[0]).toMatchObject({ via: 'user', targetTitle: 'Dave Diaz', reachable: true });
  });

  it('GET /shifts lists the participants in rotation order', async () => {
    const res = await request(server).get(
      `/api/data-infra/rotations/default/platform-oncall/shifts?from=${FIXTURE_AT}`,
    );
    expect(res.body.participants.map((p: any) => p.displayName)).toEqual(['Alice Adams', 'Bob Brown']);
  });
});

describe('the ownership map of a larger catalog', () => {
  // Data Platform gets 7 more subteams (8 in all, more than the summary
  // lists); BI 150 more services that use Kafka, every 10th experimental.
  // Kafka depends on ZooKeeper (same domain), Superset on both, Kafka
  // written twice; a service whose owner is no subteam is not on the map.
  const bi = 'subteam:default/bi';
  const entities: Entity[] = [
    ...fixtureEntities.map(e => {
      if (e.metadata.name === 'kafka') return { ...e, spec: { ...e.spec, dependsOn: ['dataservice:default/zookeeper'] } };
      if (e.metadata.name === 'superset') {
        return { ...e, spec: { ...e.spec, dependsOn: ['dataservice:default/kafka', 'kafka', 'zookeeper'] } };
      }
      return e;
    }),
    ...extraSubteams('data-platform', 7),
    ...extraServices(150, { owner: bi, dependsOn: ['dataservice:default/kafka'], prefix: 'report', experimentalEvery: 10 }),
    ...extraServices(1, { owner: 'subteam:default/nobody', dependsOn: ['dataservice:default/kafka'], prefix: 'orphan' }),
  ];
  const platformSubteams = [
    'subteam:default/platform',
    ...Array.from({ length: 7 }, (_, i) => `subteam:default/team-0${i + 1}`),
  ];
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ entities });
  });
  const get = (path: string) => request(server).get(`/api/data-infra${path}`);

  it(`GET /map lists the first ${MAP_SUBTEAMS_PREVIEW} subteams of a domain by ref, and counts them all`, async () => {
    const map = await get(`/map?at=${FIXTURE_AT}`);
    expect(map.status).toBe(200);
    const platform = map.body.domains[0];
    expect(platform.subteamCount).toBe(8);
    expect(platform.subteams.map((s: any) => s.ref)).toEqual(platformSubteams.slice(0, MAP_SUBTEAMS_PREVIEW));
    expect(map.body.domains[3]).toMatchObject({ subteamCount: 1, serviceCount: 151 });
    expect(map.body.totals).toMatchObject({ subteams: 9, services: 153, rotations: 8 });
    expect(map.body.filters).toEqual({ tiers: [1, 2], lifecycles: ['experimental', 'production'] });
  });

  it('GET /map/subteams pages through all of a domain\'s subteams, each once, with who is on call', async () => {
    const map = (await get(`/map?at=${FIXTURE_AT}`)).body;
    const summary = map.domains[0];
    const pages: any[] = [];
    for (let offset = 0; offset < 12; offset += 3) {
      const page = await get(`/map/subteams?domain=data-platform&at=${FIXTURE_AT}&offset=${offset}&limit=3`);
      expect(page.status).toBe(200);
      expect(page.body.at).toBe(FIXTURE_AT);
      expect(page.body.totalItems).toBe(summary.subteamCount);
      pages.push(page.body.items);
    }
    expect(pages.map(p => p.length)).toEqual([3, 3, 2, 0]);
    expect(pages.flat().map((s: any) => s.ref)).toEqual(platformSubteams);
    // The summary's subteams are the first page's, alike in every field.
    expect(pages.flat().slice(0, MAP_SUBTEAMS_PREVIEW)).toEqual(summary.subteams);
    const team7 = pages[2][1];
    expect(team7).toMatchObject({ ref: 'subteam:default/team-07', title: 'Team 7', members: [{ ref: 'user:default/carol' }, { ref: 'user:default/dave' }] });
    const rotation = entities.find(e => e.metadata.name === 'team-07-oncall') as RotationEntityV1alpha1;
    expect(team7.rotations).toEqual([
      {
        ref: 'rotation:default/team-07-oncall',
        title: 'Team 7 on-call',
        onCall: onCallAt(rotation, parseInstant(FIXTURE_AT)!).map(a => expect.objectContaining({
          role: a.role,
          user: expect.objectContaining({ ref: a.user }),
          from: formatInstant(a.from),
        })),
      },
    ]);
    // Without offset and limit: the first 100.
    const all = await get('/map/subteams?domain=data-platform');
    expect(all.body.items.map((s: any) => s.ref)).toEqual(platformSubteams);
    const biPage = await get('/map/subteams?domain=bi-services&limit=1');
    expect(biPage.body).toMatchObject({ items: [{ ref: 'subteam:default/bi', rotations: [] }], totalItems: 1 });
    const empty = await get('/map/subteams?domain=mlops');
    expect(empty.body).toMatchObject({ items: [], totalItems: 0 });
  });

  it('GET /map/dependencies lists each cross-domain dependency once, at most 100 by ref, with the counts of all', async () => {
    const reports = Array.from({ length: 150 }, (_, i) => `dataservice:default/report-${String(i + 1).padStart(3, '0')}`);
    const kafka = (await get('/map/dependencies?entityRef=dataservice:default/kafka')).body;
    // ZooKeeper is in Kafka's own domain; the orphan is on no domain.
    expect(kafka.dependsOn).toEqual([]);
    expect(kafka.dependsOnCount).toBe(0);
    expect(kafka.usedByCount).toBe(151);
    expect(kafka.usedBy).toHaveLength(100);
    expect(kafka.usedBy.map((d: any) => d.ref)).toEqual([...reports, 'dataservice:default/superset'].sort().slice(0, 100));
    expect(kafka.usedBy[0]).toEqual({ ref: reports[0], title: 'Service 1', domain: 'bi-services' });
    // Superset names Kafka twice, in two spellings: one dependency.
    const superset = (await get('/map/dependencies?entityRef=dataservice:default/superset')).body;
    expect(superset.dependsOn.map((d: any) => d.ref)).toEqual(['dataservice:default/kafka', 'dataservice:default/zookeeper']);
    expect(superset.dependsOnCount).toBe(2);
    const zookeeper = (await get('/map/dependencies?entityRef=dataservice:default/zookeeper')).body;
    expect(zookeeper).toMatchObject({
      dependsOn: [],
      usedBy: [{ ref: 'dataservice:default/superset', title: 'Superset', domain: 'bi-services' }],
      usedByCount: 1,
    });
    expect((await get('/map/dependencies?entityRef=dataservice:default/orphan-001')).status).toBe(404);
  });

  it('GET /services?lifecycle= lists only the services in that lifecycle, with the other filters', async () => {
    const experimental = await get('/services?lifecycle=experimental&limit=200');
    expect(experimental.status).toBe(200);
    expect(experimental.body.items.map((s: any) => s.ref).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => `dataservice:default/report-${String((i + 1) * 10).padStart(3, '0')}`),
    );
    expect(experimental.body.items.every((s: any) => s.lifecycle === 'experimental')).toBe(true);
    expect(experimental.body.totalItems).toBe(15);
    const production = await get('/services?lifecycle=production&domain=bi-services&limit=200');
    expect(production.body.totalItems).toBe(136);
    expect(production.body.items.every((s: any) => s.lifecycle === 'production' && s.domain === 'bi-services')).toBe(true);
    expect((await get('/services?lifecycle=experimental&domain=data-platform')).body.totalItems).toBe(0);
    // Pages of a filtered list continue it.
    const first = await get('/services?lifecycle=experimental&limit=10');
    const rest = await get(`/services?lifecycle=experimental&limit=10&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...rest.body.items].map((s: any) => s.ref).sort()).toEqual(
      experimental.body.items.map((s: any) => s.ref).sort(),
    );
  });
});

describe('the size of GET /map', () => {
  it('does not grow with the number of services: only its counts change', async () => {
    const summary = async (extra: number) => {
      const entities = [...fixtureEntities, ...extraServices(extra, { owner: 'subteam:default/bi', dependsOn: ['kafka'] })];
      const server = await start({ entities });
      const res = await request(server).get(`/api/data-infra/map?at=${FIXTURE_AT}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const [small, large] = [await summary(0), await summary(200)];
    expect(large.totals.services).toBe(203);
    expect(large.domains[3].serviceCount).toBe(201);
    const shape = (body: object) => JSON.stringify(body).replace(/\d+/g, '#');
    expect(shape(large)).toEqual(shape(small));
    expect(JSON.stringify(large).length - JSON.stringify(small).length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(large)).not.toMatch(/dataservice:|svc-/);
  });
});

describe('data-infra backend plugin configuration', () => {
  it('orders the map by configured domains', async () => {
    const server = await start({
      config: {
        dataInfra: {
          domains: [
            { id: 'bi-services', title: 'Business Intelligence', order: 2 },
            { id: 'data-platform', title: 'Platform', order: 1 },
          ],
        },
      },
    });
    const res = await request(server).get(`/api/data-infra/map?at=${FIXTURE_AT}`);
    expect(res.body.domains.map((d: any) => [d.id, d.title])).toEqual([
      ['data-platform', 'Platform'],
      ['bi-services', 'Business Intelligence'],
    ]);
    const unknownDomain = await request(server).get('/api/data-infra/services?domain=mlops');
    expect(unknownDomain.status).toBe(400);
  });

  it('holds members to dataInfra.policy.subteamRotation, members written with since or as refs', async () => {
    const entities = fixtureEntities.map(e =>
      e.metadata.name === 'platform'
        ? { ...e, spec: { ...e.spec, members: [{ user: 'user:default/alice', since: '2000-01-03' }, 'user:default/bob'] } }
        : e,
    );
    const due = async (config: object) => {
      const server = await start({ entities, config });
      const res = await request(server).get('/api/data-infra/checks?entityRef=subteam:default/platform&flat=true');
      expect(res.status).toBe(200);
      return res.body.findings.filter((f: any) => f.check === 'subteam-member-due-to-rotate').map((f: any) => [f.path, f.related]);
    };
    // Default P9M: alice, in the subteam since 2000, is long due.
    expect(await due({})).toEqual([['spec.members[0].since', ['user:default/alice']]]);
    expect(await due({ dataInfra: { policy: { subteamRotation: { max: 'P900Y', min: 'P1D' } } } })).toEqual([]);
    // The map still lists both members.
    const server = await start({ entities });
    const map = await request(server).get(`/api/data-infra/map?at=${FIXTURE_AT}`);
    expect(map.body.domains[0].subteams[0].members.map((m: any) => m.ref)).toEqual(['user:default/alice', 'user:default/bob']);
  });

  it('refuses to start on a rotation policy that is not a duration', () => {
    expect(() =>
      readDataInfraConfig(mockServices.rootConfig({ data: { dataInfra: { policy: { subteamRotation: { max: 'nine months' } } } } })),
    ).toThrow('dataInfra.policy.subteamRotation.max must be an ISO-8601 duration like P9M, got "nine months"');
  });

  it('hides e-mail addresses and contacts when showContactDetails is false', async () => {
    const server = await start({ config: { dataInfra: { showContactDetails: false } } });
    const oncall = await request(server).get(`/api/data-infra/oncall?at=${FIXTURE_AT}`);
    expect(oncall.body.rotations[0].onCall[0].user).toEqual({
      ref: 'user:default/alice',
      displayName: 'Alice Adams',
    });
    const services = await request(server).get('/api/data-infra/services?q=kafka');
    expect(services.body.items[0].contact).toBeUndefined();
    expect(JSON.stringify(services.body)).not.toContain('@example.com');
  });
});
