/*
 * The one ref normaliser of the data-infra packages. Every package compares
 * refs in the form the catalog does: kind and namespace defaults filled in,
 * all of it lower case (the catalog compares refs case-insensitively).
 */
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

const MAX_MEMO = 100_000;
const normalised = new Map<string, string | undefined>();

/** Where a short ref takes its kind and namespace from. @public */
export interface RefDefaults {
  defaultKind?: string;
  defaultNamespace?: string;
}

function lower(ref: CompoundEntityRef): CompoundEntityRef {
  return {
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace.toLocaleLowerCase('en-US'),
    name: ref.name.toLocaleLowerCase('en-US'),
  };
}

/**
 * The lower-cased parts of a ref as written in a spec (see
 * {@link normaliseEntityRef}); undefined when the text is not a ref.
 * @public
 */
export function normaliseCompoundRef(
  ref: unknown,
  defaults: RefDefaults = {},
): CompoundEntityRef | undefined {
  const full = normaliseEntityRef(ref, defaults);
  if (full === undefined) return undefined;
  const colon = full.indexOf(':');
  const slash = full.indexOf('/', colon);
  return { kind: full.slice(0, colon), namespace: full.slice(colon + 1, slash), name: full.slice(slash + 1) };
}

/**
 * The full, lower-cased form of a ref as written in a spec: a short form
 * (`kafka`) takes `defaultKind` and the namespace of the entity that wrote
 * it, so `kafka`, `DataService:kafka` and `dataservice:default/kafka` compare
 * equal. Undefined when the text is not a ref at all.
 * @public
 */
export function normaliseEntityRef(ref: unknown, defaults: RefDefaults = {}): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  // The same few refs (owners, participants, policy targets) are normalised
  // again and again over a large catalog; parsing is most of the cost.
  const key = `${ref}\u0000${defaults.defaultKind ?? ''}\u0000${defaults.defaultNamespace ?? ''}`;
  if (normalised.has(key)) return normalised.get(key);
  let result: string | undefined;
  try {
    result = stringifyEntityRef(
      lower(parseEntityRef(ref, { defaultKind: defaults.defaultKind, defaultNamespace: defaults.defaultNamespace ?? 'default' })),
    );
  } catch {
    result = undefined;
  }
  if (normalised.size >= MAX_MEMO) normalised.clear();
  normalised.set(key, result);
  return result;
}

/**
 * The normalised ref of an entity itself (`kind:namespace/name`, lower
 * case), the form {@link normaliseEntityRef} gives the refs that name it.
 * Throws, as stringifyEntityRef does, for an entity without a name.
 * @public
 */
export function entityRefOf(entity: Pick<Entity, 'kind' | 'metadata'>): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata?.namespace ?? 'default',
    name: entity.metadata?.name,
  }).toLocaleLowerCase('en-US');
}
