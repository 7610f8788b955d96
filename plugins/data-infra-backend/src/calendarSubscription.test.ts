/*
 * The iCalendar feed from hostile catalog text, parsed back with ical.js (the
 * parser Thunderbird uses), and the subscription links a calendar client
 * fetches with no Backstage token.
 */
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import ICAL from 'ical.js';
import request from 'supertest';
import { dataInfraPlugin } from './plugin';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';
import { fixtureEntities } from './__testUtils__/fixtures';

const HOSTILE = 'Ops; on-call, \\ "main"\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:INJECTED\u0000\u0007\u001b[31m\u2028tab\there';
/** What the feed may show of it: control characters gone, everything else kept. */
const SHOWN = 'Ops; on-call, \\ "main" END:VEVENT BEGIN:VEVENT SUMMARY:INJECTED [31m tab here';

/** The fixture catalog with hostile titles and names (as if validation had been bypassed). */
const hostileCatalog: Entity[] = fixtureEntities.map(e => {
  if (e.kind === 'Rotation') return { ...e, metadata: { ...e.metadata, title: HOSTILE } };
  if (e.kind === 'User' && e.metadata.name === 'alice') {
    return { ...e, spec: { ...e.spec, profile: { displayName: `Alice;\r\nATTENDEE:mailto:x@evil.example,` } } };
  }
  return e;
});

const start = (entities: Entity[] = fixtureEntities) => startFixtureBackend({ entities, tokenless: true });

// NAME (RFC 7986) and X-WR-CALNAME are TEXT; ical.js leaves properties it
// does not know unescaped unless told.
ICAL.design.icalendar.property.name = { defaultType: 'text' };
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('the iCalendar feed of a rotation with hostile text', () => {
  it('escapes every text property and strips control characters; a real parser reads back exactly the text', async () => {
    const server = await start(hostileCatalog);
    const res = await request(server)
      .get('/api/data-infra/rotations/default/platform-oncall/calendar.ics')
      .set('Authorization', mockCredentials.user.header('user:default/bob'));
    expect(res.status).toBe(200);
    // No line of the feed starts with text that came from the catalog.
    const lines = res.text.split('\r\n');
    expect(lines.filter(l => /^(SUMMARY:INJECTED|ATTENDEE|END:VEVENT.*INJECTED)/.test(l))).toEqual([]);
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(res.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);

    // As written: RFC 5545 §3.3.11 escapes backslash, semicolon and comma
    // (and line breaks, none left here) in every TEXT value.
    const unfolded = res.text.replace(/\r\n[ \t]/g, '');
    const escaped = (text: string) => text.replace(/[\\;,]/g, c => `\\${c}`);
    expect(unfolded).toContain(`\r\nNAME:${escaped(`${SHOWN} on-call`)}\r\n`);
    expect(unfolded).toContain(`\r\nX-WR-CALNAME:${escaped(`${SHOWN} on-call`)}\r\n`);
    expect(unfolded).toContain(`\r\nSUMMARY:${escaped(`${SHOWN}: Bob Brown (primary)`)}\r\n`);

    const { calendar, events } = parse(res.text);
    expect(calendar.getFirstPropertyValue('name')).toBe(`${SHOWN} on-call`);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`${SHOWN} on-call`);
    // One event per shift and role, as /shifts lists them: nothing injected.
    expect(events.length).toBeGreaterThanOrEqual(24);
    expect(events.every(e => e.getAllProperties('summary').length === 1)).toBe(true);
    expect(events.some(e => e.getFirstPropertyValue('summary') === 'INJECTED')).toBe(false);
    const summaries = new Set(events.map(e => e.getFirstPropertyValue('summary')));
    expect(summaries).toEqual(
      new Set([`${SHOWN}: Alice; ATTENDEE:mailto:x@evil.example, (primary)`, `${SHOWN}: Alice; ATTENDEE:mailto:x@evil.example, (secondary)`, `${SHOWN}: Bob Brown (primary)`, `${SHOWN}: Bob Brown (secondary)`]),
    );
    expect(events.every(e => e.getAllProperties('attendee').length === 0)).toBe(true);
    const alice = events.find(e => e.getFirstPropertyValue('x-data-infra-user') === 'user:default/alice')!;
    expect(alice.getFirstPropertyValue('description')).toMatch(/^Alice; ATTENDEE:mailto:x@evil\.example, \(user:default\/alice\) is (primary|secondary) on call for rotation:default\/platform-oncall\.$/);
  });
});

describe('calendar subscription links', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  const api = '/api/data-infra/rotations/default/platform-oncall/calendar-subscription';
  const as = (user: string) => mockCredentials.user.header(`user:default/${user}`);
  /** The path of a link, fetched as a calendar client does: no Authorization header. */
  const fetchFeed = (link: string) => request(server).get(new URL(link).pathname);

  it('give each user a link per rotation that works with no Backstage token, in https: and webcal: forms', async () => {
    expect((await request(server).get(api).set('Authorization', as('alice'))).body).toEqual({ subscribed: false });
    const made = await request(server).post(api).set('Authorization', as('alice'));
    expect(made.status).toBe(201);
    // The backend's external base URL (http here, https in production).
    expect(made.body.https).toMatch(/^https?:\/\/[^/]+\/api\/data-infra\/calendar-feeds\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.body.webcal).toBe(made.body.https.replace(/^https?:/, 'webcal:'));
    // Asking again gives the same link; another user gets another one.
    expect((await request(server).post(api).set('Authorization', as('alice'))).body.https).toBe(made.body.https);
    expect((await request(server).get(api).set('Authorization', as('alice'))).body).toEqual(made.body);
    const bobs = (await request(server).post(api).set('Authorization', as('bob'))).body.https;
    expect(bobs).not.toBe(made.body.https);

    const feed = await fetchFeed(made.body.https);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const { events } = parse(feed.text);
    expect(events.length).toBeGreaterThanOrEqual(24);
    expect(events.map(e => e.getFirstPropertyValue('summary'))).toContain('Platform on-call: Alice Adams (primary)');
    // The authenticated routes still refuse a request without a token.
    expect((await request(server).get('/api/data-infra/rotations/default/platform-oncall/calendar.ics')).status).toBe(401);
    expect((await request(server).get(api)).status).toBe(401);
  });

  it('refuse a tampered, made-up or revoked link with 401', async () => {
    const link: string = (await request(server).post(api).set('Authorization', as('carol'))).body.https;
    const [, id, mac] = /\/([^/.]+)\.([^/.]+)\.ics$/.exec(link)!;
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
    const base = link.slice(0, link.lastIndexOf('/') + 1);
    for (const bad of [`${base}${id}.${flip(mac)}.ics`, `${base}${flip(id)}.${mac}.ics`, `${base}${id}.ics`, `${base}..ics`, `${base}${'A'.repeat(22)}.${'A'.repeat(43)}.ics`]) {
      expect((await fetchFeed(bad)).status).toBe(401);
    }
    expect((await fetchFeed(link)).status).toBe(200);

    expect((await request(server).delete(api).set('Authorization', as('carol'))).status).toBe(204);
    expect((await fetchFeed(link)).status).toBe(401);
    expect((await request(server).get(api).set('Authorization', as('carol'))).body).toEqual({ subscribed: false });
    // Subscribing again makes a new link; the revoked one stays dead.
    const again: string = (await request(server).post(api).set('Authorization', as('carol'))).body.https;
    expect(again).not.toBe(link);
    expect((await fetchFeed(again)).status).toBe(200);
    expect((await fetchFeed(link)).status).toBe(401);
  });

  it('stop working when their maker leaves the catalog; a maker who never had a User entity keeps theirs', async () => {
    // A catalog whose content the test replaces.
    let current = catalogServiceMock({ entities: fixtureEntities });
    const catalog = new Proxy(
      {},
      {
        get: (_, name) =>
          typeof (current as any)[name] === 'function' ? (...args: unknown[]) => (current as any)[name](...args) : (current as any)[name],
      },
    );
    const { server: own } = await startTestBackend({
      features: [
        dataInfraPlugin,
        createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog as any }),
        mockServices.rootConfig.factory({ data: { dataInfra: { cache: { refresh: 0.1, callerTtl: 0 } } } }),
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    });
    const daves: string = (await request(own).post(api).set('Authorization', as('dave'))).body.https;
    const guests: string = (await request(own).post(api).set('Authorization', mockCredentials.user.header('user:development/guest'))).body.https;
    const feed = (link: string) => request(own).get(new URL(link).pathname);
    expect((await feed(daves)).status).toBe(200);
    expect((await feed(guests)).status).toBe(200);
    // Dave's User entity is deleted (he left): the catalog state is refreshed.
    current = catalogServiceMock({ entities: fixtureEntities.filter(e => e.metadata.name !== 'dave') });
    await new Promise(resolve => setTimeout(resolve, 300));
    await feed(daves); // the state refreshes behind this one
    await new Promise(resolve => setTimeout(resolve, 300));
    expect((await feed(daves)).status).toBe(401);
    expect((await feed(guests)).status).toBe(200);
  });

  it('are for people only, and only for rotations that exist', async () => {
    expect((await request(server).post(api).set('Authorization', mockCredentials.service.header())).status).toBe(403);
    const missing = await request(server)
      .post('/api/data-infra/rotations/default/no-such-rotation/calendar-subscription')
      .set('Authorization', as('alice'));
    expect(missing.status).toBe(404);
  });
});
