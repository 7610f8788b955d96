import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * `ref@etag`: one exact stitched state of an entity (the catalog changes the
 * etag whenever the entity or its relations change).
 */
export function stateOf(entity: Entity): string {
  return `${entityRefOf(entity)}@${entity.metadata.etag ?? '?'}`;
}

/** The entity's title, or its name. */
export function titleOf(entity: Entity | undefined, fallbackRef: string): string {
  if (entity) return entity.metadata.title ?? entity.metadata.name;
  try {
    return parseEntityRef(fallbackRef).name;
  } catch {
    return fallbackRef;
  }
}
