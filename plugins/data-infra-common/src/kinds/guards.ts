import type { Entity } from '@backstage/catalog-model';
import { dataServiceEntityV1alpha1 } from './DataServiceEntityV1alpha1';
import type { DataInfraKindDescriptor } from './descriptor';
import { rotationEntityV1alpha1 } from './RotationEntityV1alpha1';
import { subteamEntityV1alpha1 } from './SubteamEntityV1alpha1';
import { describeValue } from './problems';
import { EntityReference, referencesIn } from './references';
import { DATA_INFRA_API_VERSION, type DataInfraEntity } from './types';

export { isSubteamEntity } from './SubteamEntityV1alpha1';
export { isDataServiceEntity } from './DataServiceEntityV1alpha1';
export { isRotationEntity } from './RotationEntityV1alpha1';

/** The descriptors of our kinds, in the order of {@link DATA_INFRA_KINDS}. @public */
export const DATA_INFRA_KIND_DESCRIPTORS: readonly DataInfraKindDescriptor<DataInfraEntity>[] = [
  subteamEntityV1alpha1 as DataInfraKindDescriptor<any>,
  dataServiceEntityV1alpha1 as DataInfraKindDescriptor<any>,
  rotationEntityV1alpha1 as DataInfraKindDescriptor<any>,
];

/** The kinds this package defines. @public */
export const DATA_INFRA_KINDS = ['Subteam', 'DataService', 'Rotation'] as const;

/**
 * The descriptor of an entity of ours (our apiVersion and one of our kinds,
 * the kind compared case-insensitively); undefined for any other entity.
 * @public
 */
export function kindDescriptorOf(entity: Entity): DataInfraKindDescriptor<DataInfraEntity> | undefined {
  return DATA_INFRA_KIND_DESCRIPTORS.find(descriptor => descriptor.isEntity(entity));
}

/** True for any of our three kinds. @public */
export function isDataInfraEntity(entity: Entity): boolean {
  return kindDescriptorOf(entity) !== undefined;
}

/**
 * One of our kind names under another apiVersion: the catalog module and
 * the CLI both say so rather than report an unknown kind.
 * @public
 */
export function wrongApiVersionProblem(entity: Entity): { path: string; message: string } | undefined {
  if (isDataInfraEntity(entity)) return undefined;
  const kind = entity.kind?.toLocaleLowerCase('en-US');
  if (!DATA_INFRA_KINDS.some(k => k.toLocaleLowerCase('en-US') === kind)) return undefined;
  return {
    path: 'apiVersion',
    message: `must be ${DATA_INFRA_API_VERSION} for kind ${entity.kind}, got ${describeValue(entity.apiVersion)}`,
  };
}

/**
 * Every ref one of our entities writes, with the field it is written in
 * (see each kind's `references`); none for other entities.
 * @public
 */
export function dataInfraReferences(entity: Entity): EntityReference[] {
  const descriptor = kindDescriptorOf(entity);
  return descriptor ? referencesIn(entity, descriptor.references) : [];
}
