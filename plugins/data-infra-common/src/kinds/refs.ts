import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

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
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultNamespace: 'default', ...defaults }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
