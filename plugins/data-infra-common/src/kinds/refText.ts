import { normaliseEntityRef } from './refs';

/**
 * {@link normaliseEntityRef} for code that must always have a string: the
 * text as written when it is not a ref, so it can still be shown and never
 * matches an entity. Internal to this package.
 */
export function normaliseRefText(ref: string, defaultKind: string, defaultNamespace: string): string {
  return normaliseEntityRef(ref, { defaultKind, defaultNamespace }) ?? ref;
}
