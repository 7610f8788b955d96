import type { Entity } from '@backstage/catalog-model';
import {
  DATA_INFRA_API_VERSION,
  DataServiceEntityV1alpha1,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1,
} from './types';

/** The kinds this package defines. @public */
export const DATA_INFRA_KINDS = ['Subteam', 'DataService', 'Rotation'] as const;

function isKind(entity: Entity, kind: string): boolean {
  return (
    entity.apiVersion === DATA_INFRA_API_VERSION &&
    (entity.kind === kind ||
      entity.kind.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'))
  );
}

/** @public */
export function isSubteamEntity(entity: Entity): entity is SubteamEntityV1alpha1 {
  return isKind(entity, 'Subteam');
}

/** @public */
export function isDataServiceEntity(
  entity: Entity,
): entity is DataServiceEntityV1alpha1 {
  return isKind(entity, 'DataService');
}

/** @public */
export function isRotationEntity(entity: Entity): entity is RotationEntityV1alpha1 {
  return isKind(entity, 'Rotation');
}

/** True for any of our three kinds. @public */
export function isDataInfraEntity(entity: Entity): boolean {
  return DATA_INFRA_KINDS.some(kind => isKind(entity, kind));
}
