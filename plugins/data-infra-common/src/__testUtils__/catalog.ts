/*
 * A small catalog in the shape of the seed organisation, for the escalation
 * and checks tests (not exported from the package). Data Platform has a
 * 2-deep weekly rotation; MLOps has none and escalates in business hours to
 * a member, then to a lead it does not have.
 */
import type { Entity } from '@backstage/catalog-model';
import type {
  CoverageWindow,
  DataServiceEntityV1alpha1,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1,
} from '../kinds/types';

const API = 'data-infra.io/v1alpha1' as const;

export function user(name: string, namespace = 'default'): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name, namespace }, spec: {} };
}

export function group(name: string): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name }, spec: { type: 'team', children: [] } };
}

export function subteam(name: string, spec: Partial<SubteamEntityV1alpha1['spec']> = {}): SubteamEntityV1alpha1 {
  return {
    apiVersion: API,
    kind: 'Subteam',
    metadata: { name, namespace: 'default' },
    spec: { domain: name, parent: 'group:default/data-infrastructure', members: [], ...spec },
  };
}

export function rotationEntity(name: string, spec: Partial<RotationEntityV1alpha1['spec']> = {}): RotationEntityV1alpha1 {
  return {
    apiVersion: API,
    kind: 'Rotation',
    metadata: { name, namespace: 'default' },
    spec: {
      owner: `subteam:default/${name}`,
      timezone: 'Europe/Berlin',
      start: '2026-01-05T09:00',
      shiftLength: 'P1W',
      participants: [],
      ...spec,
    },
  };
}

export function service(name: string, spec: Partial<DataServiceEntityV1alpha1['spec']> = {}): DataServiceEntityV1alpha1 {
  return {
    apiVersion: API,
    kind: 'DataService',
    metadata: { name, namespace: 'default' },
    spec: { type: 'streaming', lifecycle: 'production', owner: 'subteam:default/data-platform', ...spec },
  };
}

const BUSINESS_HOURS: { timezone: string; windows: CoverageWindow[] } = {
  timezone: 'Europe/Berlin',
  windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
};

/** A fresh copy of the catalog each call, so tests may change it. */
export function seedCatalog() {
  const dataPlatform = subteam('data-platform', {
    members: ['user:default/alice', 'user:default/bob', 'user:default/carol'],
    lead: 'user:default/alice',
    escalation: {
      levels: [
        { after: 'PT0M', target: { rotation: 'rotation:default/data-platform', role: 'primary' } },
        { after: 'PT15M', target: { rotation: 'rotation:default/data-platform', role: 'secondary' } },
        { after: 'PT30M', target: { subteamLead: 'subteam:default/data-platform' } },
      ],
      repeat: 1,
    },
  });
  const mlops = subteam('mlops', {
    members: ['user:default/dave', 'user:default/erin'],
    escalation: {
      levels: [
        { after: 'PT0M', target: { user: 'user:default/dave' }, hours: BUSINESS_HOURS },
        { after: 'PT30M', target: { subteamLead: 'subteam:default/mlops' } },
      ],
    },
  });
  const platformRotation = rotationEntity('data-platform', {
    participants: ['user:default/alice', 'user:default/bob', 'user:default/carol'],
  });
  const kafka = service('kafka', {
    tier: 1,
    sla: { availability: 99.9, supportHours: { type: '24x7' }, responseTime: { sev1: 'PT15M' } },
  });
  const mlflow = service('mlflow', {
    type: 'ml-training',
    owner: 'subteam:default/mlops',
    tier: 1,
    sla: { supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' }, responseTime: { sev1: 'PT1H' } },
  });
  const entities: Entity[] = [
    group('data-infrastructure'),
    ...['alice', 'bob', 'carol', 'dave', 'erin'].map(name => user(name)),
    dataPlatform,
    mlops,
    platformRotation,
    kafka,
    mlflow,
  ];
  const lookup = (ref: string) =>
    entities.find(e => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase() === ref);
  return { entities, lookup, dataPlatform, mlops, platformRotation, kafka, mlflow };
}
