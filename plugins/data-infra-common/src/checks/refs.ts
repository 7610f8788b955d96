/*
 * Reference checks: every ref field of our kinds (the kinds' reference
 * tables, see kinds/references.ts) must name an entity that exists, of a
 * kind the field allows.
 */
import type { Entity } from '@backstage/catalog-model';
import { dataInfraReferences } from '../kinds/guards';
import { entityRefOf } from '../kinds/refs';
import { EntityReference, resolveReference } from '../kinds/references';
import type { Finding } from './types';

/** Entities by normalised (lower-case) ref. */
export type CatalogIndex = Map<string, Entity>;

export function indexEntities(entities: Entity[]): CatalogIndex {
  const index: CatalogIndex = new Map();
  for (const entity of entities) {
    try {
      index.set(entityRefOf(entity), entity);
    } catch {
      // An entity without a name cannot be referred to; validation reports it.
    }
  }
  return index;
}

const KIND_TITLES: Record<string, string> = {
  user: 'User',
  group: 'Group',
  subteam: 'Subteam',
  rotation: 'Rotation',
  dataservice: 'DataService',
};

/** The findings of one reference: invalid, of a kind the field does not take, or unknown. */
function checkReference(index: CatalogIndex, entityRef: string, namespace: string, reference: EntityReference): Finding | undefined {
  const { field, path, label, value } = reference;
  const resolved = resolveReference(reference, namespace, ref => index.has(ref));
  if (!resolved.valid) {
    return {
      severity: 'error',
      check: 'invalid-ref',
      entityRef,
      path,
      message: `${label} ${JSON.stringify(value)} is not an entity reference; write it as ${field.defaultKind}:namespace/name or just the name.`,
    };
  }
  const { ref, kind } = resolved;
  if (!resolved.kindAllowed) {
    const expected = (field.allowedKinds ?? []).map(k => KIND_TITLES[k] ?? k).join(' or ');
    return {
      severity: 'error',
      check: 'wrong-ref-kind',
      entityRef,
      path,
      message: `${label} ${ref} names a ${KIND_TITLES[kind] ?? kind}, but this field takes a ${expected}; point it at a ${expected}.`,
      related: [ref],
    };
  }
  if (!resolved.exists) {
    return {
      severity: 'error',
      check: 'unknown-ref',
      entityRef,
      path,
      message: `${label} ${ref} does not exist in the catalog; fix the reference or register that ${KIND_TITLES[kind] ?? kind}.`,
      related: [ref],
    };
  }
  return undefined;
}

/** The findings of every reference one of our entities writes. */
export function checkReferences(index: CatalogIndex, entity: Entity, entityRef: string, findings: Finding[]) {
  const namespace = entity.metadata?.namespace ?? 'default';
  for (const reference of dataInfraReferences(entity)) {
    const finding = checkReference(index, entityRef, namespace, reference);
    if (finding) findings.push(finding);
  }
}
