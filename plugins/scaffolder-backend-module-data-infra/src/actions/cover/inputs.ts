/*
 * The hostile-input checks of the cover request's refs: a form value may be
 * megabytes long or carry control characters; both are refused before any
 * parsing, naming the field.
 */
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CONTROL_CHARACTERS,
  describeValue,
} from '@data-infra/backstage-plugin-data-infra-common';

/** Kind, namespace and name of an entity are at most 63 + 63 + 253 characters. */
const MAX_REF_LENGTH = 400;

/** Parses a ref of the given kind, refusing anything else with the field named. */
export function parseRefOfKind(
  field: string,
  value: unknown,
  kind: 'Rotation' | 'User',
): CompoundEntityRef & { ref: string } {
  const expected = `a ${kind} reference like ${kind.toLocaleLowerCase(
    'en-US',
  )}:default/${kind === 'User' ? 'jane.doe' : 'streaming-oncall'}`;
  if (
    typeof value !== 'string' ||
    !value ||
    value.length > MAX_REF_LENGTH ||
    CONTROL_CHARACTERS.test(value)
  ) {
    throw new InputError(
      `${field}: must be ${expected}, got ${describeValue(value)}`,
    );
  }
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `${field}: must be ${expected}, got ${describeValue(value)}`,
    );
  }
  if (
    parsed.kind.toLocaleLowerCase('en-US') !== kind.toLocaleLowerCase('en-US')
  ) {
    throw new InputError(
      `${field}: must be ${expected}, got ${describeValue(value)}`,
    );
  }
  const normalised = {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: parsed.namespace.toLocaleLowerCase('en-US'),
    name: parsed.name.toLocaleLowerCase('en-US'),
  };
  return { ...normalised, ref: stringifyEntityRef(normalised) };
}
