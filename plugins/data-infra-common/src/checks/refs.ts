/*
 * Reference checks: every ref field of our kinds must name an entity that
 * exists, of the kind the field expects.
 */
import { Entity, parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { EscalationPolicy } from '../kinds/types';
import type { Finding } from './types';

/** Entities by lowercase ref. */
export type CatalogIndex = Map<string, Entity>;

export function indexEntities(entities: Entity[]): CatalogIndex {
  const index: CatalogIndex = new Map();
  for (const entity of entities) {
    try {
      index.set(stringifyEntityRef(entity), entity);
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

export interface RefField {
  path: string;
  value: string | undefined;
  /** What the field holds, for messages: 'Member', 'Owner'… */
  label: string;
  defaultKind: string;
  /** Kinds the ref may name; any when absent. */
  kinds?: string[];
}

/** Checks one ref field; returns the normalised ref when it resolves. */
export function checkRef(
  index: CatalogIndex,
  entityRef: string,
  namespace: string,
  field: RefField,
  findings: Finding[],
): string | undefined {
  if (field.value === undefined) return undefined;
  let ref: string;
  let kind: string;
  try {
    const parsed = parseEntityRef(field.value, { defaultKind: field.defaultKind, defaultNamespace: namespace });
    ref = stringifyEntityRef(parsed);
    kind = parsed.kind.toLocaleLowerCase('en-US');
  } catch {
    findings.push({
      severity: 'error',
      check: 'invalid-ref',
      entityRef,
      path: field.path,
      message: `${field.label} ${JSON.stringify(field.value)} is not an entity reference; write it as ${field.defaultKind}:namespace/name or just the name.`,
    });
    return undefined;
  }
  if (field.kinds && !field.kinds.includes(kind)) {
    const expected = field.kinds.map(k => KIND_TITLES[k] ?? k).join(' or ');
    findings.push({
      severity: 'error',
      check: 'wrong-ref-kind',
      entityRef,
      path: field.path,
      message: `${field.label} ${ref} names a ${KIND_TITLES[kind] ?? kind}, but this field takes a ${expected}; point it at a ${expected}.`,
      related: [ref],
    });
    return undefined;
  }
  if (!index.has(ref)) {
    findings.push({
      severity: 'error',
      check: 'unknown-ref',
      entityRef,
      path: field.path,
      message: `${field.label} ${ref} does not exist in the catalog; fix the reference or register that ${KIND_TITLES[kind] ?? kind}.`,
      related: [ref],
    });
    return undefined;
  }
  return ref;
}

/** The ref fields of an escalation policy's targets. */
export function escalationRefFields(policy: EscalationPolicy | undefined, base: string): RefField[] {
  return (policy?.levels ?? []).map((level, i) => {
    const path = `${base}.levels[${i}].target`;
    const target = (level?.target ?? {}) as Record<string, string | undefined>;
    if (target?.rotation !== undefined) {
      return { path: `${path}.rotation`, value: target.rotation, label: `Level ${i + 1} rotation`, defaultKind: 'rotation', kinds: ['rotation'] };
    }
    if (target?.user !== undefined) {
      return { path: `${path}.user`, value: target.user, label: `Level ${i + 1} user`, defaultKind: 'user', kinds: ['user'] };
    }
    return { path: `${path}.subteamLead`, value: target?.subteamLead, label: `Level ${i + 1} subteam`, defaultKind: 'subteam', kinds: ['subteam'] };
  });
}
