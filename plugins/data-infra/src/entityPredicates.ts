import type { Entity } from '@backstage/catalog-model';

/*
 * Predicates for EntitySwitch.Case in a legacy EntityPage. They match on kind
 * only, like Backstage's own isKind, so an entity whose apiVersion is being
 * migrated still gets its cards; the catalog processor validates the rest.
 */

function kindIs(entity: Entity | undefined, kind: string): boolean {
  return entity?.kind?.toLocaleLowerCase('en-US') === kind;
}

/** True for kind DataService. @public */
export function isDataServiceEntity(entity: Entity): boolean {
  return kindIs(entity, 'dataservice');
}

/** True for kind Subteam. @public */
export function isSubteamEntity(entity: Entity): boolean {
  return kindIs(entity, 'subteam');
}

/** True for kind Rotation. @public */
export function isRotationEntity(entity: Entity): boolean {
  return kindIs(entity, 'rotation');
}
