/*
 * Reference fields: the one table of which spec fields of our kinds name
 * other entities. Each kind's descriptor lists its own (see
 * SubteamEntityV1alpha1.ts and its siblings); the catalog module's
 * relations, the backend's reference gathering, the CLI's ref checks and
 * the checks' ref findings are all read off these lists.
 */
import { RELATION_OWNED_BY, RELATION_OWNER_OF, type Entity } from '@backstage/catalog-model';
import { normaliseEntityRef } from './refs';
import { RELATION_ESCALATES_FOR, RELATION_ESCALATES_TO } from './relations';

/** A pair of relations, as emitted for a reference field. @public */
export interface RelationPair {
  /** From the entity that writes the ref to the one it names. */
  forward: string;
  /** From the named entity back to the writer. */
  reverse: string;
}

/**
 * One field of a kind's spec that holds entity refs.
 * @public
 */
export interface ReferenceField {
  /**
   * Dotted path from the entity, with `[]` after each list:
   * `spec.owner`, `spec.members[]`, `spec.escalation.levels[].target.rotation`.
   */
  path: string;
  /** What the field names, for messages ("Member"); `{n}` is the first list position, from 1. */
  label: string;
  /** The kind of a ref written without one, lower case. */
  defaultKind: string;
  /** The kinds the ref may name, lower case; any kind when absent. */
  allowedKinds?: string[];
  /** The relations emitted for it; none when absent. */
  relation?: RelationPair;
  /**
   * When the value at `path` may also be a mapping, the key of the ref in
   * it: `spec.members[]` with `objectKey: 'user'` reads `user:x` as written
   * and `{ user: user:x, since }` at `spec.members[i].user`.
   */
  objectKey?: string;
}

/** One ref written in one entity, at a concrete path. @public */
export interface EntityReference {
  field: ReferenceField;
  /** `spec.members[2]`, `spec.escalation.levels[0].target.rotation`. */
  path: string;
  /** The label with its list position filled in: "Level 1 rotation". */
  label: string;
  /** As written (not necessarily a string in an invalid entity). */
  value: unknown;
}

/** Where each segment of a field path is a list. */
function parsePath(path: string): Array<{ key: string; list: boolean }> {
  return path.split('.').map(segment =>
    segment.endsWith('[]') ? { key: segment.slice(0, -2), list: true } : { key: segment, list: false },
  );
}

/**
 * The refs an entity writes in the given fields, in field order and then
 * list order. Absent fields and non-list values where a list belongs are
 * skipped: validation reports those.
 * @public
 */
export function referencesIn(entity: Entity, fields: readonly ReferenceField[]): EntityReference[] {
  const out: EntityReference[] = [];
  for (const field of fields) {
    const segments = parsePath(field.path);
    const walk = (value: unknown, depth: number, path: string, positions: number[]) => {
      if (value === undefined || value === null) return;
      if (depth === segments.length) {
        const n = positions.length > 0 ? String(positions[0] + 1) : '';
        const label = field.label.replace('{n}', n);
        if (field.objectKey && typeof value === 'object' && !Array.isArray(value)) {
          const inner = (value as Record<string, unknown>)[field.objectKey];
          if (inner !== undefined && inner !== null) {
            out.push({ field, path: `${path}.${field.objectKey}`, label, value: inner });
          }
          return;
        }
        out.push({ field, path, label, value });
        return;
      }
      if (typeof value !== 'object') return;
      const { key, list } = segments[depth];
      const next = (value as Record<string, unknown>)[key];
      const at = path ? `${path}.${key}` : key;
      if (!list) {
        walk(next, depth + 1, at, positions);
      } else if (Array.isArray(next)) {
        next.forEach((item, i) => walk(item, depth + 1, `${at}[${i}]`, [...positions, i]));
      }
    };
    walk(entity, 0, '', []);
  }
  return out;
}

/** What one reference resolves to. @public */
export type ReferenceResolution =
  | { valid: false }
  | {
      valid: true;
      /** The normalised ref it names. */
      ref: string;
      /** The kind it names, lower case. */
      kind: string;
      /** Whether the field may name that kind. */
      kindAllowed: boolean;
      /** Whether that entity exists, as `exists` says. */
      exists: boolean;
    };

/**
 * Resolves one reference against a set of entities: the one unknown-ref
 * check behind the checks' findings and `data-infra validate`.
 * @public
 */
export function resolveReference(
  reference: EntityReference,
  namespace: string,
  exists: (ref: string) => boolean,
): ReferenceResolution {
  const ref = normaliseEntityRef(reference.value, {
    defaultKind: reference.field.defaultKind,
    defaultNamespace: namespace,
  });
  if (ref === undefined) return { valid: false };
  const kind = ref.slice(0, ref.indexOf(':'));
  const allowed = reference.field.allowedKinds;
  return { valid: true, ref, kind, kindAllowed: !allowed || allowed.includes(kind), exists: exists(ref) };
}

/**
 * `spec.owner` of a DataService or a Rotation: the Subteam that owns it
 * (`ownedBy`/`ownerOf`, as Backstage's own ownership relation).
 * @public
 */
export const OWNER_SUBTEAM_REFERENCE_FIELD: ReferenceField = {
  path: 'spec.owner',
  label: 'Owner',
  defaultKind: 'subteam',
  allowedKinds: ['subteam'],
  relation: { forward: RELATION_OWNED_BY, reverse: RELATION_OWNER_OF },
};

/**
 * The reference fields of an escalation policy at `spec.escalation`, shared
 * by Subteam and DataService. Only rotations get a relation: a user or a
 * subteam lead is reached through the rotation or subteam it names.
 * @public
 */
export const ESCALATION_REFERENCE_FIELDS: readonly ReferenceField[] = [
  {
    path: 'spec.escalation.levels[].target.rotation',
    label: 'Level {n} rotation',
    defaultKind: 'rotation',
    allowedKinds: ['rotation'],
    relation: { forward: RELATION_ESCALATES_TO, reverse: RELATION_ESCALATES_FOR },
  },
  {
    path: 'spec.escalation.levels[].target.user',
    label: 'Level {n} user',
    defaultKind: 'user',
    allowedKinds: ['user'],
  },
  {
    path: 'spec.escalation.levels[].target.subteamLead',
    label: 'Level {n} subteam',
    defaultKind: 'subteam',
    allowedKinds: ['subteam'],
  },
];
