import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const MAX_MEMO = 100_000;
const normalised = new Map<string, string | undefined>();

/**
 * The full, lower-cased form of a ref as written in a spec: a short form
 * (`kafka`) takes `defaultKind` and the namespace of the entity that wrote
 * it, so `kafka`, `DataService:kafka` and `dataservice:default/kafka` compare
 * equal. Undefined when the text is not a ref at all.
 * @public
 */
export function normaliseEntityRef(
  ref: unknown,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  // The same few refs (owners, participants, policy targets) are normalised
  // again and again over a large catalog; parsing is most of the cost.
  const key = `${ref}\u0000${defaults.defaultKind ?? ''}\u0000${defaults.defaultNamespace ?? ''}`;
  if (normalised.has(key)) return normalised.get(key);
  let result: string | undefined;
  try {
    result = stringifyEntityRef(
      parseEntityRef(ref, { defaultNamespace: 'default', ...defaults }),
    ).toLocaleLowerCase('en-US');
  } catch {
    result = undefined;
  }
  if (normalised.size >= MAX_MEMO) normalised.clear();
  normalised.set(key, result);
  return result;
}
