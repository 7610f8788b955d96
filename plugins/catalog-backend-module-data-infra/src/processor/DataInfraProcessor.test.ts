import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataInfraProcessor } from './DataInfraProcessor';

const location = { type: 'file', target: '/catalog-info/x.yaml' };

const service: Entity = {
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'DataService',
  metadata: { name: 'cdc-ingestion', namespace: 'default' },
  spec: {
    type: 'ingestion',
    lifecycle: 'production',
    owner: 'subteam:default/data-engineering',
    dependsOn: ['kafka', 'dataservice:default/hive-metastore'],
    consumers: ['group:default/analytics'],
    escalation: {
      levels: [
        { after: 'PT0M', target: { rotation: 'rotation:default/de-oncall', role: 'primary' } },
        { after: 'PT15M', target: { rotation: 'rotation:default/de-oncall', role: 'secondary' } },
        { after: 'PT30M', target: { user: 'user:default/samira.haddad' } },
      ],
    },
  },
};

async function relationsOf(processor: DataInfraProcessor, entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await processor.postProcessEntity(entity, location, r => emitted.push(r));
  return emitted.map(r => {
    if (r.type !== 'relation') throw new Error(`unexpected ${r.type}`);
    const { source, type, target } = r.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

describe('DataInfraProcessor', () => {
  const processor = new DataInfraProcessor(['data-platform', 'data-engineering', 'mlops', 'bi-services']);

  it('leaves other kinds to their own validators', async () => {
    await expect(
      processor.validateEntityKind({ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x' }, spec: {} }),
    ).resolves.toBe(false);
  });

  it('accepts a valid DataService', async () => {
    await expect(processor.validateEntityKind(service)).resolves.toBe(true);
  });

  it('rejects an invalid entity naming the entity, the field and the expectation', async () => {
    const broken = { ...service, spec: { ...service.spec, tier: 7 } };
    await expect(processor.validateEntityKind(broken)).rejects.toThrow(
      'dataservice:default/cdc-ingestion: spec.tier: must be 1, 2 or 3, got 7',
    );
  });

  it('rejects one of our kinds under another apiVersion', async () => {
    await expect(processor.validateEntityKind({ ...service, apiVersion: 'data-infra.io/v1' })).rejects.toThrow(
      'apiVersion: must be data-infra.io/v1alpha1 for kind DataService, got "data-infra.io/v1"',
    );
  });

  it('rejects a Subteam whose domain is not configured, listing the configured ones', async () => {
    const subteam: Entity = {
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'Subteam',
      metadata: { name: 'search' },
      spec: { domain: 'search', parent: 'group:default/data-infrastructure', members: ['user:default/a'] },
    };
    await expect(processor.validateEntityKind(subteam)).rejects.toThrow(
      'subteam:default/search: spec.domain: must be one of the configured domains (data-platform, data-engineering, mlops, bi-services), got "search"',
    );
    const fiveDomains = DataInfraProcessor.fromConfig(
      new ConfigReader({ dataInfra: { domains: [{ id: 'search', title: 'Search' }] } }),
    );
    await expect(fiveDomains.validateEntityKind(subteam)).resolves.toBe(true);
  });

  it('emits both directions of every relation, resolving short refs', async () => {
    expect(await relationsOf(processor, service)).toEqual([
      'dataservice:default/cdc-ingestion ownedBy subteam:default/data-engineering',
      'subteam:default/data-engineering ownerOf dataservice:default/cdc-ingestion',
      'dataservice:default/cdc-ingestion dependsOn dataservice:default/kafka',
      'dataservice:default/kafka dependencyOf dataservice:default/cdc-ingestion',
      'dataservice:default/cdc-ingestion dependsOn dataservice:default/hive-metastore',
      'dataservice:default/hive-metastore dependencyOf dataservice:default/cdc-ingestion',
      'dataservice:default/cdc-ingestion serves group:default/analytics',
      'group:default/analytics consumerOf dataservice:default/cdc-ingestion',
      'dataservice:default/cdc-ingestion escalatesTo rotation:default/de-oncall',
      'rotation:default/de-oncall escalatesFor dataservice:default/cdc-ingestion',
    ]);
  });

  it('relates a subteam to its parent group and members, and a rotation to its participants', async () => {
    const subteam: Entity = {
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'Subteam',
      metadata: { name: 'mlops' },
      spec: { domain: 'mlops', parent: 'data-infrastructure', members: ['tomasz.kowalski'] },
    };
    expect(await relationsOf(processor, subteam)).toEqual([
      'subteam:default/mlops childOf group:default/data-infrastructure',
      'group:default/data-infrastructure parentOf subteam:default/mlops',
      'subteam:default/mlops hasMember user:default/tomasz.kowalski',
      'user:default/tomasz.kowalski memberOf subteam:default/mlops',
    ]);
    const rotation: Entity = {
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'Rotation',
      metadata: { name: 'r' },
      spec: { owner: 'subteam:default/mlops', timezone: 'UTC', start: '2026-01-05T09:00', shiftLength: 'P1W', participants: ['user:default/a', 'user:default/b', 'user:default/a'] },
    };
    expect(await relationsOf(processor, rotation)).toEqual([
      'rotation:default/r ownedBy subteam:default/mlops',
      'subteam:default/mlops ownerOf rotation:default/r',
      'rotation:default/r hasParticipant user:default/a',
      'user:default/a participatesIn rotation:default/r',
      'rotation:default/r hasParticipant user:default/b',
      'user:default/b participatesIn rotation:default/r',
    ]);
  });

  it('relates members and stakeholders written as mappings like those written as refs', async () => {
    const subteam: Entity = {
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'Subteam',
      metadata: { name: 'mlops' },
      spec: {
        domain: 'mlops',
        parent: 'data-infrastructure',
        members: [{ user: 'tomasz.kowalski', since: '2026-01-05' }, 'amara.okafor'],
        stakeholders: [{ group: 'ml-ds-teams', sync: 'weekly', intake: ['#mlops'] }],
      },
    };
    expect(await relationsOf(processor, subteam)).toEqual([
      'subteam:default/mlops childOf group:default/data-infrastructure',
      'group:default/data-infrastructure parentOf subteam:default/mlops',
      'subteam:default/mlops hasMember user:default/tomasz.kowalski',
      'user:default/tomasz.kowalski memberOf subteam:default/mlops',
      'subteam:default/mlops hasMember user:default/amara.okafor',
      'user:default/amara.okafor memberOf subteam:default/mlops',
      'subteam:default/mlops serves group:default/ml-ds-teams',
      'group:default/ml-ds-teams consumerOf subteam:default/mlops',
    ]);
  });

  it('gives byte-identical output for unchanged input (no re-stitch churn)', async () => {
    expect(JSON.stringify(await relationsOf(processor, service))).toBe(
      JSON.stringify(await relationsOf(processor, structuredClone(service))),
    );
  });
});
