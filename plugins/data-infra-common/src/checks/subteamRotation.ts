/*
 * The subteam rotation policy of the seed: engineers rotate between
 * subteams every 6–9 months. Read off each member's `since` (the date they
 * joined the subteam); members without one are not judged.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import type { SubteamEntityV1alpha1 } from '../kinds/SubteamEntityV1alpha1';
import { isCalendarDate, subteamMembers } from '../kinds/subteamFields';
import { parseIsoDuration } from '../time';
import { personLabel } from './names';
import type { Finding } from './types';

/** How long a member stays in a subteam, as ISO-8601 durations. @public */
export interface SubteamRotationPolicy {
  /** Before this long a member is not yet eligible to move. Default P6M. */
  min: string;
  /** After this long a member is due to rotate. Default P9M. */
  max: string;
}

/** The seed's policy: rotate every 6–9 months. @public */
export const DEFAULT_SUBTEAM_ROTATION: SubteamRotationPolicy = { min: 'P6M', max: 'P9M' };

/**
 * The policy with the defaults filled in; a TypeError naming the bound when
 * one is not an ISO-8601 duration (the checks and the rotation plan refuse
 * it alike).
 */
export function resolveSubteamRotationPolicy(policy?: Partial<SubteamRotationPolicy>): SubteamRotationPolicy {
  const resolved = { ...DEFAULT_SUBTEAM_ROTATION, ...policy };
  for (const [bound, value] of Object.entries(resolved)) {
    if (!parseIsoDuration(value)) {
      throw new TypeError(`subteamRotation.${bound} must be an ISO-8601 duration like P9M, got ${JSON.stringify(value)}`);
    }
  }
  return resolved;
}

/**
 * The instant a date plus a calendar duration is reached, counted in UTC so
 * that the answer does not depend on the machine's zone.
 */
export function dateAfter(since: string, duration: string): DateTime {
  return DateTime.fromISO(since, { zone: 'utc' }).plus(parseIsoDuration(duration)!);
}

/**
 * When a member who joined on `since` may move (`eligibleAt`, since + min)
 * and is due to (`dueAt`, since + max), at 00:00Z of those days; undefined
 * when `since` is absent or not a day of the calendar (not judged).
 */
export function memberRotationDates(
  since: string | undefined,
  policy: SubteamRotationPolicy,
): { eligibleAt: DateTime; dueAt: DateTime } | undefined {
  if (since === undefined || !isCalendarDate(since)) return undefined;
  return { eligibleAt: dateAfter(since, policy.min), dueAt: dateAfter(since, policy.max) };
}

/**
 * Findings of the rotation policy for one subteam: members past `max` are
 * due to rotate (warning), members before `min` are not yet eligible
 * (info), and a subteam of two or more whose members are all due at once
 * would lose all its context if they moved together (warning).
 */
export function checkSubteamRotation(
  index: Map<string, Entity>,
  subteam: SubteamEntityV1alpha1,
  now: number,
  policy: SubteamRotationPolicy,
  findings: Finding[],
) {
  const entityRef = stringifyEntityRef(subteam);
  const members = subteamMembers(subteam);
  const due: string[] = [];
  for (const member of members) {
    const dates = memberRotationDates(member.since, policy);
    if (!dates) continue;
    const { eligibleAt, dueAt } = dates;
    const path = `spec.members[${member.index}].since`;
    if (dueAt.toMillis() <= now) {
      due.push(member.ref);
      findings.push({
        severity: 'warning',
        check: 'subteam-member-due-to-rotate',
        entityRef,
        path,
        message: `${personLabel(index, member.ref)} joined this subteam on ${member.since} and has been due to rotate since ${dueAt.toISODate()} (longer than ${policy.max}); plan their move to another subteam.`,
        related: [member.ref],
      });
    } else if (now < eligibleAt.toMillis()) {
      findings.push({
        severity: 'info',
        check: 'subteam-member-not-yet-eligible',
        entityRef,
        path,
        message: `${personLabel(index, member.ref)} joined this subteam on ${member.since} and is not eligible to rotate before ${eligibleAt.toISODate()} (${policy.min}); keep them here until then.`,
        related: [member.ref],
      });
    }
  }
  const distinct = new Set(members.map(m => m.ref));
  if (distinct.size >= 2 && new Set(due).size === distinct.size) {
    findings.push({
      severity: 'warning',
      check: 'subteam-all-members-due',
      entityRef,
      path: 'spec.members',
      message: `All ${distinct.size} members of this subteam are due to rotate at once; moving them together would lose all its context: stagger the moves, keeping one member until a newcomer is settled.`,
      related: [...distinct],
    });
  }
}
