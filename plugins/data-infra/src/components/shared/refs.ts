import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The name part of an entity ref, for when no title is known
 * ('user:default/jane.doe' → 'jane.doe'). Never throws: entities may be
 * half-filled and refs malformed.
 */
export function refName(ref: string | undefined): string {
  if (!ref) return '';
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** True when a string parses as an entity ref (with the given default kind). */
export function isParsableRef(ref: unknown, defaultKind?: string): ref is string {
  if (typeof ref !== 'string' || !ref) return false;
  try {
    parseEntityRef(ref, defaultKind ? { defaultKind } : undefined);
    return true;
  } catch {
    return false;
  }
}
