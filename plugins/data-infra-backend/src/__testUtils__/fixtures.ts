/*
 * A small organisation for router tests: two domains, a weekly 2-deep
 * rotation in Berlin, a tier-1 service with its own policy, one inheriting
 * its subteam's policy, and a BI service without any rotation.
 */
import type { Entity } from '@backstage/catalog-model';

const API = 'data-infra.io/v1alpha1';

function user(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', etag: `${name}-1` },
    spec: { profile: { displayName, email: `${name}@example.com` }, memberOf: [] },
  };
}

export const fixtureEntities: Entity[] = [
  user('alice', 'Alice Adams'),
  user('bob', 'Bob Brown'),
  user('carol', 'Carol Chen'),
  user('dave', 'Dave Diaz'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'data-infrastructure', namespace: 'default', title: 'Data Infrastructure' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: API,
    kind: 'Subteam',
    metadata: { name: 'platform', namespace: 'default', title: 'Platform', etag: 'platform-1' },
    spec: {
      domain: 'data-platform',
      parent: 'group:default/data-infrastructure',
      members: ['user:default/alice', 'user:default/bob'],
      contact: { chat: '#platform' },
      handles: ['Kafka outages'],
      escalation: {
        levels: [
          { after: 'PT0M', target: { rotation: 'rotation:default/platform-oncall', role: 'primary' } },
          { after: 'PT15M', target: { rotation: 'rotation:default/platform-oncall', role: 'secondary' } },
        ],
      },
    },
  },
  {
    apiVersion: API,
    kind: 'Subteam',
    metadata: { name: 'bi', namespace: 'default', title: 'BI', etag: 'bi-1' },
    spec: {
      domain: 'bi-services',
      parent: 'group:default/data-infrastructure',
      members: ['user:default/dave'],
      escalation: { levels: [{ after: 'PT0M', target: { user: 'user:default/dave' } }] },
    },
  },
  {
    apiVersion: API,
    kind: 'Rotation',
    metadata: { name: 'platform-oncall', namespace: 'default', title: 'Platform on-call', etag: 'rot-1' },
    spec: {
      owner: 'subteam:default/platform',
      timezone: 'Europe/Berlin',
      start: '2026-01-05T09:00',
      shiftLength: 'P1W',
      depth: 2,
      participants: ['user:default/alice', 'user:default/bob'],
    },
    relations: [{ type: 'ownedBy', targetRef: 'subteam:default/platform' }],
  },
  {
    apiVersion: API,
    kind: 'DataService',
    metadata: { name: 'kafka', namespace: 'default', title: 'Apache Kafka', etag: 'kafka-1' },
    spec: {
      type: 'streaming',
      lifecycle: 'production',
      owner: 'subteam:default/platform',
      tier: 1,
      technology: 'Apache Kafka',
      runbook: 'https://runbooks.example.com/kafka',
      sla: { availability: 99.9, window: '30d', supportHours: { type: '24x7' } },
      escalation: {
        levels: [
          { after: 'PT0M', target: { rotation: 'rotation:default/platform-oncall', role: 'primary' } },
          { after: 'PT10M', target: { rotation: 'rotation:default/platform-oncall', role: 'secondary' } },
          { after: 'PT30M', target: { user: 'user:default/carol' } },
        ],
      },
    },
  },
  {
    apiVersion: API,
    kind: 'DataService',
    metadata: { name: 'zookeeper', namespace: 'default', title: 'ZooKeeper', etag: 'zk-1' },
    spec: { type: 'coordination', lifecycle: 'production', owner: 'subteam:default/platform', tier: 1 },
  },
  {
    apiVersion: API,
    kind: 'DataService',
    metadata: { name: 'superset', namespace: 'default', title: 'Superset', etag: 'superset-1' },
    spec: {
      type: 'bi-dashboard',
      lifecycle: 'production',
      owner: 'subteam:default/bi',
      tier: 2,
      dependsOn: ['dataservice:default/kafka'],
    },
  },
];

/** Wednesday 4 March 2026, 12:00 UTC: the 9th weekly shift since 5 January. */
export const FIXTURE_AT = '2026-03-04T12:00:00Z';

/**
 * `count` more subteams of `domain`, named `${prefix}-01`, `${prefix}-02`, …,
 * each with a weekly rotation (`${name}-oncall`) of Carol and Dave.
 */
export function extraSubteams(domain: string, count: number, prefix = 'team'): Entity[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    return [
      {
        apiVersion: API,
        kind: 'Subteam',
        metadata: { name, namespace: 'default', title: `Team ${i + 1}`, etag: `${name}-1` },
        spec: {
          domain,
          parent: 'group:default/data-infrastructure',
          members: ['user:default/carol', 'user:default/dave'],
        },
      },
      {
        apiVersion: API,
        kind: 'Rotation',
        metadata: { name: `${name}-oncall`, namespace: 'default', title: `Team ${i + 1} on-call`, etag: `${name}-rot-1` },
        spec: {
          owner: `subteam:default/${name}`,
          timezone: 'Europe/Berlin',
          start: '2026-01-05T09:00',
          shiftLength: 'P1W',
          depth: 1,
          participants: ['user:default/carol', 'user:default/dave'],
        },
        relations: [{ type: 'ownedBy', targetRef: `subteam:default/${name}` }],
      },
    ];
  }).flat();
}

/**
 * `count` more tier-2 services named `${prefix}-001`, `${prefix}-002`, …,
 * owned by `owner`, each depending on `dependsOn`; every `experimentalEvery`th
 * one (if given) is experimental, the others in production.
 */
export function extraServices(
  count: number,
  options: { owner: string; dependsOn?: string[]; prefix?: string; experimentalEvery?: number },
): Entity[] {
  const prefix = options.prefix ?? 'svc';
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${String(i + 1).padStart(3, '0')}`;
    const experimental = options.experimentalEvery !== undefined && (i + 1) % options.experimentalEvery === 0;
    return {
      apiVersion: API,
      kind: 'DataService',
      metadata: { name, namespace: 'default', title: `Service ${i + 1}`, etag: `${name}-1` },
      spec: {
        type: 'batch',
        lifecycle: experimental ? 'experimental' : 'production',
        owner: options.owner,
        tier: 2,
        ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
      },
    };
  });
}
