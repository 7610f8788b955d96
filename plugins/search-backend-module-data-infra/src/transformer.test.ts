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
  },
};

const mlops: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Subteam',
  metadata: { name: 'mlops', title: 'MLOps', description: 'The ML lifecycle.', tags: ['mlops', 'llm'] },
  spec: {
    domain: 'mlops',
    parent: 'group:default/data-infrastructure',
    members: ['user:default/tomasz.kowalski', 'user:default/amara.okafor'],
    stakeholders: ['group:default/ml-ds-teams'],
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
      'The event streaming backbone.',
      'kafka',
      'Apache Kafka',
      'streaming',
      'tier 1',
      'data-platform',
      'sre',
      'product-data-consumers',
    ]) {
      expect(doc.text).toContain(part);
    }
    // Dependencies are not what a service is found by: "kafka" must not
    // match every service that depends on it.
    expect(doc.text).not.toContain('zookeeper');
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
      technology: 'Apache Kafka',
      tags: ['kafka', 'streaming'],
    });
    expect(doc.domain).toBeUndefined();
  });

  it('indexes a Subteam with its domain, members and handled problems', () => {
    const doc = transform(mlops);
    for (const part of [
      'The ML lifecycle.',
      'mlops',
      'llm',
      'tomasz.kowalski',
      'amara.okafor',
      'Feature drift and inference error-rate alerts',
      'MLflow registry problems',
      'ml-ds-teams',
      '#mlops',
    ]) {
      expect(doc.text).toContain(part);
    }
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
      expect(doc.text).toContain(part);
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
    expect(doc.text).toBe('bare : tooling : mlops');
    expect(doc.title).toBe('bare');
    expect(doc).not.toHaveProperty('tier');
    expect(doc).not.toHaveProperty('technology');
    expect(doc.tags).toEqual([]);
  });

  it('gives other kinds the default document unchanged', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'web', description: 'A website', tags: ['kafka'] },
      spec: { type: 'website', lifecycle: 'production', owner: 'group:default/web' },
    };
    expect(dataInfraEntityTransformer(component)).toEqual(
      defaultCatalogCollatorEntityTransformer(component),
    );
  });

  it('does not treat a same-named kind of another apiVersion as ours', () => {
    const foreign: Entity = { ...kafka, apiVersion: 'example.com/v1' };
    expect(dataInfraEntityTransformer(foreign)).toEqual(
      defaultCatalogCollatorEntityTransformer(foreign),
    );
  });
});
