import { Entity } from '@backstage/catalog-model';
import { defaultCatalogCollatorEntityTransformer } from '@backstage/plugin-search-backend-module-catalog';
import { dataInfraEntityTransformer, DataInfraEntityDocument } from './transformer';

const kafka: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'DataService',
  metadata: {
    name: 'kafka',
    title: 'Apache Kafka',
    description: 'The event streaming backbone.',
    tags: ['kafka', 'streaming'],
  },
  spec: {
    type: 'streaming',
    lifecycle: 'production',
    owner: 'subteam:default/data-platform',
    tier: 1,
    technology: 'Apache Kafka',
    dependsOn: ['dataservice:default/zookeeper'],
    consumers: ['group:default/sre', 'group:default/product-data-consumers'],
    sla: { availability: 99.9, window: '30d' },
  },
};

const mlops: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Subteam',
  metadata: { name: 'mlops', title: 'MLOps', description: 'The ML lifecycle.', tags: ['mlops', 'llm'] },
  spec: {
    domain: 'mlops',
    parent: 'group:default/data-infrastructure',
    // Both forms of members and stakeholders are indexed alike.
    members: [{ user: 'user:default/tomasz.kowalski', since: '2026-01-05' }, 'user:default/amara.okafor'],
    stakeholders: [{ group: 'group:default/ml-ds-teams', sync: 'weekly' }],
    contact: { chat: '#mlops' },
    handles: ['Feature drift and inference error-rate alerts', 'MLflow registry problems'],
  },
};

const rotation: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Rotation',
  metadata: { name: 'data-platform-oncall', title: 'Data Platform on-call' },
  spec: {
    owner: 'subteam:default/data-platform',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shiftLength: 'P1W',
    participants: ['user:default/lukas.weber', 'user:default/priya.raman'],
  },
};

function transform(entity: Entity): DataInfraEntityDocument {
  return dataInfraEntityTransformer(entity) as DataInfraEntityDocument;
}

describe('dataInfraEntityTransformer', () => {
  it('indexes a DataService by the fields people search by', () => {
    const doc = transform(kafka);
    for (const part of [
      'kafka',
      'Apache Kafka',
      'streaming',
      'tier 1',
      'data-platform',
      'sre',
      'product-data-consumers',
    ]) {
      expect(doc.keywords).toContain(part);
    }
    // Dependencies are not what a service is found by: "kafka" must not
    // match every service that depends on it.
    expect(doc.keywords).not.toContain('zookeeper');
    // What the result shows is the description, not a dump of fields.
    expect(doc.text).toBe('The event streaming backbone.');
    expect(doc.keywords).not.toContain('The event streaming backbone.');
  });

  it('keeps the default document fields and adds fields for result items', () => {
    const doc = transform(kafka);
    const base = defaultCatalogCollatorEntityTransformer(kafka);
    expect(doc).toMatchObject({ ...base, text: expect.any(String) });
    expect(doc).toMatchObject({
      title: 'Apache Kafka',
      kind: 'DataService',
      type: 'streaming',
      lifecycle: 'production',
      owner: 'subteam:default/data-platform',
      name: 'kafka',
      tier: 1,
      availability: 99.9,
      technology: 'Apache Kafka',
      tags: ['kafka', 'streaming'],
    });
    // The owner's domain is looked up at collation time (ownerDomains.ts):
    // here it is empty, but present.
    expect(doc.domain).toBe('');
  });

  it('gives a DataService its availability, when set', () => {
    expect(transform(kafka)).toMatchObject({ kind: 'DataService', owner: 'subteam:default/data-platform', tier: 1, availability: 99.9 });
    const feast = transform({
      ...kafka,
      metadata: { name: 'feast', namespace: 'team-b' },
      spec: { type: 'feature-store', lifecycle: 'production', owner: 'stream-ops', tier: 2 },
    });
    expect(feast).not.toHaveProperty('availability');
  });

  it('puts a string `domain` on every catalog document, whatever the kind', () => {
    const others: Entity[] = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'web' },
        spec: { type: 'website', lifecycle: 'production', owner: 'group:default/web' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane' },
        spec: { profile: { displayName: 'Jane' }, memberOf: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'sre' },
        spec: { type: 'team', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'lakehouse' },
        spec: { owner: 'group:default/sre', domain: 'analytics' },
      },
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name: 'l' }, spec: { targets: [] } },
    ];
    const expected: Array<[Entity, string]> = [
      [kafka, ''],
      [mlops, 'mlops'],
      [rotation, ''],
      ...others.map((e): [Entity, string] => [e, '']),
    ];
    for (const [entity, domain] of expected) {
      expect(transform(entity)).toHaveProperty('domain', domain);
    }
  });

  it('indexes a Subteam with its domain, members and handled problems', () => {
    const doc = transform(mlops);
    for (const part of [
      'mlops',
      'llm',
      'tomasz.kowalski',
      'amara.okafor',
      'Feature drift and inference error-rate alerts',
      'MLflow registry problems',
      'ml-ds-teams',
      '#mlops',
    ]) {
      expect(doc.keywords).toContain(part);
    }
    expect(doc.text).toBe('The ML lifecycle.');
    expect(doc).toMatchObject({
      title: 'MLOps',
      kind: 'Subteam',
      domain: 'mlops',
      parent: 'group:default/data-infrastructure',
      name: 'mlops',
    });
  });

  it('indexes a Rotation with its owner, participants and time zone', () => {
    const doc = transform(rotation);
    for (const part of ['data-platform', 'lukas.weber', 'priya.raman', 'Europe/Berlin', 'on-call']) {
      expect(doc.keywords).toContain(part);
    }
    expect(doc).toMatchObject({
      title: 'Data Platform on-call',
      kind: 'Rotation',
      owner: 'subteam:default/data-platform',
      timezone: 'Europe/Berlin',
    });
  });

  it('leaves a service without optional fields well-formed', () => {
    const doc = transform({
      ...kafka,
      metadata: { name: 'bare' },
      spec: { type: 'tooling', lifecycle: 'experimental', owner: 'subteam:default/mlops' },
    });
    expect(doc.keywords).toBe('bare : tooling : mlops');
    expect(doc.text).toBe('');
    expect(doc.title).toBe('bare');
    expect(doc).not.toHaveProperty('tier');
    expect(doc).not.toHaveProperty('technology');
    expect(doc).not.toHaveProperty('availability');
    expect(doc.tags).toEqual([]);
  });

  it('gives other kinds the default document, with only an empty domain and keywords added', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'web', description: 'A website', tags: ['kafka'] },
      spec: { type: 'website', lifecycle: 'production', owner: 'group:default/web' },
    };
    expect(transform(component)).toEqual({
      ...defaultCatalogCollatorEntityTransformer(component),
      domain: '',
      keywords: '',
    });
  });

  it('does not treat a same-named kind of another apiVersion as ours', () => {
    const foreign: Entity = { ...kafka, apiVersion: 'example.com/v1' };
    expect(transform(foreign)).toEqual({
      ...defaultCatalogCollatorEntityTransformer(foreign),
      domain: '',
      keywords: '',
    });
  });
});
