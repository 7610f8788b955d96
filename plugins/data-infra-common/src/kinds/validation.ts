import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import commonSchema from '../schema/DataInfraCommon.schema.json';
import { DATA_INFRA_KIND_DESCRIPTORS } from './guards';
import type { DataInfraEntity } from './types';
import { describeValue, EntityProblem } from './problems';
import { isHttpUrl } from './urls';

let validators: Record<string, ValidateFunction> | undefined;

function getValidators(): Record<string, ValidateFunction> {
  if (!validators) {
    // `x-expected` carries the human wording of a field's format, used below
    // to build messages like "must be an ISO-8601 duration like P1W".
    // `x-minimum` is the shortest duration a field accepts (checked below).
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, keywords: ['x-expected', 'x-minimum'] });
    addFormats(ajv, ['email']);
    ajv.addFormat('http-url', isHttpUrl);
    ajv.addSchema(commonSchema);
    validators = Object.fromEntries(
      DATA_INFRA_KIND_DESCRIPTORS.map(d => [d.kind.toLocaleLowerCase('en-US'), ajv.compile(d.schema)]),
    );
  }
  return validators;
}

function toDottedPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => {
      if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
      return path ? `${path}.${segment}` : segment;
    }, '');
}

function valueAt(entity: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce<any>((value, segment) => (value === null || value === undefined ? undefined : value[segment]), entity);
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'a mapping of fields',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

/** What a property's schema expects, in words, to follow "is required". */
function propertyExpectation(schema: any): string | undefined {
  if (!schema) return undefined;
  const ref = typeof schema.$ref === 'string' ? /#\/definitions\/(\w+)$/.exec(schema.$ref)?.[1] : undefined;
  const resolved = ref ? (commonSchema as any).definitions?.[ref] : schema;
  if (typeof resolved?.['x-expected'] === 'string') return `: ${resolved['x-expected']}`;
  if (typeof resolved?.description === 'string') {
    const text = resolved.description.replace(/\.$/, '');
    return ` (${text.charAt(0).toLocaleLowerCase('en-US')}${text.slice(1)})`;
  }
  return resolved?.type && TYPE_NAMES[resolved.type] ? `: ${TYPE_NAMES[resolved.type]}` : undefined;
}

/** Turns ajv's errors into one message per field, the most specific first. */
function ajvProblems(entity: unknown, errors: ErrorObject[]): EntityProblem[] {
  // oneOf failures come with an error for every branch; keep the oneOf one,
  // which carries the wording of the whole target.
  const oneOfPaths = new Set(
    errors.filter(e => e.keyword === 'oneOf').map(e => e.instancePath),
  );
  const problems = new Map<string, EntityProblem>();
  for (const error of errors) {
    const insideOneOf = [...oneOfPaths].some(
      p => error.keyword !== 'oneOf' && error.instancePath.startsWith(p) && error.schemaPath.includes('/oneOf/'),
    );
    if (insideOneOf) continue;
    // A list entry that may be a ref or a mapping (if/then/else): the
    // failing branch's own errors say what is wrong; the "if" one does not.
    if (error.keyword === 'if') continue;
    let path = toDottedPath(error.instancePath);
    const expected = (error.parentSchema as any)?.['x-expected'] as string | undefined;
    let message: string;
    const got = describeValue(valueAt(entity, error.instancePath));
    switch (error.keyword) {
      case 'required': {
        const missing = error.params.missingProperty as string;
        path = path ? `${path}.${missing}` : missing;
        const wanted = propertyExpectation((error.parentSchema as any)?.properties?.[missing]);
        message = `is required${wanted ?? ''}`;
        break;
      }
      case 'additionalProperties': {
        path = path ? `${path}.${error.params.additionalProperty}` : error.params.additionalProperty;
        const known = Object.keys((error.parentSchema as any)?.properties ?? {});
        message = known.length > 0 ? `is not a known field; the known ones are ${known.join(', ')}` : 'is not a known field';
        break;
      }
      case 'type':
        message = `must be ${expected ?? TYPE_NAMES[error.params.type as string] ?? `of type ${error.params.type}`}, got ${got}`;
        break;
      case 'minItems':
        message =
          error.params.limit === 1
            ? `must list at least one item, got ${got}`
            : `must list at least ${error.params.limit} items, got ${got}`;
        break;
      case 'maxItems': {
        const list = valueAt(entity, error.instancePath) as unknown[];
        message = `must list at most ${error.params.limit} items, got ${list?.length ?? 'more'}`;
        break;
      }
      case 'uniqueItems': {
        const list = valueAt(entity, error.instancePath) as unknown[];
        message = `must not list ${describeValue(list?.[error.params.j])} twice, got ${got}`;
        break;
      }
      case 'minimum':
      case 'maximum':
        message = `must be ${expected ?? `${error.keyword === 'minimum' ? 'at least' : 'at most'} ${error.params.limit}`}, got ${got}`;
        break;
      default:
        message = `must be ${expected ?? error.message?.replace(/^must (be )?/, '')}, got ${got}`;
    }
    if (!problems.has(path)) problems.set(path, { path, message });
  }
  return [...problems.values()];
}

/**
 * Validates one of our kinds against its JSON Schema and the rules a schema
 * cannot express. Returns no problems for a valid entity; other kinds are
 * not ours and also return none (check with isDataInfraEntity first).
 * @public
 */
export function validateDataInfraEntity(entity: Entity): EntityProblem[] {
  const validate = getValidators()[entity.kind?.toLocaleLowerCase('en-US')];
  if (!validate) return [];
  if (!validate(entity)) {
    return ajvProblems(entity, validate.errors ?? []);
  }
  // The schema accepted it, so its kind is spelt exactly as the descriptor's.
  const descriptor = DATA_INFRA_KIND_DESCRIPTORS.find(d => d.kind === entity.kind);
  return descriptor ? descriptor.validate(entity as DataInfraEntity) : [];
}

/**
 * One line per problem, naming the entity and the field:
 * `rotation:default/x: spec.shiftLength: must be an ISO-8601 duration like P1W or PT15M, got "weekly"`.
 * @public
 */
export function formatEntityProblems(entity: Entity, problems: EntityProblem[]): string {
  let ref: string;
  try {
    ref = stringifyEntityRef(entity);
  } catch {
    ref = `${entity.kind ?? '?'}:${entity.metadata?.namespace ?? 'default'}/${entity.metadata?.name ?? '?'}`;
  }
  return problems.map(p => `${ref}: ${p.path}: ${p.message}`).join('\n');
}
