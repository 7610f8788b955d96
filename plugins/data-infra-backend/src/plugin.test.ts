import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  formatInstant,
  nextHandoff,
  onCallAt,
  RotationEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import { dataInfraPlugin } from './plugin';
import { readDataInfraConfig } from './config';
import { FIXTURE_AT, fixtureEntities } from './__testUtils__/fixtures';

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

  it('GET /map groups subteams and services by domain in the default order', async () => {
    const res = await request(server).get(`/api/data-infra/map?at=${FIXTURE_AT}`);
    expect(res.status).toBe(200);
    expect(res.body.domains.map((d: any) => d.id)).toEqual([
      'data-platform',
      'data-engineering',
      'mlops',
      'bi-services',
    ]);
    const platform = res.body.domains[0];
    expect(platform.subteams.map((s: any) => s.ref)).toEqual(['subteam:default/platform']);
    expect(platform.subteams[0].rotations[0].onCall.map((o: any) => o.user.ref)).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
    expect(platform.services.map((s: any) => s.ref)).toEqual([
      'dataservice:default/kafka',
      'dataservice:default/zookeeper',
    ]);
    expect(res.body.domains[3].services.map((s: any) => s.ref)).toEqual(['dataservice:default/superset']);
    expect(res.body.crossDomainEdges).toEqual([
      {
        from: 'dataservice:default/superset',
        to: 'dataservice:default/kafka',
        fromDomain: 'bi-services',
        toDomain: 'data-platform',
      },
    ]);
    expect(res.body.totals).toMatchObject({ domains: 4, subteams: 2, services: 3, rotations: 1 });
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
