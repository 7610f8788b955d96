/*
 * "My on-call" (GET /people/:namespace/:name/oncall) over the fixture
 * catalog with two overrides, and the personal calendar feed a calendar
 * client fetches with no Backstage token.
 *
 * The fixture's Platform rotation hands off weekly on Monday 09:00 Berlin
 * from 5 January 2026, Alice and Bob in turn: the week of 2 March (the 9th
 * shift) has Alice primary and Bob secondary, the week of 9 March the
 * other way round. Carol covers Alice's primary from Thursday 5 March
 * 18:00 to Saturday 7 March 09:00; Bob takes primary from Tuesday 17 March
 * 09:00 to Wednesday 18 March 09:00 in a week where he is secondary anyway.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { PersonOnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import ICAL from 'ical.js';
import request from 'supertest';
import { OnCallResolver } from './service/state/OnCallResolver';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';
import { FIXTURE_AT, fixtureEntities } from './__testUtils__/fixtures';

const OVERRIDES = [
  { start: '2026-03-05T18:00', end: '2026-03-07T09:00', user: 'user:default/carol', role: 'primary' },
  { start: '2026-03-17T09:00', end: '2026-03-18T09:00', user: 'user:default/bob', role: 'primary' },
];

/** Erin is in the catalog, but no entity of ours names her. */
const erin: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'erin', namespace: 'default', etag: 'erin-1' },
  spec: { profile: { displayName: 'Erin Evans' }, memberOf: [] },
};

const catalog: Entity[] = [
  ...fixtureEntities.map(e => (e.kind === 'Rotation' ? { ...e, spec: { ...e.spec, overrides: OVERRIDES } } : e)),
  erin,
];

const start = (entities: Entity[] = catalog) => startFixtureBackend({ entities, tokenless: true });

const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);

describe('GET /people/:namespace/:name/oncall', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  const ask = async (person: string, query: string, caller = 'bob'): Promise<PersonOnCallResponse> => {
    const res = await request(server).get(`/api/data-infra/people/default/${person}/oncall?${query}`).set('Authorization', as(caller));
    expect(res.status).toBe(200);
    return res.body;
  };
  const shiftLines = (answer: PersonOnCallResponse) =>
    answer.shifts.map(s => `${s.rotation.title} ${s.role} ${s.start}–${s.end}${s.source === 'override' ? ' (override)' : ''}`);

  it("lists a person's shifts across rotations from the one under way, with the gaps their covers leave", async () => {
    const alice = await ask('alice', `at=${FIXTURE_AT}&to=2026-03-23T08:00:00Z`);
    expect(alice.person).toEqual({ ref: 'user:default/alice', displayName: 'Alice Adams', email: 'alice@example.com' });
    expect(alice.inCatalog).toBe(true);
    expect(alice.from).toBe(FIXTURE_AT);
    expect(alice.rotations).toEqual([{ ref: 'rotation:default/platform-oncall', title: 'Platform on-call', timezone: 'Europe/Berlin' }]);
    expect(shiftLines(alice)).toEqual([
      // Under way at `from`: from Monday's hand-off, not from `from`.
      'Platform on-call primary 2026-03-02T08:00:00Z–2026-03-05T17:00:00Z',
      'Platform on-call primary 2026-03-07T08:00:00Z–2026-03-09T08:00:00Z',
      'Platform on-call secondary 2026-03-09T08:00:00Z–2026-03-16T08:00:00Z',
      'Platform on-call primary 2026-03-16T08:00:00Z–2026-03-17T08:00:00Z',
      'Platform on-call primary 2026-03-18T08:00:00Z–2026-03-23T08:00:00Z',
    ]);
    expect(alice.truncated).toBe(false);

    const bob = await ask('bob', `at=${FIXTURE_AT}&to=2026-03-23T08:00:00Z`);
    expect(shiftLines(bob)).toContain('Platform on-call primary 2026-03-17T08:00:00Z–2026-03-18T08:00:00Z (override)');
  });

  it('lists the services whose path reaches the person now, at the levels that reach them', async () => {
    const levels = (answer: PersonOnCallResponse) =>
      answer.escalations.map(e => `${e.service.title}: ${e.levels.map(l => `${l.index + 1} after ${l.after} via ${l.targetTitle}${l.role ? ` (${l.role})` : ''}`).join(', ')}`);
    // Alice is primary, Bob secondary; Carol is Kafka's third level.
    expect(levels(await ask('alice', `at=${FIXTURE_AT}`))).toEqual([
      'Apache Kafka: 1 after PT0M via Platform on-call (primary)',
      'ZooKeeper: 1 after PT0M via Platform on-call (primary)',
    ]);
    expect(levels(await ask('bob', `at=${FIXTURE_AT}`))).toEqual([
      'Apache Kafka: 2 after PT10M via Platform on-call (secondary)',
      'ZooKeeper: 2 after PT15M via Platform on-call (secondary)',
    ]);
    const carol = await ask('carol', `at=${FIXTURE_AT}`);
    expect(levels(carol)).toEqual(['Apache Kafka: 3 after PT30M via Carol Chen']);
    expect(carol.escalations[0]).toMatchObject({
      owner: { ref: 'subteam:default/platform', title: 'Platform' },
      policyRef: 'dataservice:default/kafka',
      inherited: false,
      levelCount: 3,
    });
    // While she covers, Carol is primary too: ZooKeeper inherits the subteam's policy.
    const covering = await ask('carol', 'at=2026-03-06T12:00:00Z');
    expect(levels(covering)).toEqual([
      'Apache Kafka: 1 after PT0M via Platform on-call (primary), 3 after PT30M via Carol Chen',
      'ZooKeeper: 1 after PT0M via Platform on-call (primary)',
    ]);
    expect(covering.escalations[1]).toMatchObject({ policyRef: 'subteam:default/platform', inherited: true, levelCount: 2 });
    expect(covering.escalationCount).toBe(2);
    expect(levels(await ask('dave', `at=${FIXTURE_AT}`))).toEqual(['Superset: 1 after PT0M via Dave Diaz']);
  });

  it('lists the covers the person gives and gets, from four weeks before the window', async () => {
    const covers = (answer: PersonOnCallResponse) =>
      answer.covers.map(c => `${c.mine} ${c.role} ${c.start}–${c.end} by ${c.by.displayName} for ${c.for?.displayName ?? 'nobody'}`);
    // From 4 weeks before `from`: Carol's cover is past, Bob's ahead.
    expect(covers(await ask('alice', 'at=2026-03-10T12:00:00Z'))).toEqual([
      'covered primary 2026-03-05T17:00:00Z–2026-03-07T08:00:00Z by Carol Chen for Alice Adams',
      'covered primary 2026-03-17T08:00:00Z–2026-03-18T08:00:00Z by Bob Brown for Alice Adams',
    ]);
    expect(covers(await ask('carol', 'at=2026-03-10T12:00:00Z'))).toEqual([
      'covering primary 2026-03-05T17:00:00Z–2026-03-07T08:00:00Z by Carol Chen for Alice Adams',
    ]);
    expect(covers(await ask('bob', 'at=2026-03-10T12:00:00Z'))).toEqual([
      'covering primary 2026-03-17T08:00:00Z–2026-03-18T08:00:00Z by Bob Brown for Alice Adams',
    ]);
    // Outside the window and its four weeks before: none.
    expect((await ask('alice', 'at=2026-06-01T00:00:00Z')).covers).toEqual([]);
  });

  it('answers for a person in no rotation and not in the catalog with empty lists, not an error', async () => {
    const nobody = await ask('guest', `at=${FIXTURE_AT}`);
    expect(nobody).toMatchObject({
      person: { ref: 'user:default/guest', displayName: 'guest' },
      inCatalog: false,
      rotations: [],
      shifts: [],
      escalations: [],
      escalationCount: 0,
      covers: [],
    });
    // In the catalog but named by none of our entities: herself, with nothing to do.
    const newcomer = await ask('erin', `at=${FIXTURE_AT}`);
    expect(newcomer).toMatchObject({ person: { displayName: 'Erin Evans' }, inCatalog: true, rotations: [], escalations: [] });
  });

  it('refuses windows longer than 13 weeks or backwards, and bad names, with a 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/people/default/alice/oncall?from=2026-01-01T00:00:00Z&to=2026-04-02T00:00:01Z', 'to'],
      ['/people/default/alice/oncall?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', 'to'],
      ['/people/default/alice/oncall?at=soon', 'at'],
      ['/people/default/alice/oncall?from=monday', 'from'],
      ['/people/b@d/alice/oncall', 'namespace'],
      ['/people/default/al%20ice/oncall', 'name'],
    ];
    for (const [path, parameter] of cases) {
      const res = await request(server).get(`/api/data-infra${path}`).set('Authorization', as('bob'));
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message.startsWith(`${parameter}:`)).toBe(true);
    }
    // 13 weeks exactly is fine.
    await ask('alice', 'from=2026-01-01T00:00:00Z&to=2026-04-02T00:00:00Z');
  });

  it('needs credentials', async () => {
    expect((await request(server).get('/api/data-infra/people/default/alice/oncall')).status).toBe(401);
  });
});

describe('the personal calendar feed', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  const api = (person: string) => `/api/data-infra/people/default/${person}/calendar-subscription`;
  const fetchFeed = (link: string) => request(server).get(new URL(link).pathname);
  const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

  it("is one link per person to their own shifts in every rotation, fetched with no Backstage token", async () => {
    expect((await request(server).get(api('alice')).set('Authorization', as('alice'))).body).toEqual({ subscribed: false });
    const made = await request(server).post(api('alice')).set('Authorization', as('alice'));
    expect(made.status).toBe(201);
    expect(made.body.https).toMatch(/\/api\/data-infra\/calendar-feeds\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\.ics$/);
    expect((await request(server).post(api('alice')).set('Authorization', as('alice'))).body.https).toBe(made.body.https);
    // Not the rotation's link: a separate subscription.
    const rotationLink = (
      await request(server).post('/api/data-infra/rotations/default/platform-oncall/calendar-subscription').set('Authorization', as('alice'))
    ).body.https;
    expect(rotationLink).not.toBe(made.body.https);

    const feed = await fetchFeed(made.body.https);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const mine = events(feed.text);
    // Five weeks back and eight ahead of weekly shifts alternating roles.
    expect(mine.length).toBeGreaterThanOrEqual(10);
    expect(mine.every(e => e.getFirstPropertyValue('x-data-infra-user') === 'user:default/alice')).toBe(true);
    expect(new Set(mine.map(e => e.getFirstPropertyValue('summary')))).toEqual(
      new Set(['Platform on-call: Alice Adams (primary)', 'Platform on-call: Alice Adams (secondary)']),
    );
    // The rotation's feed has Bob too.
    const rotationFeed = events((await fetchFeed(rotationLink)).text);
    expect(rotationFeed.length).toBeGreaterThan(mine.length);
  });

  it('is only for its own person, and stops working when revoked', async () => {
    expect((await request(server).post(api('alice')).set('Authorization', as('bob'))).status).toBe(403);
    expect((await request(server).get(api('alice')).set('Authorization', as('bob'))).status).toBe(403);
    expect((await request(server).post(api('alice')).set('Authorization', mockCredentials.service.header())).status).toBe(403);
    expect((await request(server).post(api('alice'))).status).toBe(401);

    const link: string = (await request(server).post(api('bob')).set('Authorization', as('bob'))).body.https;
    expect((await fetchFeed(link)).status).toBe(200);
    expect((await request(server).delete(api('bob')).set('Authorization', as('bob'))).status).toBe(204);
    expect((await fetchFeed(link)).status).toBe(401);
    expect((await request(server).get(api('bob')).set('Authorization', as('bob'))).body).toEqual({ subscribed: false });
  });

  it('is an empty calendar, not an error, for someone in no rotation', async () => {
    const link: string = (await request(server).post(api('dave')).set('Authorization', as('dave'))).body.https;
    const feed = await fetchFeed(link);
    expect(feed.status).toBe(200);
    expect(events(feed.text)).toEqual([]);
  });

  it("escapes catalog text as the rotation's feed does", async () => {
    const hostile = 'Ops; on-call\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INJECTED';
    const hostileText = (e: Entity): Entity => {
      if (e.kind === 'Rotation') return { ...e, metadata: { ...e.metadata, title: hostile } };
      if (e.kind === 'User' && e.metadata.name === 'alice') return { ...e, spec: { ...e.spec, profile: { displayName: hostile } } };
      return e;
    };
    const own = await start(catalog.map(hostileText));
    const link: string = (await request(own).post(api('alice')).set('Authorization', as('alice'))).body.https;
    const feed = await request(own).get(new URL(link).pathname);
    expect(feed.status).toBe(200);
    // No line of the feed starts with text from the catalog.
    expect(feed.text.split('\r\n').filter(l => l.startsWith('SUMMARY:INJECTED'))).toEqual([]);
    const shown = 'Ops; on-call END:VEVENT BEGIN:VEVENT SUMMARY:INJECTED';
    // The calendar's name is the person's: escaped by RFC 5545 §3.3.11.
    const unfolded = feed.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`\r\nNAME:${`${shown} on-call`.replace(/[\\;,]/g, c => `\\${c}`)}\r\n`);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const all = calendar.getAllSubcomponents('vevent');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every(e => e.getFirstPropertyValue('summary') === `${shown}: ${shown} (primary)` || e.getFirstPropertyValue('summary') === `${shown}: ${shown} (secondary)`)).toBe(true);
  });
});

describe('the work of one person question', () => {
  /** 100 subteams, each with a rotation of two and 20 services inheriting its policy. */
  function largeCatalog(): Entity[] {
    const entities: Entity[] = [];
    for (let i = 0; i < 100; i++) {
      const people = [`user:default/u${2 * i}`, `user:default/u${2 * i + 1}`];
      for (const ref of people) {
        const name = ref.split('/')[1];
        entities.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name, namespace: 'default' }, spec: { profile: { displayName: name } } });
      }
      entities.push({
        apiVersion: 'data-infra.io/v1alpha1',
        kind: 'Subteam',
        metadata: { name: `s${i}`, namespace: 'default' },
        spec: {
          domain: 'data-platform',
          parent: 'group:default/data-infrastructure',
          members: people,
          escalation: {
            levels: [
              { after: 'PT0M', target: { rotation: `rotation:default/r${i}`, role: 'primary' } },
              { after: 'PT15M', target: { rotation: `rotation:default/r${i}`, role: 'secondary' } },
            ],
          },
        },
      });
      entities.push({
        apiVersion: 'data-infra.io/v1alpha1',
        kind: 'Rotation',
        metadata: { name: `r${i}`, namespace: 'default' },
        spec: { owner: `subteam:default/s${i}`, timezone: 'UTC', start: '2026-01-05T09:00', shiftLength: 'P1W', depth: 2, participants: people },
      });
      for (let j = 0; j < 20; j++) {
        entities.push({
          apiVersion: 'data-infra.io/v1alpha1',
          kind: 'DataService',
          metadata: { name: `svc-${i}-${j}`, namespace: 'default' },
          spec: { type: 'batch', lifecycle: 'production', owner: `subteam:default/s${i}` },
        });
      }
    }
    return entities;
  }

  it('computes one path per policy that can reach the person, not one per service of the catalog', async () => {
    const server = await start(largeCatalog());
    const paths = jest.spyOn(OnCallResolver.prototype, 'escalationPath');
    const res = await request(server).get(`/api/data-infra/people/default/u0/oncall?at=${FIXTURE_AT}`).set('Authorization', as('u0'));
    expect(res.status).toBe(200);
    // Their subteam's 20 services, all through the one policy they inherit.
    expect(res.body.escalationCount).toBe(20);
    expect(res.body.escalations.every((e: any) => e.levels.length === 1)).toBe(true);
    expect(paths).toHaveBeenCalledTimes(1);
    paths.mockRestore();
  });
});
