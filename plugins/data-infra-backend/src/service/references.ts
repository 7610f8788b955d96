import type { Entity } from '@backstage/catalog-model';
import {
  dataInfraReferences,
  normaliseEntityRef,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * Every ref our entities' specs point at (users, groups, subteams,
 * rotations, services), lower-cased and fully qualified: the reference
 * fields of the common package's kind descriptors.
 */
export function referencedRefs(entities: Iterable<Entity>): Set<string> {
  const out = new Set<string>();
  for (const entity of entities) {
    const defaultNamespace = entity.metadata.namespace ?? 'default';
    for (const { field, value } of dataInfraReferences(entity)) {
      const ref = normaliseEntityRef(value, { defaultKind: field.defaultKind, defaultNamespace });
      if (ref) out.add(ref);
    }
  }
  return out;
}

/** Refs of kinds other than ours: the people and groups to look up. */
export function peopleRefs(refs: Iterable<string>): string[] {
  return [...refs].filter(
    r => !/^(subteam|dataservice|rotation):/.test(r),
  );
}
