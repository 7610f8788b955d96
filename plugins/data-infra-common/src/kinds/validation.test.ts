/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
import type { Entity } from '@backstage/catalog-model';
import { validateDataInfraEntity, formatEntityProblems } from './validation';
import { dataInfraReferences } from './guards';
import { normaliseEntityRef } from './refs';
import subteamSchema from '../schema/Subteam.v1alpha1.schema.json';
import dataServiceSchema from '../schema/DataService.v1alpha1.schema.json';
import rotationSchema from '../schema/Rotation.v1alpha1.schema.json';

const API = 'data-infra.io/v1alpha1';

const rotation = (spec: Record<string, unknown>) => ({
  apiVersion: API,
  kind: 'Rotation',
  metadata: { name: 'r' },
  spec: {
    owner: 'subteam:default/data-platform',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shiftLength: 'P1W',
    participants: ['user:default/a', 'user:default/b'],
    ...spec,
  },
});

const subteam = (spec: Record<string, unknown>) => ({
  apiVersion: API,
  kind: 'Subteam',
  metadata: { name: 's' },
  spec: {
    domain: 'mlops',
    parent: 'group:default/data-infrastructure',
    members: ['user:default/a', 'user:default/b'],
    ...spec,
  },
});

const service = (spec: Record<string, unknown>) => ({
  apiVersion: API,
  kind: 'DataService',
  metadata: { name: 'kafka' },
  spec: {
    type: 'streaming',
    lifecycle: 'production',
    owner: 'subteam:default/data-platform',
    ...spec,
  },
});

/** The lines validation produces for an entity. */
const lines = (entity: Entity) => formatEntityProblems(entity, validateDataInfraEntity(entity)).split('\n');

const level = (after: string, target: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ after, target, ...extra });
const weekdays = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }];

describe('validateDataInfraEntity (smoke)', () => {
  it('accepts a valid rotation', () => {
    expect(validateDataInfraEntity(rotation({}))).toEqual([]);
  });
  it('names the field, the expectation and the value', () => {
    const entity = rotation({ shiftLength: 'weekly' });
    expect(formatEntityProblems(entity, validateDataInfraEntity(entity))).toBe(
      'rotation:default/r: spec.shiftLength: must be an ISO-8601 duration like P1W or PT15M, got "weekly"',
    );
  });
});

describe('Rotation: invalid specs', () => {
  it.each<[string, Entity, string]>([
    ['a time zone abbreviation', rotation({ timezone: 'EST' }), 'spec.timezone: must be an IANA time zone like Europe/Berlin, got "EST"'],
    ['an unknown zone', rotation({ timezone: 'Europe/Atlantis' }), 'spec.timezone: must be an IANA time zone like Europe/Berlin, got "Europe/Atlantis"'],
    ['a start that is not on the calendar', rotation({ start: '2026-02-30T09:00' }), 'spec.start: must be a real calendar date-time, got "2026-02-30T09:00"'],
    ['a start with an offset', rotation({ start: '2026-01-05T09:00Z' }), 'spec.start: must be a local date-time like 2026-01-05T09:00 (no offset), got "2026-01-05T09:00Z"'],
    ['a start with a space', rotation({ start: '2026-01-05 09:00' }), 'spec.start: must be a local date-time like 2026-01-05T09:00 (no offset), got "2026-01-05 09:00"'],
    ['a zero shift length', rotation({ shiftLength: 'PT0H' }), 'spec.shiftLength: must be longer than zero, got "PT0H"'],
    ['no participants', rotation({ participants: [] }), 'spec.participants: must list at least one item, got []'],
    ['participants as a string', rotation({ participants: 'user:default/a' }), 'spec.participants: must be a list, got "user:default/a"'],
    ['a depth of 3', rotation({ depth: 3 }), 'spec.depth: must be 1 or 2, got 3'],
    ['a day name spelt out', rotation({ coverage: [{ days: ['monday'], from: '09:00', to: '17:00' }] }), 'spec.coverage[0].days[0]: must be one of mon, tue, wed, thu, fri, sat, sun, got "monday"'],
    ['a one-digit hour', rotation({ coverage: [{ days: ['mon'], from: '9:00', to: '17:00' }] }), "spec.coverage[0].from: must be a time of day 'HH:MM' (00:00 to 24:00), got \"9:00\""],
    ['an empty window', rotation({ coverage: [{ days: ['mon'], from: '09:00', to: '09:00' }] }), 'spec.coverage[0].to: must be a different time than from (09:00), got "09:00"; a window from 00:00 to 24:00 covers a whole day'],
    ['a window without an end', rotation({ coverage: [{ days: ['mon'], from: '09:00' }] }), "spec.coverage[0].to: is required: a time of day 'HH:MM' (00:00 to 24:00)"],
    ['an override ending before it starts', rotation({ overrides: [{ start: '2026-01-05T09:00', end: '2026-01-04T09:00', user: 'user:default/a' }] }), 'spec.overrides[0].end: must be after start (2026-01-05T09:00), got "2026-01-04T09:00"'],
    ['an override with an unknown role', rotation({ overrides: [{ start: '2026-01-05T09:00', end: '2026-01-06T09:00', user: 'a', role: 'tertiary' }] }), 'spec.overrides[0].role: must be primary or secondary, got "tertiary"'],
    ['a secondary override at depth 1', rotation({ depth: 1, overrides: [{ start: '2026-01-05T09:00', end: '2026-01-06T09:00', user: 'a', role: 'secondary' }] }), 'spec.overrides[0].role: must be primary on a rotation of depth 1, got "secondary"'],
    ['a misspelt field', rotation({ shift: 'P1W' }), 'spec.shift: is not a known field; the known ones are owner, timezone, start, shiftLength, participants, depth, coverage, overrides'],
  ])('rejects %s', (_, entity, expected) => {
    expect(lines(entity)).toEqual([`rotation:default/r: ${expected}`]);
  });

  it('lists every missing required field with what it expects', () => {
    const entity = { apiVersion: API, kind: 'Rotation', metadata: { name: 'r' }, spec: { owner: 'subteam:default/x' } };
    expect(lines(entity)).toEqual([
      'rotation:default/r: spec.timezone: is required: an IANA time zone like Europe/Berlin',
      'rotation:default/r: spec.start: is required: a local date-time like 2026-01-05T09:00 (no offset)',
      'rotation:default/r: spec.shiftLength: is required: an ISO-8601 duration like P1W or PT15M',
      'rotation:default/r: spec.participants: is required (ordered User refs)',
    ]);
  });
});

describe('Subteam: members with since, stakeholders with a sync', () => {
  it('accepts plain refs and mappings side by side, and a lead written in either form', () => {
    const entity = subteam({
      members: ['user:default/a', { user: 'b', since: '2026-01-05' }],
      lead: 'user:default/b',
      stakeholders: [
        'group:default/sre',
        { group: 'group:default/devops', sync: 'biweekly', channel: 'https://meet.example.com/devops', intake: ['#devops-requests', 'https://tickets.example.com/queues/devops'] },
        { group: 'analytics' },
      ],
    });
    expect(validateDataInfraEntity(entity)).toEqual([]);
  });
});

describe('Subteam: invalid specs', () => {
  it.each<[string, Entity, string]>([
    ['a domain title instead of its id', subteam({ domain: 'Data Platform' }), 'spec.domain: must be a domain id like data-platform, got "Data Platform"'],
    ['no members', subteam({ members: [] }), 'spec.members: must list at least one item, got []'],
    ['a member listed twice', subteam({ members: ['user:default/a', 'user:default/a'] }), 'spec.members: must not list "user:default/a" twice, got ["user:default/a","user:default/a"]'],
    ['a lead who is not a member', subteam({ lead: 'user:default/z' }), 'spec.lead: must be one of spec.members, got "user:default/z"'],
    ['a malformed e-mail', subteam({ contact: { email: 'data-platform' } }), 'spec.contact.email: must be an e-mail address, got "data-platform"'],
    ['a ticket queue that is not a URL', subteam({ contact: { tickets: 'ask in chat' } }), 'spec.contact.tickets: must be an http(s) URL like https://tickets.example.com/queues/data-platform, got "ask in chat"'],
    ['an unknown contact field', subteam({ contact: { slack: '#mlops' } }), 'spec.contact.slack: is not a known field; the known ones are chat, tickets, email, pager'],
    ['an escalation without levels', subteam({ escalation: { levels: [] } }), 'spec.escalation.levels: must list at least one item, got []'],
    ['a target naming two kinds', subteam({ escalation: { levels: [level('PT0M', { rotation: 'r', user: 'u' })] } }), 'spec.escalation.levels[0].target: must be exactly one of rotation (with optional role), user or subteamLead, got {"rotation":"r","user":"u"}'],
    ['an empty target', subteam({ escalation: { levels: [level('PT0M', {})] } }), 'spec.escalation.levels[0].target: must be exactly one of rotation (with optional role), user or subteamLead, got {}'],
    ['a delay in words', subteam({ escalation: { levels: [level('15 minutes', { user: 'u' })] } }), 'spec.escalation.levels[0].after: must be an ISO-8601 duration like P1W or PT15M, got "15 minutes"'],
    ['delays that go backwards', subteam({ escalation: { levels: [level('PT15M', { user: 'u' }), level('PT5M', { user: 'v' })] } }), 'spec.escalation.levels[1].after: must be later than the level before it (delays strictly increase), got "PT5M"'],
    ['a negative repeat', subteam({ escalation: { repeat: -1, levels: [level('PT0M', { user: 'u' })] } }), 'spec.escalation.repeat: must be at least 0, got -1'],
    ['a member mapping without user', subteam({ members: [{ since: '2026-01-05' }] }), 'spec.members[0].user: is required: an entity reference like user:default/jane.doe'],
    ['a member who is a number', subteam({ members: ['user:default/a', 7] }), 'spec.members[1]: must be a user ref like user:default/jane.doe, or a mapping { user, since }, got 7'],
    ['a since that is not a date', subteam({ members: [{ user: 'user:default/a', since: 'last spring' }] }), 'spec.members[0].since: must be a date like 2026-01-05, got "last spring"'],
    ['a since that does not exist', subteam({ members: [{ user: 'user:default/a', since: '2026-02-30' }] }), 'spec.members[0].since: must be a date that exists, like 2026-01-05, got "2026-02-30"'],
    ['an unknown member field', subteam({ members: [{ user: 'user:default/a', joined: '2026-01-05' }] }), 'spec.members[0].joined: is not a known field; the known ones are user, since'],
    ['a member written in both forms', subteam({ members: ['user:default/a', { user: 'A', since: '2026-01-05' }] }), 'spec.members[1]: must not list user:default/a twice'],
    ['an unknown sync cadence', subteam({ stakeholders: [{ group: 'group:default/sre', sync: 'daily' }] }), 'spec.stakeholders[0].sync: must be weekly, biweekly or monthly, got "daily"'],
    ['a stakeholder mapping without group', subteam({ stakeholders: [{ sync: 'weekly' }] }), 'spec.stakeholders[0].group: is required: an entity reference like group:default/sre'],
    ['a script URL as intake channel', subteam({ stakeholders: [{ group: 'sre', intake: ['javascript:alert(1)'] }] }), 'spec.stakeholders[0].intake[0]: must be free text or an http(s) URL, got "javascript:alert(1)"'],
    ['too many intake channels', subteam({ stakeholders: [{ group: 'sre', intake: Array.from({ length: 11 }, (_, i) => `#c${i}`) }] }), 'spec.stakeholders[0].intake: must list at most 10 items, got 11'],
    ['level hours in an abbreviated zone', subteam({ escalation: { levels: [level('PT0M', { user: 'u' }, { hours: { timezone: 'CET', windows: weekdays } })] } }), 'spec.escalation.levels[0].hours.timezone: must be an IANA time zone like Europe/Berlin, got "CET"'],
  ])('rejects %s', (_, entity, expected) => {
    expect(lines(entity)).toEqual([`subteam:default/s: ${expected}`]);
  });
});

describe('DataService: invalid specs', () => {
  it.each<[string, Entity, string]>([
    ['a tier of 4', service({ tier: 4 }), 'spec.tier: must be 1, 2 or 3, got 4'],
    ['a tier as a string', service({ tier: '1' }), 'spec.tier: must be 1, 2 or 3, got "1"'],
    ['an empty owner', service({ owner: '' }), 'spec.owner: must be an entity reference like subteam:default/data-platform, got ""'],
    ['an availability above 100', service({ sla: { availability: 101 } }), 'spec.sla.availability: must be a percentage above 0 and at most 100, got 101'],
    ['a window in words', service({ sla: { window: '1 month' } }), 'spec.sla.window: must be a rolling window like 30d or 4w, got "1 month"'],
    ['unknown support hours', service({ sla: { supportHours: { type: '9to5' } } }), 'spec.sla.supportHours.type: must be 24x7 or business-hours, got "9to5"'],
    ['business hours without a zone', service({ sla: { supportHours: { type: 'business-hours' } } }), 'spec.sla.supportHours.timezone: is required for business-hours'],
    ['support hours in an abbreviated zone', service({ sla: { supportHours: { type: '24x7', timezone: 'PST' } } }), 'spec.sla.supportHours.timezone: must be an IANA time zone like Europe/Berlin, got "PST"'],
    ['a response time in words', service({ sla: { responseTime: { sev1: 'fast' } } }), 'spec.sla.responseTime.sev1: must be an ISO-8601 duration like P1W or PT15M, got "fast"'],
    ['an unknown severity', service({ sla: { responseTime: { sev4: 'PT1H' } } }), 'spec.sla.responseTime.sev4: is not a known field; the known ones are sev1, sev2, sev3'],
    ['a runbook that is not a URL', service({ runbook: 'see the wiki' }), 'spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "see the wiki"'],
    ['dependsOn as a string', service({ dependsOn: 'zookeeper' }), 'spec.dependsOn: must be a list, got "zookeeper"'],
    ['no lifecycle', service({ lifecycle: undefined }), 'spec.lifecycle: is required (experimental, production, deprecated…)'],
    ['too many repeats', service({ escalation: { repeat: 11, levels: [level('PT0M', { user: 'u' })] } }), 'spec.escalation.repeat: must be at most 10, got 11'],
  ])('rejects %s', (_, entity, expected) => {
    expect(lines(entity)).toEqual([`dataservice:default/kafka: ${expected}`]);
  });

  it('reports several problems of one entity, one line each', () => {
    expect(lines(service({ tier: 0, sla: { availability: 0, window: '30' } }))).toEqual([
      'dataservice:default/kafka: spec.tier: must be 1, 2 or 3, got 0',
      'dataservice:default/kafka: spec.sla.availability: must be a percentage above 0 and at most 100, got 0',
      'dataservice:default/kafka: spec.sla.window: must be a rolling window like 30d or 4w, got "30"',
    ]);
  });
});

describe('bounds: work per answer stays small whatever a file says', () => {
  const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
  const window = { days: ['mon'], from: '09:00', to: '17:00' };
  const override = (i: number) => ({ start: '2026-01-05T09:00', end: '2026-01-05T10:00', user: `user:default/u${i}` });
  const levels = (n: number) => many(n, i => level(`PT${i}M`, { user: 'u' }));

  it.each<[string, Entity, string]>([
    ['a shift of one second', rotation({ shiftLength: 'PT1S' }), 'rotation:default/r: spec.shiftLength: must be at least PT15M, got "PT1S"'],
    ['a shift of 14 minutes 59 seconds', rotation({ shiftLength: 'PT14M59S' }), 'rotation:default/r: spec.shiftLength: must be at least PT15M, got "PT14M59S"'],
    ['101 participants', rotation({ participants: many(101, i => `user:default/u${i}`) }), 'rotation:default/r: spec.participants: must list at most 100 items, got 101'],
    ['501 overrides', rotation({ overrides: many(501, override) }), 'rotation:default/r: spec.overrides: must list at most 500 items, got 501'],
    ['51 coverage windows', rotation({ coverage: many(51, () => window) }), 'rotation:default/r: spec.coverage: must list at most 50 items, got 51'],
    ['51 support-hour windows', service({ sla: { supportHours: { type: 'business-hours', timezone: 'UTC', windows: many(51, () => window) } } }), 'dataservice:default/kafka: spec.sla.supportHours.windows: must list at most 50 items, got 51'],
    ['21 escalation levels', service({ escalation: { levels: levels(21) } }), 'dataservice:default/kafka: spec.escalation.levels: must list at most 20 items, got 21'],
    ['51 windows of a level', subteam({ escalation: { levels: [level('PT0M', { user: 'u' }, { hours: { timezone: 'UTC', windows: many(51, () => window) } })] } }), 'subteam:default/s: spec.escalation.levels[0].hours.windows: must list at most 50 items, got 51'],
  ])('rejects %s, naming the field', (_, entity, expected) => {
    expect(lines(entity)).toEqual([expected]);
  });

  it('accepts every list at its bound and the shortest shift', () => {
    expect(
      validateDataInfraEntity(
        rotation({
          shiftLength: 'PT15M',
          participants: many(100, i => `user:default/u${i}`),
          overrides: many(500, override),
          coverage: many(50, () => window),
        }),
      ),
    ).toEqual([]);
    expect(validateDataInfraEntity(service({ escalation: { repeat: 10, levels: levels(20) } }))).toEqual([]);
  });

  it('quotes at most 80 characters of a huge value', () => {
    const [line] = lines(rotation({ timezone: 'X'.repeat(1_000_000) }));
    expect(line).toBe(`rotation:default/r: spec.timezone: must be an IANA time zone like Europe/Berlin, got "${'X'.repeat(79)}…`);
  });
});

describe('URLs are http(s), or mailto: where an address is meant', () => {
  const withLinks = (url: string) => ({ ...service({}), metadata: { name: 'kafka', links: [{ url, title: 'x' }] } });
  it.each<[string, Entity, string]>([
    ['a javascript: runbook', service({ runbook: 'javascript:alert(document.domain)' }), 'dataservice:default/kafka: spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "javascript:alert(document.domain)"'],
    ['a data: runbook', service({ runbook: 'data:text/html,<script>alert(1)</script>' }), 'dataservice:default/kafka: spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "data:text/html,<script>alert(1)</script>"'],
    ['a runbook with a line break', service({ runbook: 'https://x.example.com/\nSet-Cookie: a' }), 'dataservice:default/kafka: spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "https://x.example.com/\\nSet-Cookie: a"'],
    ['a JAVASCRIPT: ticket queue', subteam({ contact: { tickets: 'JAVASCRIPT:alert(1)' } }), 'subteam:default/s: spec.contact.tickets: must be an http(s) URL like https://tickets.example.com/queues/data-platform, got "JAVASCRIPT:alert(1)"'],
    ['a javascript: pager', subteam({ contact: { pager: 'javascript:alert(1)' } }), 'subteam:default/s: spec.contact.pager: must be free text or an http(s) URL, got "javascript:alert(1)"'],
    ['a vbscript: chat', subteam({ contact: { chat: 'vbscript:msgbox' } }), 'subteam:default/s: spec.contact.chat: must be free text or an http(s) URL, got "vbscript:msgbox"'],
    ['a javascript: link', withLinks('javascript:alert(1)'), 'dataservice:default/kafka: metadata.links[0].url: must be an http(s) URL or a mailto: address, got "javascript:alert(1)"'],
    ['a file: link', withLinks('file:///etc/passwd'), 'dataservice:default/kafka: metadata.links[0].url: must be an http(s) URL or a mailto: address, got "file:///etc/passwd"'],
  ])('rejects %s', (_, entity, expected) => {
    expect(lines(entity)).toEqual([expected]);
  });

  it('accepts http(s) URLs, free text and mailto: links', () => {
    expect(validateDataInfraEntity(subteam({ contact: { chat: '#data-platform', pager: 'PagerDuty service data-platform', tickets: 'http://tickets.example.com/q' } }))).toEqual([]);
    expect(validateDataInfraEntity(subteam({ contact: { chat: 'https://chat.example.com/c/dp', pager: 'https://pager.example.com/dp' } }))).toEqual([]);
    expect(validateDataInfraEntity(withLinks('mailto:kafka-team@example.com'))).toEqual([]);
    expect(validateDataInfraEntity(withLinks('https://grafana.example.com/d/kafka'))).toEqual([]);
  });
});

describe('titles are one line of text', () => {
  it.each([
    ['CR/LF', 'On-call\r\nBEGIN:VEVENT'],
    ['a tab', 'On\tcall'],
    ['a NUL', 'On\u0000call'],
    ['a line separator', 'On\u2028call'],
  ])('rejects a title with %s', (_, title) => {
    const entity = { ...rotation({}), metadata: { name: 'r', title } };
    expect(lines(entity)).toEqual([`rotation:default/r: metadata.title: must not contain control characters or line breaks, got ${JSON.stringify(title)}`]);
  });
  it('accepts a title with punctuation and non-Latin letters', () => {
    expect(validateDataInfraEntity({ ...rotation({}), metadata: { name: 'r', title: 'Plattform; Bereitschaft, Zürich — 東京' } })).toEqual([]);
  });
});

describe('valid entities', () => {
  it.each([
    ['Subteam', subteamSchema.examples[0]],
    ['DataService', dataServiceSchema.examples[0]],
    ['Rotation', rotationSchema.examples[0]],
  ])('accepts the %s schema example', (_, example) => {
    expect(validateDataInfraEntity(example as Entity)).toEqual([]);
  });

  it('accepts fully specified entities of each kind', () => {
    const escalation = {
      levels: [
        level('PT0M', { rotation: 'rotation:default/data-platform', role: 'primary' }),
        level('PT10M', { rotation: 'data-platform', role: 'secondary' }),
        level('PT30M', { subteamLead: 'subteam:default/data-platform' }, { hours: { timezone: 'Europe/Berlin', windows: weekdays } }),
        level('PT1H', { user: 'user:default/head-of-data' }),
      ],
      repeat: 2,
    };
    expect(
      validateDataInfraEntity(
        subteam({
          domain: 'data-platform',
          members: ['user:default/a', 'user:default/b', 'user:default/c'],
          lead: 'user:default/a',
          stakeholders: ['group:default/sre'],
          contact: { chat: '#data-platform', tickets: 'https://jira.example.com/projects/DP', email: 'dp@example.com', pager: 'opsgenie' },
          handles: ['HDFS capacity', 'Kafka lag'],
          escalation,
        }),
      ),
    ).toEqual([]);
    expect(
      validateDataInfraEntity(
        service({
          tier: 1,
          technology: 'Apache Kafka',
          dependsOn: ['dataservice:default/zookeeper'],
          consumers: ['group:default/analytics'],
          runbook: 'https://wiki.example.com/kafka',
          sla: {
            availability: 99.95,
            window: '4w',
            supportHours: { type: 'business-hours', timezone: 'America/Chicago', windows: [{ days: ['fri'], from: '22:00', to: '06:00' }] },
            responseTime: { sev1: 'PT15M', sev2: 'PT1H', sev3: 'P1D' },
            resolutionTime: { sev1: 'PT4H' },
            freshness: 'PT1H',
            rpo: 'PT5M',
            rto: 'PT1H',
          },
          escalation,
        }),
      ),
    ).toEqual([]);
    expect(
      validateDataInfraEntity(
        rotation({
          timezone: 'Australia/Lord_Howe',
          shiftLength: 'PT12H',
          depth: 1,
          coverage: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }],
          overrides: [{ start: '2026-02-01T08:00', end: '2026-02-02T08:00', user: 'user:default/b' }],
        }),
      ),
    ).toEqual([]);
  });

  it('leaves kinds that are not ours alone', () => {
    expect(validateDataInfraEntity({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'c' }, spec: { anything: true } })).toEqual([]);
  });
});

describe('the reference fields of the kind descriptors', () => {
  it('lists every ref a Subteam writes, at its concrete path', () => {
    const platform = {
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'Subteam',
      metadata: { name: 'platform', namespace: 'ops' },
      spec: {
        domain: 'data-platform',
        parent: 'group:default/data-infrastructure',
        members: ['alice', { user: 'Bob', since: '2026-01-05' }],
        stakeholders: ['sre', { group: 'devops', sync: 'weekly' }],
        lead: 'alice',
        escalation: { levels: [{ after: 'PT0M', target: { rotation: 'platform-oncall' } }, { after: 'PT15M', target: { subteamLead: 'platform' } }] },
      },
    };
    const refs = dataInfraReferences(platform).map(r => [
      r.path,
      r.label,
      normaliseEntityRef(r.value, { defaultKind: r.field.defaultKind, defaultNamespace: 'ops' }),
    ]);
    expect(refs).toEqual([
      ['spec.parent', 'Parent group', 'group:default/data-infrastructure'],
      ['spec.members[0]', 'Member', 'user:ops/alice'],
      ['spec.members[1].user', 'Member', 'user:ops/bob'],
      ['spec.lead', 'Lead', 'user:ops/alice'],
      ['spec.stakeholders[0]', 'Stakeholder group', 'group:ops/sre'],
      ['spec.stakeholders[1].group', 'Stakeholder group', 'group:ops/devops'],
      ['spec.escalation.levels[0].target.rotation', 'Level 1 rotation', 'rotation:ops/platform-oncall'],
      ['spec.escalation.levels[1].target.subteamLead', 'Level 2 subteam', 'subteam:ops/platform'],
    ]);
  });

  it('has none for kinds that are not ours', () => {
    expect(dataInfraReferences({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: { owner: 'y' } })).toEqual([]);
  });
});
