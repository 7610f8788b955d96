/*
 * The query and path parameters of every route, as zod schemas. A request
 * that does not parse is an InputError (400) whose message starts with the
 * name of the first parameter at fault, in the order the schema lists
 * them, so a client (and the 400 table test) can tell which one to fix.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  formatInstant,
  isSupportedInstant,
  MAP_SUBTEAMS_MAX_LIMIT,
  parseInstant,
  PERSON_DEFAULT_WINDOW_DAYS,
  PERSON_MAX_WINDOW_DAYS,
  SERVICE_SORT_KEYS,
  SERVICES_MAX_LIMIT,
  SUPPORTED_INSTANTS,
} from '@data-infra/backstage-plugin-data-infra-common';
import { createHash } from 'node:crypto';
import { z } from 'zod';

const DAY = 24 * 3600_000;
/** The longest /shifts window: a year, leap day included. */
const MAX_WINDOW_MS = 366 * DAY;
/** /shifts without `to` covers four weeks. */
const DEFAULT_SHIFTS_WINDOW_MS = 28 * DAY;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = SERVICES_MAX_LIMIT;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Parses `input` with `schema`, or throws the 400 naming the first parameter at fault. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InputError(`${issue.path.join('.')}: ${issue.message}`);
}

/** A single string value, or absent; repeated (or nested) parameters are refused. */
const single = z.string({ error: 'must be given at most once, as a plain value' }).optional();

/** A refusal, for checks written as plain functions of the raw value. */
class Refusal {
  constructor(readonly message: string) {}
}

/** A parameter read by `check`, which returns the value or a Refusal (its message follows the name). */
function param<T>(check: (raw: string | undefined) => T | Refusal) {
  return single.transform((raw, ctx) => {
    const value = check(raw);
    if (value instanceof Refusal) {
      ctx.addIssue({ code: 'custom', message: value.message });
      return z.NEVER;
    }
    return value;
  });
}

const got = (raw: string, max: number) => `got "${raw.slice(0, max)}"`;

/** An ISO-8601 instant with an offset or Z, as ms; absent: undefined (the route's default). */
const instant = param(raw => {
  if (raw === undefined) return undefined;
  const value = parseInstant(raw);
  if (value === undefined) {
    return new Refusal(`must be an ISO-8601 instant with an offset, like 2026-03-08T09:00:00Z, ${got(raw, 80)}`);
  }
  if (!isSupportedInstant(value)) {
    return new Refusal(
      `must be from ${formatInstant(SUPPORTED_INSTANTS.from)} to before ${formatInstant(SUPPORTED_INSTANTS.until)} (the instants on-call answers are computed for), ${got(raw, 80)}`,
    );
  }
  return value;
});

/** An entity ref whose kind is one of `kinds`, as a lower-cased full ref. */
function refOfKind(raw: string, kinds: string[], defaultKind?: string): string | Refusal {
  let ref: string;
  try {
    const parsed = parseEntityRef(raw, { defaultKind, defaultNamespace: 'default' });
    if (!NAME.test(parsed.name) || !NAME.test(parsed.namespace)) throw new Error();
    ref = stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  } catch {
    return new Refusal(`must be an entity ref like ${kinds[0]}:default/name, ${got(raw, 80)}`);
  }
  const kind = ref.split(':')[0];
  return kinds.includes(kind) ? ref : new Refusal(`must refer to a ${kinds.join(' or ')}, got kind "${kind}"`);
}

const requiredRef = (kinds: string[], defaultKind?: string) =>
  param(raw => (raw === undefined || raw === '' ? new Refusal('is required') : refOfKind(raw, kinds, defaultKind)));

/** Absent or empty: undefined. */
const optionalRef = (kinds: string[], defaultKind?: string) =>
  param(raw => (raw === undefined || raw === '' ? undefined : refOfKind(raw, kinds, defaultKind)));

/** A path segment that names a namespace or an entity (lower-cased). */
const name = z.string().transform((value, ctx) => {
  if (NAME.test(value)) return value.toLocaleLowerCase('en-US');
  ctx.addIssue({ code: 'custom', message: `must be an entity name or namespace, ${got(value, 80)}` });
  return z.NEVER;
});

/** `true` or `false` (absent or empty: false). */
const flag = single
  .pipe(z.enum(['true', 'false', ''], { error: issue => `must be true or false, ${got(String(issue.input), 20)}` }).optional())
  .transform(value => value === 'true');

/** GET /oncall */
export const onCallQuery = z.object({
  at: instant,
  owner: optionalRef(['subteam'], 'subteam'),
  rotation: optionalRef(['rotation'], 'rotation'),
  load: flag,
});

/** GET /oncall/subteams, /map and /rotation-plan */
export const instantQuery = z.object({ at: instant });

/** GET /escalation */
export const escalationQuery = z.object({
  entityRef: requiredRef(['dataservice', 'subteam']),
  at: instant,
});

/** The rotation of /rotations/:namespace/:name/…, as a ref. */
export const rotationPath = z
  .object({ namespace: name, name })
  .transform(p => ({ ref: `rotation:${p.namespace}/${p.name}`, name: p.name }));

/** GET /rotations/:namespace/:name/shifts: from `now` for four weeks unless given, at most 366 days. */
export function shiftsQuery(now: number) {
  return z.object({ from: instant, to: instant }).transform((q, ctx) => {
    const from = q.from ?? now;
    const to = q.to ?? from + DEFAULT_SHIFTS_WINDOW_MS;
    if (to <= from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      return z.NEVER;
    }
    if (to - from > MAX_WINDOW_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'the window from "from" to "to" may span at most 366 days' });
      return z.NEVER;
    }
    return { from, to };
  });
}

const domainIn = (domains: string[], raw: string) =>
  domains.includes(raw) ? raw : new Refusal(`must be one of ${domains.join(', ')}, ${got(raw, 80)}`);

/** One of the configured domains' ids; absent or empty: undefined. */
const domainOf = (domains: string[]) =>
  param(raw => (raw === undefined || raw === '' ? undefined : domainIn(domains, raw)));

/** One of the configured domains' ids, required. */
const requiredDomain = (domains: string[]) =>
  param(raw => (raw === undefined || raw === '' ? new Refusal('is required') : domainIn(domains, raw)));

/** A whole number from 1 to `max`; absent: `fallback`. */
const limitOf = (fallback: number, max: number) =>
  param(raw => {
    if (raw === undefined) return fallback;
    if (!/^\d{1,4}$/.test(raw) || +raw < 1 || +raw > max) {
      return new Refusal(`must be a whole number from 1 to ${max}, ${got(raw, 20)}`);
    }
    return +raw;
  });

/** A row offset; absent or empty: undefined. */
const offsetParam = param(raw => {
  if (raw === undefined || raw === '') return undefined;
  return /^\d{1,9}$/.test(raw) ? +raw : new Refusal(`must be a whole number from 0, ${got(raw, 20)}`);
});

/** GET /services, for the configured domains. */
export function servicesQuery(domains: string[]) {
  return z
    .object({
      domain: domainOf(domains),
      owner: optionalRef(['subteam'], 'subteam'),
      tier: param(raw => {
        if (raw === undefined) return undefined;
        return /^[123]$/.test(raw) ? +raw : new Refusal(`must be 1, 2 or 3, ${got(raw, 20)}`);
      }),
      lifecycle: param(raw => {
        if (raw === undefined || raw === '') return undefined;
        return raw.length > 100 ? new Refusal('must be at most 100 characters') : raw;
      }),
      q: param(raw => {
        if (raw === undefined || raw.trim() === '') return undefined;
        return raw.length > 200 ? new Refusal('must be at most 200 characters') : raw.trim();
      }),
      // By title, ascending, when absent (or empty).
      sort: single.transform(v => v || 'title').pipe(
        z.enum(SERVICE_SORT_KEYS, {
          error: issue => `must be one of ${SERVICE_SORT_KEYS.join(', ')}, ${got(String(issue.input), 40)}`,
        }),
      ),
      order: single.transform(v => v || 'asc').pipe(
        z.enum(['asc', 'desc'], { error: issue => `must be asc or desc, ${got(String(issue.input), 20)}` }),
      ),
      limit: limitOf(DEFAULT_LIMIT, MAX_LIMIT),
      // A row offset, for clients that jump to a page; or a cursor; not both.
      offset: offsetParam,
      cursor: single,
    })
    .transform(({ offset, cursor, ...query }, ctx) => {
      const filterKey = JSON.stringify([query.domain, query.owner, query.tier, query.lifecycle, query.q, query.sort, query.order]);
      if (offset !== undefined && cursor !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['offset'], message: 'give either offset or cursor, not both' });
        return z.NEVER;
      }
      const fromCursor = offset === undefined ? decodeCursor(cursor, filterKey) : offset;
      if (fromCursor instanceof Refusal) {
        ctx.addIssue({ code: 'custom', path: ['cursor'], message: fromCursor.message });
        return z.NEVER;
      }
      return { ...query, offset: fromCursor, filterKey };
    });
}

/** GET /map/subteams: a page of one configured domain's subteams. */
export function mapSubteamsQuery(domains: string[]) {
  return z.object({
    domain: requiredDomain(domains),
    at: instant,
    offset: offsetParam.transform(v => v ?? 0),
    limit: limitOf(MAP_SUBTEAMS_MAX_LIMIT, MAP_SUBTEAMS_MAX_LIMIT),
  });
}

/** GET /map/dependencies */
export const mapDependenciesQuery = z.object({
  entityRef: requiredRef(['dataservice'], 'dataservice'),
});

/** GET /sla */
export const slaQuery = z.object({
  entityRef: requiredRef(['dataservice'], 'dataservice'),
});

/** GET /checks */
export const checksQuery = z.object({
  entityRef: optionalRef(['subteam', 'dataservice', 'rotation']),
  flat: flag,
});

/**
 * Cursors are opaque to clients: base64url of the offset and a digest of the
 * filters they were issued for, so a cursor replayed with other filters is a
 * 400 rather than a silently wrong page.
 */
export function encodeCursor(offset: number, filterKey: string): string {
  return Buffer.from(`o:${offset}:${digest(filterKey)}`, 'utf8').toString('base64url');
}

function decodeCursor(raw: string | undefined, filterKey: string): number | Refusal {
  if (raw === undefined || raw === '') return 0;
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(raw)
    ? Buffer.from(raw, 'base64url').toString('utf8')
    : '';
  const m = /^o:(\d{1,9}):([0-9a-f]{12})$/.exec(decoded);
  if (!m) return new Refusal('is malformed; pass back the nextCursor of a previous page');
  if (m[2] !== digest(filterKey)) return new Refusal('was issued for other filters; start again without a cursor');
  return +m[1];
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

/** The person of /people/:namespace/:name/…, as a User ref. */
export const personPath = z
  .object({ namespace: name, name })
  .transform(p => ({ ref: `user:${p.namespace}/${p.name}`, name: p.name }));

/**
 * GET /people/:namespace/:name/oncall: `at` (the instant of the escalation
 * paths, default now), and the window of shifts from `from` (default `at`)
 * to `to` (default four weeks later), at most 13 weeks.
 */
export function personOnCallQuery(now: number) {
  return z.object({ at: instant, from: instant, to: instant }).transform((q, ctx) => {
    const at = q.at ?? now;
    const from = q.from ?? at;
    const to = q.to ?? from + PERSON_DEFAULT_WINDOW_DAYS * DAY;
    if (to <= from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      return z.NEVER;
    }
    if (to - from > PERSON_MAX_WINDOW_DAYS * DAY) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the window from "from" to "to" may span at most ${PERSON_MAX_WINDOW_DAYS / 7} weeks (${PERSON_MAX_WINDOW_DAYS} days)`,
      });
      return z.NEVER;
    }
    return { at, from, to };
  });
}
