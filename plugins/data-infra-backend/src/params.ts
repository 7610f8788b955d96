/*
 * Validation of query and path parameters. Every failure is an InputError
 * whose message starts with the parameter's name, so a client (and the 400
 * table test) can tell which one to fix.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  formatInstant,
  isSupportedInstant,
  parseInstant,
  SERVICE_SORT_KEYS,
  SERVICES_MAX_LIMIT,
  ServiceSortKey,
  SUPPORTED_INSTANTS,
} from '@data-infra/backstage-plugin-data-infra-common';
import { createHash } from 'node:crypto';

type Query = Record<string, unknown>;

/** The longest /shifts window: a year, leap day included. */
export const MAX_WINDOW_MS = 366 * 24 * 3600_000;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = SERVICES_MAX_LIMIT;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** A single string value, or undefined; repeated parameters are rejected. */
function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${name}: must be given at most once, as a plain value`);
  }
  return value;
}

/** An ISO-8601 instant with an offset or Z; `fallback` when absent. */
export function instantParam(query: Query, name: string, fallback: number): number {
  const raw = single(query, name);
  if (raw === undefined) return fallback;
  const value = parseInstant(raw);
  if (value === undefined) {
    throw new InputError(
      `${name}: must be an ISO-8601 instant with an offset, like 2026-03-08T09:00:00Z, got "${raw.slice(0, 80)}"`,
    );
  }
  if (!isSupportedInstant(value)) {
    throw new InputError(
      `${name}: must be from ${formatInstant(SUPPORTED_INSTANTS.from)} to before ${formatInstant(SUPPORTED_INSTANTS.until)} (the instants on-call answers are computed for), got "${raw.slice(0, 80)}"`,
    );
  }
  return value;
}

/** An entity ref whose kind is one of `kinds` (lower-cased full ref). */
export function entityRefParam(
  query: Query,
  name: string,
  kinds: string[],
  options: { required: boolean; defaultKind?: string },
): string | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw === '') {
    if (options.required) throw new InputError(`${name}: is required`);
    return undefined;
  }
  let ref: string;
  try {
    const parsed = parseEntityRef(raw, {
      defaultKind: options.defaultKind,
      defaultNamespace: 'default',
    });
    if (!NAME.test(parsed.name) || !NAME.test(parsed.namespace)) throw new Error();
    ref = stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `${name}: must be an entity ref like ${kinds[0]}:default/name, got "${raw.slice(0, 80)}"`,
    );
  }
  const kind = ref.split(':')[0];
  if (!kinds.includes(kind)) {
    throw new InputError(`${name}: must refer to a ${kinds.join(' or ')}, got kind "${kind}"`);
  }
  return ref;
}

/** A path segment that names a namespace or an entity. */
export function nameParam(value: string, name: string): string {
  if (!NAME.test(value)) {
    throw new InputError(`${name}: must be an entity name or namespace, got "${value.slice(0, 80)}"`);
  }
  return value.toLocaleLowerCase('en-US');
}

export function limitParam(query: Query): number {
  const raw = single(query, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^\d{1,4}$/.test(raw) || +raw < 1 || +raw > MAX_LIMIT) {
    throw new InputError(`limit: must be a whole number from 1 to ${MAX_LIMIT}, got "${raw.slice(0, 20)}"`);
  }
  return +raw;
}

/** A row offset, as an alternative to a cursor for clients that jump to a page. */
export function offsetParam(query: Query): number | undefined {
  const raw = single(query, 'offset');
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw new InputError(`offset: must be a whole number from 0, got "${raw.slice(0, 20)}"`);
  return +raw;
}

/** `sort` and `order` of /services; by title, ascending, when absent. */
export function sortParams(query: Query): { sort: ServiceSortKey; order: 'asc' | 'desc' } {
  const sort = single(query, 'sort') || 'title';
  if (!(SERVICE_SORT_KEYS as readonly string[]).includes(sort)) {
    throw new InputError(`sort: must be one of ${SERVICE_SORT_KEYS.join(', ')}, got "${sort.slice(0, 40)}"`);
  }
  const order = single(query, 'order') || 'asc';
  if (order !== 'asc' && order !== 'desc') throw new InputError(`order: must be asc or desc, got "${order.slice(0, 20)}"`);
  return { sort: sort as ServiceSortKey, order };
}

/** `true` or `false` (absent: false). */
export function flagParam(query: Query, name: string): boolean {
  const raw = single(query, name);
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new InputError(`${name}: must be true or false, got "${raw.slice(0, 20)}"`);
}

export function tierParam(query: Query): number | undefined {
  const raw = single(query, 'tier');
  if (raw === undefined) return undefined;
  if (!/^[123]$/.test(raw)) throw new InputError(`tier: must be 1, 2 or 3, got "${raw.slice(0, 20)}"`);
  return +raw;
}

export function textParam(query: Query, name: string, maxLength: number): string | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  if (raw.length > maxLength) {
    throw new InputError(`${name}: must be at most ${maxLength} characters`);
  }
  return raw.trim();
}

export function domainParam(query: Query, known: string[]): string | undefined {
  const raw = single(query, 'domain');
  if (raw === undefined || raw === '') return undefined;
  if (!known.includes(raw)) {
    throw new InputError(`domain: must be one of ${known.join(', ')}, got "${raw.slice(0, 80)}"`);
  }
  return raw;
}

/**
 * Cursors are opaque to clients: base64url of the offset and a digest of the
 * filters they were issued for, so a cursor replayed with other filters is a
 * 400 rather than a silently wrong page.
 */
export function encodeCursor(offset: number, filterKey: string): string {
  return Buffer.from(`o:${offset}:${digest(filterKey)}`, 'utf8').toString('base64url');
}

export function cursorParam(query: Query, filterKey: string): number {
  const raw = single(query, 'cursor');
  if (raw === undefined || raw === '') return 0;
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(raw)
    ? Buffer.from(raw, 'base64url').toString('utf8')
    : '';
  const m = /^o:(\d{1,9}):([0-9a-f]{12})$/.exec(decoded);
  if (!m) throw new InputError('cursor: is malformed; pass back the nextCursor of a previous page');
  if (m[2] !== digest(filterKey)) {
    throw new InputError('cursor: was issued for other filters; start again without a cursor');
  }
  return +m[1];
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
