import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import commonSchema from '../schema/DataInfraCommon.schema.json';
import subteamSchema from '../schema/Subteam.v1alpha1.schema.json';
import dataServiceSchema from '../schema/DataService.v1alpha1.schema.json';
import rotationSchema from '../schema/Rotation.v1alpha1.schema.json';
import { isValidIanaZone, parseIsoDuration, parseLocalDateTime } from '../time';
import { DATA_INFRA_LIMITS, MIN_SHIFT_MS } from './limits';
import type { DataInfraEntity, EscalationPolicy } from './types';
import { indicatorProblems } from '../sla/promql';
import { CONTROL_CHARACTERS, isHttpUrl, looksLikeUrl, safeHref } from './urls';

/** One thing wrong with an entity, at a dotted JSON path. @public */
export interface EntityProblem {
  /** Dotted path, e.g. 'spec.escalation.levels[1].after'. */
  path: string;
  /** What was expected and what was found. */
  message: string;
}

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
    validators = {
      subteam: ajv.compile(subteamSchema),
      dataservice: ajv.compile(dataServiceSchema),
      rotation: ajv.compile(rotationSchema),
    };
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

const MAX_QUOTED = 80;

/** How a value is quoted in a message: JSON, cut short (a field may be megabytes). @public */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 3) return `a list of ${value.length} items`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED)}…` : json;
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

function escalationProblems(policy: EscalationPolicy | undefined, base: string): EntityProblem[] {
  const problems: EntityProblem[] = [];
  let previous = -1;
  policy?.levels?.forEach((level, index) => {
    const after = parseIsoDuration(level.after);
    if (after === undefined) return;
    const ms = after.toMillis();
    if (ms <= previous) {
      problems.push({
        path: `${base}.levels[${index}].after`,
        message: `must be later than the level before it (delays strictly increase), got ${describeValue(level.after)}`,
      });
    }
    previous = Math.max(previous, ms);
    if (level.hours && !isValidIanaZone(level.hours.timezone)) {
      problems.push({ path: `${base}.levels[${index}].hours.timezone`, message: `must be an IANA time zone like Europe/Berlin, got ${describeValue(level.hours.timezone)}` });
    }
  });
  return problems;
}

function coverageProblems(windows: { from: string; to: string }[] | undefined, base: string): EntityProblem[] {
  return (windows ?? []).flatMap((w, i) =>
    w.from === w.to || (w.from === '00:00' && w.to === '00:00')
      ? [{ path: `${base}[${i}].to`, message: `must be a different time than from (${w.from}), got ${describeValue(w.to)}; a window from 00:00 to 24:00 covers a whole day` }]
      : [],
  );
}

/**
 * The parts of `metadata` our kinds hold to stricter rules than Backstage
 * does: a title is one line of text (it goes into calendar summaries,
 * CSV cells and page headings), and every link is http(s) or mailto:.
 */
function metadataProblems(entity: DataInfraEntity): EntityProblem[] {
  const problems: EntityProblem[] = [];
  const { title, links } = entity.metadata;
  if (typeof title === 'string' && CONTROL_CHARACTERS.test(title)) {
    problems.push({ path: 'metadata.title', message: `must not contain control characters or line breaks, got ${describeValue(title)}` });
  }
  (Array.isArray(links) ? links : []).forEach((link, i) => {
    if (link && typeof link === 'object' && !safeHref(link.url)) {
      problems.push({ path: `metadata.links[${i}].url`, message: `must be an http(s) URL or a mailto: address, got ${describeValue(link.url)}` });
    }
  });
  return problems;
}

/** Checks that need more than the JSON Schema can say. */
function semanticProblems(entity: DataInfraEntity): EntityProblem[] {
  const problems: EntityProblem[] = [];
  const zone = (path: string, value: string | undefined) => {
    if (value !== undefined && !isValidIanaZone(value)) {
      problems.push({ path, message: `must be an IANA time zone like Europe/Berlin, got ${describeValue(value)}` });
    }
  };
  const duration = (path: string, value: string | undefined) => {
    if (value !== undefined && parseIsoDuration(value)?.toMillis() === 0) {
      problems.push({ path, message: `must be longer than zero, got ${describeValue(value)}` });
    }
  };
  problems.push(...metadataProblems(entity));
  if (entity.kind === 'Rotation') {
    const spec = entity.spec;
    zone('spec.timezone', spec.timezone);
    duration('spec.shiftLength', spec.shiftLength);
    const shift = parseIsoDuration(spec.shiftLength);
    // Calendar units (P1M) are at least 28 days; only fixed ones can be short.
    if (shift && shift.toMillis() > 0 && shift.toMillis() < MIN_SHIFT_MS && !shift.months && !shift.years) {
      problems.push({
        path: 'spec.shiftLength',
        message: `must be at least ${DATA_INFRA_LIMITS.minShiftLength}, got ${describeValue(spec.shiftLength)}`,
      });
    }
    if (!parseLocalDateTime(spec.start)) {
      problems.push({ path: 'spec.start', message: `must be a real calendar date-time, got ${describeValue(spec.start)}` });
    }
    problems.push(...coverageProblems(spec.coverage, 'spec.coverage'));
    spec.overrides?.forEach((o, i) => {
      const start = parseLocalDateTime(o.start);
      const end = parseLocalDateTime(o.end);
      if (start && end && end <= start) {
        problems.push({ path: `spec.overrides[${i}].end`, message: `must be after start (${o.start}), got ${describeValue(o.end)}` });
      }
      if ((o.role ?? 'primary') === 'secondary' && (spec.depth ?? 2) < 2) {
        problems.push({ path: `spec.overrides[${i}].role`, message: 'must be primary on a rotation of depth 1, got "secondary"' });
      }
    });
  } else if (entity.kind === 'Subteam') {
    const spec = entity.spec;
    for (const field of ['chat', 'pager'] as const) {
      const value = spec.contact?.[field];
      if (looksLikeUrl(value) && !isHttpUrl(value)) {
        problems.push({
          path: `spec.contact.${field}`,
          message: `must be free text or an http(s) URL, got ${describeValue(value)}`,
        });
      }
    }
    if (spec.lead && !spec.members.includes(spec.lead)) {
      problems.push({ path: 'spec.lead', message: `must be one of spec.members, got ${describeValue(spec.lead)}` });
    }
    problems.push(...escalationProblems(spec.escalation, 'spec.escalation'));
  } else if (entity.kind === 'DataService') {
    const spec = entity.spec;
    const hours = spec.sla?.supportHours;
    zone('spec.sla.supportHours.timezone', hours?.timezone);
    if (hours?.type === 'business-hours' && !hours.timezone) {
      problems.push({ path: 'spec.sla.supportHours.timezone', message: 'is required for business-hours' });
    }
    problems.push(...coverageProblems(hours?.windows, 'spec.sla.supportHours.windows'));
    if (spec.sla) problems.push(...indicatorProblems(spec.sla));
    problems.push(...escalationProblems(spec.escalation, 'spec.escalation'));
  }
  return problems;
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
  return semanticProblems(entity as DataInfraEntity);
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
