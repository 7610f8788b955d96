/*
 * The one reader of a Subteam's members and stakeholders. Each entry may be
 * a plain ref or a mapping (`{ user, since }`, `{ group, sync, channel,
 * intake }`); every consumer (relations, checks, backend, cards, search)
 * reads them through these functions instead of parsing the entries again.
 * Entries come from catalog-info files and may be anything: what is not a
 * ref is skipped here (validation reports it).
 */
import type { Entity } from '@backstage/catalog-model';
import { normaliseEntityRef } from './refs';
import type { StakeholderSync } from './SubteamEntityV1alpha1';

/** One member as read from `spec.members`. @public */
export interface SubteamMemberEntry {
  /** The normalised User ref (lower case, kind and namespace filled in). */
  ref: string;
  /** The date they joined the subteam (YYYY-MM-DD) when written. */
  since?: string;
  /** The entry's position in `spec.members`, from 0. */
  index: number;
}

/** One stakeholder group as read from `spec.stakeholders`. @public */
export interface SubteamStakeholderEntry {
  /** The normalised Group ref. */
  ref: string;
  sync?: StakeholderSync;
  /** Where the sync happens (free text or an http(s) URL). */
  channel?: string;
  /** How the group brings in requests (free text or http(s) URLs); empty when none. */
  intake: string[];
  /** The entry's position in `spec.stakeholders`, from 0. */
  index: number;
}

const SYNCS: readonly string[] = ['weekly', 'biweekly', 'monthly'];

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function namespaceOf(entity: Entity): string {
  return entity.metadata?.namespace ?? 'default';
}

/**
 * The members of a Subteam, `user:x` and `{ user: x, since }` alike, in
 * list order; entries that are not a ref are left out.
 * @public
 */
export function subteamMembers(subteam: Entity): SubteamMemberEntry[] {
  const out: SubteamMemberEntry[] = [];
  listOf(subteam.spec?.members).forEach((entry, index) => {
    const object = objectOf(entry);
    const ref = normaliseEntityRef(object ? object.user : entry, {
      defaultKind: 'user',
      defaultNamespace: namespaceOf(subteam),
    });
    if (!ref) return;
    const since = text(object?.since);
    out.push({ ref, index, ...(since ? { since } : {}) });
  });
  return out;
}

/** The normalised User refs of a Subteam's members, each once, in list order. @public */
export function subteamMemberRefs(subteam: Entity): string[] {
  return [...new Set(subteamMembers(subteam).map(m => m.ref))];
}

/**
 * The stakeholder groups of a Subteam, plain refs and mappings
 * (`{ group, sync, channel, intake }`) alike, in list order; entries that
 * are not a ref are left out, and so are fields of the wrong type.
 * @public
 */
export function subteamStakeholders(subteam: Entity): SubteamStakeholderEntry[] {
  const out: SubteamStakeholderEntry[] = [];
  listOf(subteam.spec?.stakeholders).forEach((entry, index) => {
    const object = objectOf(entry);
    const ref = normaliseEntityRef(object ? object.group : entry, {
      defaultKind: 'group',
      defaultNamespace: namespaceOf(subteam),
    });
    if (!ref) return;
    const sync = typeof object?.sync === 'string' && SYNCS.includes(object.sync) ? (object.sync as StakeholderSync) : undefined;
    const channel = text(object?.channel);
    out.push({
      ref,
      index,
      ...(sync ? { sync } : {}),
      ...(channel ? { channel } : {}),
      intake: listOf(object?.intake).flatMap(i => (text(i) ? [i as string] : [])),
    });
  });
  return out;
}

/** The normalised Group refs of a Subteam's stakeholders, each once, in list order. @public */
export function subteamStakeholderRefs(subteam: Entity): string[] {
  return [...new Set(subteamStakeholders(subteam).map(s => s.ref))];
}

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
