import { EntityRelationSpec } from '@backstage/plugin-catalog-node';
import {
  DataInfraEntity,
  dataInfraReferences,
  entityRefOf,
  normaliseCompoundRef,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The relations of one of our entities, both directions, in a stable order:
 * the reference fields of its kind (the common package's kind descriptors)
 * that carry a relation pair, in their order, each target once per relation.
 *
 * The catalog hashes processing output: the same input must give the same
 * relations in the same order, or every refresh re-stitches for nothing.
 * Refs are resolved relative to the entity's own namespace and emitted
 * lower-cased, so the output is the same however the YAML spells them.
 */
export function dataInfraRelations(entity: DataInfraEntity): EntityRelationSpec[] {
  const self = normaliseCompoundRef(entityRefOf(entity))!;
  const relations: EntityRelationSpec[] = [];
  const seen = new Set<string>();
  for (const { field, value } of dataInfraReferences(entity)) {
    if (!field.relation) continue;
    // The schema already rejected malformed refs; nothing to link.
    const target = normaliseCompoundRef(value, { defaultKind: field.defaultKind, defaultNamespace: self.namespace });
    if (!target) continue;
    const key = `${field.relation.forward}\u0000${target.kind}:${target.namespace}/${target.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    relations.push({ source: self, type: field.relation.forward, target });
    relations.push({ source: target, type: field.relation.reverse, target: self });
  }
  return relations;
}
