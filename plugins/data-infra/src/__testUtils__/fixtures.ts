import type { Entity } from '@backstage/catalog-model';
import type {
  EscalationResponse,
  MapDependenciesResponse,
  OnCallResponse,
  OwnershipMapResponse,
  PersonOnCallResponse,
  RotationLoadAnswer,
  RotationPlanResponse,
  ServiceSummary,
  ServicesResponse,
  ShiftsResponse,
  SubteamsOnCallResponse,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraApi, ServicesQuery } from '../api';

/*
 * A small slice of the seeded organisation, written by hand so the tests
 * read like the catalog users see.
 */

export const kafkaEntity: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'DataService',
  metadata: { name: 'kafka', namespace: 'default', title: 'Kafka' },
  spec: {
    type: 'streaming',
    lifecycle: 'production',
    owner: 'subteam:default/data-platform',
    tier: 1,
    technology: 'Apache Kafka',
    consumers: ['group:default/analytics'],
    sla: {
      availability: 99.9,
      window: '30d',
      supportHours: { type: '24x7' },
      responseTime: { sev1: 'PT15M', sev2: 'PT1H', sev3: 'P1D' },
      resolutionTime: { sev1: 'PT4H' },
      rpo: 'PT5M',
      rto: 'PT1H',
    },
  },
  // As the catalog module's processor emits them from spec.owner and spec.consumers.
  relations: [
    { type: 'ownedBy', targetRef: 'subteam:default/data-platform' },
    { type: 'serves', targetRef: 'group:default/analytics' },
  ],
};

export const dataPlatformSubteam: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Subteam',
  metadata: { name: 'data-platform', namespace: 'default', title: 'Data Platform' },
  spec: {
    domain: 'data-platform',
    parent: 'group:default/data-infrastructure',
    members: ['user:default/alice', 'user:default/bob', 'user:default/carol'],
    lead: 'user:default/alice',
    stakeholders: ['group:default/sre', 'group:default/devops'],
    contact: { chat: '#data-platform', email: 'data-platform@example.com' },
  },
  relations: [
    { type: 'ownerOf', targetRef: 'dataservice:default/kafka' },
    { type: 'ownerOf', targetRef: 'dataservice:default/hdfs' },
    { type: 'hasMember', targetRef: 'user:default/alice' },
  ],
};

export const platformRotation: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Rotation',
  metadata: { name: 'data-platform-oncall', namespace: 'default', title: 'Data Platform on-call' },
  spec: {
    owner: 'subteam:default/data-platform',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shiftLength: 'P1W',
    participants: ['user:default/alice', 'user:default/bob'],
    coverage: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' }],
    overrides: [
      { start: '2026-03-02T09:00', end: '2026-03-03T09:00', user: 'user:default/carol' },
    ],
  },
  relations: [{ type: 'ownedBy', targetRef: 'subteam:default/data-platform' }],
};

/** Kind and name only: every optional and "required" spec field missing. */
export function halfFilled(kind: string): Entity {
  return {
    apiVersion: 'data-infra.io/v1alpha1',
    kind,
    metadata: { name: `half-${kind.toLowerCase()}`, namespace: 'default' },
  };
}

const person = (name: string, displayName: string) => ({
  ref: `user:default/${name}`,
  displayName,
  email: `${name}@example.com`,
});

export const kafkaEscalation: EscalationResponse = {
  entityRef: 'dataservice:default/kafka',
  at: '2026-03-10T10:00:00Z',
  policyRef: 'subteam:default/data-platform',
  inherited: true,
  repeat: 1,
  levels: [
    {
      index: 0,
      after: 'PT0M',
      afterMs: 0,
      via: 'rotation',
      targetRef: 'rotation:default/data-platform-oncall',
      targetTitle: 'Data Platform on-call',
      role: 'primary',
      reachable: true,
      people: [
        { ...person('alice', 'Alice Andersen'), role: 'primary', from: '2026-03-09T08:00:00Z', until: '2026-03-16T08:00:00Z' },
      ],
    },
    {
      index: 1,
      after: 'PT15M',
      afterMs: 15 * 60_000,
      via: 'rotation',
      targetRef: 'rotation:default/data-platform-oncall',
      targetTitle: 'Data Platform on-call',
      role: 'secondary',
      reachable: true,
      people: [{ ...person('bob', 'Bob Berg'), role: 'secondary' }],
    },
    {
      index: 2,
      after: 'PT30M',
      afterMs: 30 * 60_000,
      via: 'subteamLead',
      targetRef: 'subteam:default/data-infrastructure',
      targetTitle: 'Data Infrastructure',
      reachable: false,
      reason: 'the subteam has no lead',
      people: [],
    },
  ],
  firstReachableAfterMs: 0,
  findings: [],
};

/** Two people two deep: each on call all the time, primary and secondary in turn. */
export const platformLoad: RotationLoadAnswer[] = [4, 13].map(weeks => ({
  weeks,
  from: '2026-03-10T10:00:00Z',
  to: new Date(Date.parse('2026-03-10T10:00:00Z') + weeks * 168 * 3_600_000).toISOString().replace('.000Z', 'Z'),
  truncated: false,
  people: [
    { user: person('alice', 'Alice Andersen'), hours: { primary: weeks * 84, secondary: weeks * 84 }, onCallHours: weeks * 168, share: 1, nights: weeks * 7, weekendDays: weeks * 2, longestStretchHours: weeks * 168 },
    { user: person('bob', 'Bob Berg'), hours: { primary: weeks * 84 + 1, secondary: weeks * 84 - 1 }, onCallHours: weeks * 168, share: 1, nights: weeks * 7, weekendDays: weeks * 2, longestStretchHours: weeks * 168 },
  ],
}));

export const onCallNow: OnCallResponse = {
  at: '2026-03-10T10:00:00Z',
  rotations: [
    {
      rotation: { ref: 'rotation:default/data-platform-oncall', title: 'Data Platform on-call', timezone: 'Europe/Berlin' },
      owner: { ref: 'subteam:default/data-platform', title: 'Data Platform' },
      at: '2026-03-10T10:00:00Z',
      onCall: [
        { role: 'primary', user: person('alice', 'Alice Andersen'), from: '2026-03-09T08:00:00Z', until: '2026-03-16T08:00:00Z' },
        { role: 'secondary', user: person('bob', 'Bob Berg'), from: '2026-03-09T08:00:00Z', until: '2026-03-16T08:00:00Z' },
      ],
      nextHandoff: '2026-03-16T08:00:00Z',
      load: platformLoad,
    },
  ],
};

export const platformShifts: ShiftsResponse = {
  rotationRef: 'rotation:default/data-platform-oncall',
  timezone: 'Europe/Berlin',
  from: '2026-03-10T10:00:00Z',
  to: '2026-04-07T10:00:00Z',
  truncated: false,
  participants: [person('alice', 'Alice Andersen'), person('bob', 'Bob Berg')],
  shifts: [
    { role: 'primary', user: person('alice', 'Alice Andersen'), start: '2026-03-10T10:00:00Z', end: '2026-03-16T08:00:00Z', source: 'schedule' },
    { role: 'primary', user: person('bob', 'Bob Berg'), start: '2026-03-16T08:00:00Z', end: '2026-03-23T08:00:00Z', source: 'schedule' },
    { role: 'primary', user: person('carol', 'Carol Chen'), start: '2026-03-23T08:00:00Z', end: '2026-03-24T08:00:00Z', source: 'override' },
  ],
  load: platformLoad,
};

type MapDomain = OwnershipMapResponse['domains'][number];

const platformSubteam: MapDomain['subteams'][number] = {
  ref: 'subteam:default/data-platform',
  title: 'Data Platform',
  members: [person('alice', 'Alice Andersen'), person('bob', 'Bob Berg')],
  lead: person('alice', 'Alice Andersen'),
  stakeholders: [{ ref: 'group:default/sre', title: 'SRE' }],
  handles: ['cluster outages', 'capacity'],
  contact: { chat: '#data-platform', pager: 'https://pager.example.com/data-platform' },
  rotations: [{ ref: 'rotation:default/data-platform-oncall', title: 'Data Platform on-call', onCall: onCallNow.rotations[0].onCall }],
};

function domain(id: string, title: string, order: number, serviceCount: number, subteams: MapDomain['subteams'] = []): MapDomain {
  return { id, title, order, subteams, subteamCount: subteams.length, serviceCount, findings: { error: 0, warning: 0, info: 0 } };
}

/** GET /map's summary; its tiles are mapServices. */
export const ownershipMap: OwnershipMapResponse = {
  at: '2026-03-10T10:00:00Z',
  domains: [
    { ...domain('data-platform', 'Data Platform', 1, 2, [platformSubteam]), findings: { error: 0, warning: 1, info: 0 } },
    domain('data-engineering', 'Data Engineering', 2, 1),
    domain('mlops', 'MLOps', 3, 1, [
      { ref: 'subteam:default/mlops', title: 'MLOps', members: [person('dave', 'Dave Diaz')], lead: null, stakeholders: [], handles: [], rotations: [] },
    ]),
    { ...domain('bi-services', 'BI Services', 4, 1), findings: { error: 1, warning: 0, info: 0 } },
  ],
  filters: { tiers: [1, 2, 3], lifecycles: ['experimental', 'production'] },
  measured: false,
  totals: { domains: 4, subteams: 2, services: 5, rotations: 1, findings: { error: 1, warning: 1, info: 0 } },
};

export function serviceSummary(overrides: Partial<ServiceSummary> & { ref: string; title: string }): ServiceSummary {
  return {
    name: overrides.ref.split('/')[1],
    type: 'storage',
    lifecycle: 'production',
    domain: 'data-platform',
    owner: { ref: 'subteam:default/data-platform', title: 'Data Platform' },
    escalationSummary: 'primary, then secondary after 15 min',
    escalation: {
      levels: 2,
      first: { targetTitle: 'Data Platform on-call', role: 'primary', afterMs: 0 },
      inherited: true,
      repeat: 0,
      gaps: null,
    },
    onCall: [],
    worstFinding: null,
    findingCount: 0,
    ...overrides,
  };
}

export const services: ServiceSummary[] = [
  serviceSummary({
    ref: 'dataservice:default/kafka',
    title: 'Kafka',
    tier: 1,
    sla: { availability: 99.9, window: '30d', supportHours: { type: '24x7' }, responseTime: { sev1: 'PT15M' } },
    errorBudgetMs: 2_592_000,
    runbook: 'https://runbooks.example.com/kafka',
    onCall: onCallNow.rotations[0].onCall,
  }),
  serviceSummary({
    ref: 'dataservice:default/mlflow',
    title: 'MLflow',
    tier: 2,
    domain: 'mlops',
    owner: { ref: 'subteam:default/mlops', title: 'MLOps' },
    sla: { availability: 99.5, supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' } },
    errorBudgetMs: 12_960_000,
    worstFinding: 'warning',
    findingCount: 2,
  }),
  serviceSummary({
    ref: 'dataservice:default/trino',
    title: 'Trino, the "fast" one',
    tier: 2,
    domain: 'bi-services',
    owner: { ref: 'subteam:default/bi', title: 'BI Services' },
  }),
];

/** The map's tiles: rows of GET /services, one to three per domain. */
export const mapServices: ServiceSummary[] = [
  serviceSummary({ ref: 'dataservice:default/hdfs', title: 'HDFS', tier: 2, sla: { availability: 99.9 }, worstFinding: 'warning', findingCount: 1 }),
  serviceSummary({ ref: 'dataservice:default/kafka', title: 'Kafka', tier: 1, sla: { availability: 99.9 } }),
  serviceSummary({
    ref: 'dataservice:default/debezium',
    title: 'Debezium CDC',
    tier: 2,
    lifecycle: 'experimental',
    domain: 'data-engineering',
    owner: { ref: 'subteam:default/data-engineering', title: 'Data Engineering' },
    sla: { availability: 99.9 },
  }),
  serviceSummary({ ref: 'dataservice:default/mlflow', title: 'MLflow', tier: 2, domain: 'mlops', owner: { ref: 'subteam:default/mlops', title: 'MLOps' }, sla: { availability: 99.9 } }),
  serviceSummary({ ref: 'dataservice:default/trino', title: 'Trino', tier: 3, domain: 'bi-services', owner: { ref: 'subteam:default/bi', title: 'BI Services' }, sla: { availability: 99.9 }, worstFinding: 'error', findingCount: 1 }),
];

/**
 * GET /services over some rows as the backend answers it: the domain,
 * tier and lifecycle filters, `q` in the title, and the page.
 */
export function servicesOf(rows: ServiceSummary[]) {
  return async (query: ServicesQuery = {}): Promise<ServicesResponse> => {
    const q = query.q?.toLocaleLowerCase('en-US');
    const matching = rows.filter(
      row =>
        (!query.domain || row.domain === query.domain) &&
        (query.tier === undefined || row.tier === query.tier) &&
        (!query.lifecycle || row.lifecycle === query.lifecycle) &&
        (!q || row.title.toLocaleLowerCase('en-US').includes(q)),
    );
    const offset = query.offset ?? 0;
    return { items: matching.slice(offset, offset + (query.limit ?? 50)), totalItems: matching.length };
  };
}

/** GET /map/dependencies of the map's tiles: Debezium uses Kafka, Trino uses HDFS. */
export async function mapDependenciesOf(ref: string): Promise<MapDependenciesResponse> {
  const edges = [
    { from: 'dataservice:default/debezium', to: 'dataservice:default/kafka' },
    { from: 'dataservice:default/trino', to: 'dataservice:default/hdfs' },
  ];
  const other = (r: string) => {
    const row = mapServices.find(s => s.ref === r)!;
    return { ref: r, title: row.title, domain: row.domain! };
  };
  const dependsOn = edges.filter(e => e.from === ref).map(e => other(e.to));
  const usedBy = edges.filter(e => e.to === ref).map(e => other(e.from));
  return { ref, dependsOn, dependsOnCount: dependsOn.length, usedBy, usedByCount: usedBy.length };
}

/** The on-call page's answer: Data Platform with its rotation, MLOps without one. */
export const subteamsOnCall: SubteamsOnCallResponse = {
  at: '2026-03-10T10:00:00Z',
  subteams: [
    {
      ref: 'subteam:default/data-platform',
      title: 'Data Platform',
      domain: 'data-platform',
      contact: { chat: '#data-platform', pager: 'https://pager.example.com/data-platform' },
      handles: ['Kafka outages', 'HDFS capacity'],
      rotations: [
        {
          rotation: onCallNow.rotations[0].rotation,
          onCall: onCallNow.rotations[0].onCall,
          nextHandoff: '2026-03-16T08:00:00Z',
        },
      ],
      escalation: { repeat: 1, levels: kafkaEscalation.levels },
      runbooks: [{ ref: 'dataservice:default/kafka', title: 'Kafka', url: 'https://runbooks.example.com/kafka' }],
      runbookCount: 25,
    },
    {
      ref: 'subteam:default/mlops',
      title: 'MLOps',
      domain: 'mlops',
      handles: [],
      rotations: [],
      escalation: {
        repeat: 0,
        levels: [
          {
            index: 0,
            after: 'PT0M',
            afterMs: 0,
            via: 'user',
            targetRef: 'user:default/dave',
            targetTitle: 'Dave Diaz',
            reachable: true,
            people: [person('dave', 'Dave Diaz')],
          },
        ],
      },
      runbooks: [],
      runbookCount: 0,
    },
  ],
};

/**
 * Bob's on-call as GET /people/default/bob/oncall answers it, around `now`
 * (the page marks what is under way from the clock): secondary now until
 * tomorrow, primary the week after; Kafka's path reaches him at its second
 * level; Carol covered one of his primary days last week.
 */
export function personOnCall(now: number = Date.now()): PersonOnCallResponse {
  const H = 3600_000;
  const iso = (ms: number) => new Date(Math.floor(ms / H) * H).toISOString().replace('.000Z', 'Z');
  const rotation = { ref: 'rotation:default/data-platform-oncall', title: 'Data Platform on-call', timezone: 'Europe/Berlin' };
  const bob = person('bob', 'Bob Berg');
  return {
    person: bob,
    inCatalog: true,
    at: iso(now),
    from: iso(now - 12 * H),
    to: iso(now + 28 * 24 * H),
    rotations: [rotation],
    shifts: [
      { rotation, role: 'secondary', start: iso(now - 6 * 24 * H), end: iso(now + 24 * H), source: 'schedule' },
      { rotation, role: 'primary', start: iso(now + 24 * H), end: iso(now + 8 * 24 * H), source: 'schedule' },
      { rotation, role: 'secondary', start: iso(now + 8 * 24 * H), end: iso(now + 15 * 24 * H), source: 'override' },
    ],
    truncated: false,
    escalations: [
      {
        service: { ref: 'dataservice:default/kafka', title: 'Kafka', tier: 1 },
        owner: { ref: 'subteam:default/data-platform', title: 'Data Platform' },
        policyRef: 'subteam:default/data-platform',
        inherited: true,
        levelCount: 3,
        levels: [
          {
            index: 1,
            after: 'PT15M',
            afterMs: 15 * 60_000,
            via: 'rotation',
            targetRef: rotation.ref,
            targetTitle: rotation.title,
            role: 'secondary',
            reachable: true,
            people: [{ ...bob, role: 'secondary', from: iso(now - 6 * 24 * H), until: iso(now + 24 * H) }],
          },
        ],
      },
    ],
    escalationCount: 1,
    covers: [
      {
        rotation,
        role: 'primary',
        start: iso(now - 9 * 24 * H),
        end: iso(now - 8 * 24 * H),
        by: person('carol', 'Carol Chen'),
        for: bob,
        mine: 'covered',
      },
    ],
    coversTruncated: false,
  };
}

/** A DataInfraApi whose methods are jest mocks returning the fixtures. */
/**
 * GET /rotation-plan on 1 December 2026: Data Platform's two members are
 * both due; of Data Engineering's three the lead is due and one stays
 * alone; MLOps has a member without a join date and moves nobody.
 */
export const rotationPlanAnswer: RotationPlanResponse = {
  at: '2026-12-01T12:00:00Z',
  horizon: '2027-03-01',
  policy: { min: 'P6M', max: 'P9M' },
  subteams: [
    {
      ref: 'subteam:default/data-platform',
      title: 'Data Platform',
      domain: 'data-platform',
      memberCount: 2,
      counts: { due: 2, eligible: 0, 'not-yet-eligible': 0, unknown: 0 },
      members: [
        { ref: 'user:default/alice', displayName: 'Alice Andersen', lead: false, since: '2026-01-05', eligibleFrom: '2026-07-05', dueFrom: '2026-10-05', status: 'due', moves: true },
        { ref: 'user:default/bob', displayName: 'Bob Berg', lead: false, since: '2026-02-16', eligibleFrom: '2026-08-16', dueFrom: '2026-11-16', status: 'due', moves: true },
      ],
      after: { moving: 2, remaining: [], remainingCount: 0, warning: 'loses-all-context', leadMoves: false },
    },
    {
      ref: 'subteam:default/data-engineering',
      title: 'Data Engineering',
      domain: 'data-engineering',
      memberCount: 3,
      counts: { due: 1, eligible: 1, 'not-yet-eligible': 1, unknown: 0 },
      members: [
        { ref: 'user:default/carol', displayName: 'Carol Chen', lead: true, since: '2026-01-05', eligibleFrom: '2026-07-05', dueFrom: '2026-10-05', status: 'due', moves: true },
        { ref: 'user:default/erin', displayName: 'Erin Ek', lead: false, since: '2026-03-30', eligibleFrom: '2026-09-30', dueFrom: '2026-12-30', status: 'eligible', moves: true },
        { ref: 'user:default/frank', displayName: 'Frank Fox', lead: false, since: '2026-11-02', eligibleFrom: '2027-05-02', dueFrom: '2027-08-02', status: 'not-yet-eligible', moves: false },
      ],
      after: {
        moving: 2,
        remaining: [{ ref: 'user:default/frank', displayName: 'Frank Fox' }],
        remainingCount: 1,
        warning: 'below-two',
        leadMoves: true,
      },
    },
    {
      ref: 'subteam:default/mlops',
      title: 'MLOps',
      domain: 'mlops',
      memberCount: 2,
      counts: { due: 0, eligible: 0, 'not-yet-eligible': 1, unknown: 1 },
      members: [
        { ref: 'user:default/dave', displayName: 'Dave Diaz', lead: false, since: '2026-06-22', eligibleFrom: '2026-12-22', dueFrom: '2027-03-22', status: 'not-yet-eligible', moves: false },
        { ref: 'user:default/gus', displayName: 'Gus Green', lead: false, status: 'unknown', moves: false },
      ],
      after: {
        moving: 0,
        remaining: [
          { ref: 'user:default/dave', displayName: 'Dave Diaz' },
          { ref: 'user:default/gus', displayName: 'Gus Green' },
        ],
        remainingCount: 2,
        warning: null,
        leadMoves: false,
      },
    },
  ],
};

export function mockDataInfraApi(
  overrides: Partial<jest.Mocked<DataInfraApi>> = {},
): jest.Mocked<DataInfraApi> {
  return {
    getOnCall: jest.fn().mockResolvedValue(onCallNow),
    getSubteamsOnCall: jest.fn().mockResolvedValue(subteamsOnCall),
    getEscalation: jest.fn().mockResolvedValue(kafkaEscalation),
    getShifts: jest.fn().mockResolvedValue(platformShifts),
    getCalendarUrl: jest
      .fn()
      .mockResolvedValue('http://localhost:7007/api/data-infra/rotations/default/data-platform-oncall/calendar.ics'),
    subscribeToCalendar: jest.fn().mockResolvedValue({
      subscribed: true,
      createdAt: '2026-03-10T10:00:00Z',
      https: 'https://backstage.example.com/api/data-infra/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB.ics',
      webcal: 'webcal://backstage.example.com/api/data-infra/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB.ics',
    }),
    revokeCalendarSubscription: jest.fn().mockResolvedValue(undefined),
    getServices: jest.fn().mockResolvedValue({ items: services, totalItems: services.length }),
    getAllServices: jest.fn().mockResolvedValue(services),
    getMap: jest.fn().mockResolvedValue(ownershipMap),
    getMapSubteams: jest.fn().mockResolvedValue({ at: ownershipMap.at, items: [], totalItems: 0 }),
    getMapDependencies: jest.fn(mapDependenciesOf),
    getChecks: jest.fn().mockResolvedValue({ groups: [] }),
    getSla: jest.fn().mockResolvedValue({ entityRef: 'dataservice:default/kafka', budgetSeries: [] }),
    getPersonOnCall: jest.fn().mockResolvedValue(personOnCall()),
    subscribeToPersonalCalendar: jest.fn().mockResolvedValue({
      subscribed: true,
      createdAt: '2026-03-10T10:00:00Z',
      https: 'https://backstage.example.com/api/data-infra/calendar-feeds/CCCCCCCCCCCCCCCCCCCCCC.DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD.ics',
      webcal: 'webcal://backstage.example.com/api/data-infra/calendar-feeds/CCCCCCCCCCCCCCCCCCCCCC.DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD.ics',
    }),
    revokePersonalCalendarSubscription: jest.fn().mockResolvedValue(undefined),
    getRotationPlan: jest.fn().mockResolvedValue(rotationPlanAnswer),
    ...overrides,
  };
}

/** The API as the map uses it: the summary, and its tiles from mapServices through the /services fake. */
export function mockMapApi(overrides: Partial<jest.Mocked<DataInfraApi>> = {}): jest.Mocked<DataInfraApi> {
  return mockDataInfraApi({ getServices: jest.fn(servicesOf(mapServices)), ...overrides });
}
