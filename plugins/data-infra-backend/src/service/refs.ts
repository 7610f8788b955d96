import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The full, lower-cased ref of `ref` as written in an entity's spec, where a
 * short form (`data-platform`) takes `defaultKind` and the namespace of the
 * entity that wrote it. Undefined when the ref cannot be parsed, so callers
 * skip it instead of failing a whole response on one bad spec.
 */
export function fullRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace = 'default',
): string | undefined {
  return normaliseEntityRef(ref, { defaultKind, defaultNamespace });
}

/** The lower-cased ref of an entity. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/**
 * `ref@etag`: one exact stitched state of an entity (the catalog changes the
 * etag whenever the entity or its relations change).
 */
export function stateOf(entity: Entity): string {
  return `${refOf(entity)}@${entity.metadata.etag ?? '?'}`;
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
