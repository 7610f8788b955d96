/*
 * Findings about on-call load, over the next 13 weeks from the checked
 * instant (the longer window of the load view):
 * - rotation-both-roles: one person holds primary and secondary at once;
 * - on-call-share-too-high: someone is on call (any role, any rotation) more
 *   than dataInfra.checks.maxOnCallShare of the time;
 * - rotation-on-call-every-week: depth 2 with 2 people puts each of them on
 *   call every week.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { RotationEntityV1alpha1 } from '../kinds/types';
import { normaliseRefText } from '../kinds/refText';
import { rotationShifts } from '../rotation';
import type { RotationShift } from '../rotation/types';
import { parseLocalDateTime, instantToWallClock, wallClockToInstant } from '../time';
import { mergeIntervals } from '../load/rotationLoad';
import type { Interval } from '../load/calendar';
import { personName } from './names';
import type { Finding } from './types';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** The window of the load checks, in weeks. */
export const LOAD_CHECK_WEEKS = 13;
/** Default of dataInfra.checks.maxOnCallShare. @public */
export const DEFAULT_MAX_ON_CALL_SHARE = 0.5;
/** Periods listed in one rotation-both-roles message; the rest are counted. */
const MAX_PERIODS = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;

function rotationTitle(rotation: Entity): string {
  return rotation.metadata.title || rotation.metadata.name;
}

/** 'Wed 23 Dec 2026 18:00', on the rotation's clock. */
function local(instant: number, zone: string): string {
  return instantToWallClock(instant, zone).setLocale('en-GB').toFormat('ccc d LLL yyyy HH:mm');
}

/** The index of the override behind a both-roles period, if one is. */
function overrideIndex(rotation: RotationEntityV1alpha1, user: string, period: Interval): number {
  const namespace = rotation.metadata.namespace ?? 'default';
  return (rotation.spec.overrides ?? []).findIndex(o => {
    const start = parseLocalDateTime(o?.start);
    const end = parseLocalDateTime(o?.end);
    if (!start || !end || normaliseRefText(o.user ?? '', 'user', namespace) !== user) return false;
    const from = wallClockToInstant(start, rotation.spec.timezone);
    const until = wallClockToInstant(end, rotation.spec.timezone);
    return from < period.end && period.start < until;
  });
}

function checkBothRoles(rotation: RotationEntityV1alpha1, shifts: RotationShift[], index: Map<string, Entity>, findings: Finding[]) {
  // The shifts of one role are disjoint and sorted by start: one sweep over
  // both lists finds every overlap (linear in the shifts, however short).
  const primary = shifts.filter(s => s.role === 'primary');
  const secondary = shifts.filter(s => s.role === 'secondary');
  const byUser = new Map<string, Interval[]>();
  for (let i = 0, j = 0; i < primary.length && j < secondary.length; ) {
    const p = primary[i];
    const s = secondary[j];
    const start = Math.max(p.start, s.start);
    const end = Math.min(p.end, s.end);
    if (start < end && p.user === s.user) {
      const list = byUser.get(p.user) ?? [];
      list.push({ start, end });
      byUser.set(p.user, list);
    }
    if (p.end <= s.end) i++;
    else j++;
  }
  const zone = rotation.spec.timezone;
  for (const [user, intervals] of byUser) {
    const periods = mergeIntervals(intervals);
    const listed = periods
      .slice(0, MAX_PERIODS)
      .map(p => `from ${local(p.start, zone)} to ${local(p.end, zone)}`)
      .join(', ');
    const more = periods.length > MAX_PERIODS ? ` and ${periods.length - MAX_PERIODS} more times` : '';
    const i = overrideIndex(rotation, user, periods[0]);
    findings.push({
      severity: 'warning',
      check: 'rotation-both-roles',
      entityRef: stringifyEntityRef(rotation),
      path: i >= 0 ? `spec.overrides[${i}]` : 'spec.participants',
      message:
        `${personName(index, user)} (${user}) holds both primary and secondary ${listed} (${zone})${more}, so nobody backs them up then; ` +
        'let someone else cover one of the roles.',
      related: [user],
      when: `${listed} (${zone})`,
    });
  }
}

function checkEveryWeek(rotation: RotationEntityV1alpha1, participants: string[], pairs: RotationEntityV1alpha1[], index: Map<string, Entity>, findings: Finding[]) {
  const others = pairs.filter(r => r !== rotation && r.spec.owner !== rotation.spec.owner);
  const suggestion = others.length > 0 ? `, e.g. with ${others.map(rotationTitle).join(' or ')}` : '';
  findings.push({
    severity: 'info',
    check: 'rotation-on-call-every-week',
    entityRef: stringifyEntityRef(rotation),
    path: 'spec.participants',
    message:
      `This rotation is 2 deep with 2 people, so ${participants.map(p => personName(index, p)).join(' and ')} are each on call every week, ` +
      `primary one shift and secondary the next. Pair it with another subteam's rotation (the seed starts with Platform + Engineering)${suggestion}, ` +
      'so each person is on call half as often.',
    related: others.map(r => stringifyEntityRef(r)),
  });
}

/**
 * The load findings over [now, now + 13 weeks). `maxShare` is
 * dataInfra.checks.maxOnCallShare (default 0.5).
 */
export function checkLoad(
  index: Map<string, Entity>,
  rotations: RotationEntityV1alpha1[],
  now: number,
  maxShare: number,
  findings: Finding[],
) {
  const to = now + LOAD_CHECK_WEEKS * WEEK;
  const shiftsOf = new Map<RotationEntityV1alpha1, RotationShift[]>();
  const participantsOf = new Map<RotationEntityV1alpha1, string[]>();
  for (const rotation of rotations) {
    const namespace = rotation.metadata.namespace ?? 'default';
    shiftsOf.set(rotation, rotationShifts(rotation, now, to, { maxShifts: 100_000 }).shifts);
    participantsOf.set(rotation, [...new Set((rotation.spec.participants ?? []).map(p => normaliseRefText(p, 'user', namespace)))]);
  }
  const pairs = rotations.filter(r => (r.spec.depth ?? 2) === 2 && participantsOf.get(r)!.length === 2);

  // Each person's time on call across every rotation.
  const spans = new Map<string, Interval[]>();
  for (const shifts of shiftsOf.values()) {
    for (const s of shifts) {
      const list = spans.get(s.user) ?? [];
      list.push({ start: s.start, end: s.end });
      spans.set(s.user, list);
    }
  }
  const share = new Map<string, number>();
  for (const [user, intervals] of spans) {
    share.set(user, mergeIntervals(intervals).reduce((sum, i) => sum + i.end - i.start, 0) / (to - now));
  }

  for (const rotation of rotations) {
    const participants = participantsOf.get(rotation)!;
    const depth = rotation.spec.depth ?? 2;
    // Fewer distinct people than roles is already rotation-too-few-participants.
    if (participants.length >= depth) checkBothRoles(rotation, shiftsOf.get(rotation)!, index, findings);
    if (pairs.includes(rotation)) checkEveryWeek(rotation, participants, pairs, index, findings);
    const users = [...new Set(shiftsOf.get(rotation)!.map(s => s.user))].sort();
    for (const user of users) {
      const s = share.get(user) ?? 0;
      if (!(s > maxShare)) continue;
      const i = participants.indexOf(user);
      const name = personName(index, user);
      const summary = `${name} is on call ${percent(s)} of the next ${LOAD_CHECK_WEEKS} weeks`;
      findings.push({
        severity: 'warning',
        check: 'on-call-share-too-high',
        entityRef: stringifyEntityRef(rotation),
        path: i >= 0 ? `spec.participants[${i}]` : 'spec.overrides',
        message:
          `${summary} (${user}, counting every rotation), more than the ${percent(maxShare)} allowed ` +
          '(dataInfra.checks.maxOnCallShare); add participants or pair rotations across subteams.',
        related: [user],
        // The same person over-loaded through several rotations is one problem.
        cause: { ref: user, summary },
      });
    }
  }
}
