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
 * The instant a date plus a calendar duration is reached, counted in UTC so
 * that the answer does not depend on the machine's zone.
 */
function dateAfter(since: string, duration: string): DateTime {
  return DateTime.fromISO(since, { zone: 'utc' }).plus(parseIsoDuration(duration)!);
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
    if (member.since === undefined || !isCalendarDate(member.since)) continue;
    const path = `spec.members[${member.index}].since`;
    const dueAt = dateAfter(member.since, policy.max);
    const eligibleAt = dateAfter(member.since, policy.min);
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
