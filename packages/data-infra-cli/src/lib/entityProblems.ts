import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  entityEnvelopeSchemaValidator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import {
  isDataInfraEntity,
  validateDataInfraEntity,
  wrongApiVersionProblem,
} from '@data-infra/backstage-plugin-data-infra-common';

/** Something wrong with one entity, at a dotted path. */
export interface Problem {
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

const envelopeValidator = entityEnvelopeSchemaValidator();

// The policies the catalog itself applies before any processor sees an entity.
const catalogPolicies = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

const standardKindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

/** '/spec/levels/1' → 'spec.levels[1]'. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce((path, s) => {
      if (/^\d+$/.test(s)) return `${path}[${s}]`;
      return path ? `${path}.${s}` : s;
    }, '');
}

/**
 * Backstage's validators throw one message with an ajv-style JSON pointer
 * ("/spec must have required property 'owner' - missingProperty: owner") or a
 * quoted field ('"metadata.name" is not valid; expected …'); pull the field
 * out so the line of the file can be found.
 */
export function problemFromBackstageError(error: unknown): Problem {
  const raw = String((error as Error)?.message ?? error)
    .replace(/^Malformed envelope, /, '')
    .replace(/\s*To learn more about catalog file format.*$/s, '');
  const quoted = /^"([^"]+)" (.*)$/s.exec(raw);
  if (quoted) return { severity: 'error', path: quoted[1], message: quoted[2].replace(/\.$/, '') };
  const ajv = /^(<root>|\/\S*) (.*?)(?: - (\w+): (.*))?$/s.exec(raw);
  if (ajv) {
    const base = ajv[1] === '<root>' ? '' : pointerToPath(ajv[1]);
    if (ajv[3] === 'missingProperty') {
      return { severity: 'error', path: base ? `${base}.${ajv[4]}` : ajv[4], message: 'is required' };
    }
    if (ajv[3] === 'additionalProperty') {
      return { severity: 'error', path: base ? `${base}.${ajv[4]}` : ajv[4], message: 'is not a known field' };
    }
    return { severity: 'error', path: base || '(entity)', message: ajv[2] };
  }
  return { severity: 'error', path: '(entity)', message: raw };
}

/**
 * Validates one entity as the catalog would: the envelope and the catalog's
 * policies for every kind, then Backstage's own validator for standard kinds
 * and our JSON Schemas (plus the rules they cannot express) for ours. A kind
 * that is neither is reported as a warning: a processor we do not know about
 * (the scaffolder's Template, say) may accept it.
 */
export async function entityProblems(entity: Entity): Promise<Problem[]> {
  try {
    envelopeValidator(entity);
    await catalogPolicies.enforce(entity);
  } catch (error) {
    return [problemFromBackstageError(error)];
  }
  const wrongApiVersion = wrongApiVersionProblem(entity);
  if (wrongApiVersion) return [{ severity: 'error', ...wrongApiVersion }];
  if (isDataInfraEntity(entity)) {
    return validateDataInfraEntity(entity).map(p => ({ severity: 'error', ...p }));
  }
  for (const validator of standardKindValidators) {
    try {
      if (await validator.check(entity)) return [];
    } catch (error) {
      return [problemFromBackstageError(error)];
    }
  }
  return [
    {
      severity: 'warning',
      path: 'kind',
      message: `${entity.apiVersion} ${entity.kind} is not a kind this tool knows; not validated`,
    },
  ];
}
