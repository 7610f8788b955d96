/*
 * The rotation plan: the subteam rotation policy (subteamRotation.ts) read
 * forwards. Where the checks say who is due now, the plan lists every
 * member with the days they may move and are due to, and what each subteam
 * would look like once everyone due within a horizon has moved out. The
 * dates come from the same helpers as the checks, so the plan and the
 * findings never disagree about a day.
 */
import type { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import { entityRefOf, normaliseEntityRef } from '../kinds/refs';
import type { SubteamEntityV1alpha1 } from '../kinds/SubteamEntityV1alpha1';
import { subteamMembers } from '../kinds/subteamFields';
import { formatInstant, parseIsoDuration } from '../time';
import { personName } from './names';
import { memberRotationDates, resolveSubteamRotationPolicy, SubteamRotationPolicy } from './subteamRotation';

/** How far ahead of `now` the plan gathers moves by default: a quarter. @public */
export const DEFAULT_ROTATION_PLAN_HORIZON = 'P3M';

/**
 * The most members the plan lists per subteam, the soonest due first, and
 * the most it names as remaining: the answer is bounded whatever a
 * catalog-info file lists. Counts are always over every member.
 * @public
 */
export const ROTATION_PLAN_MAX_MEMBERS = 50;

/**
 * Where a member stands at `now`: before `since + min` not yet eligible,
 * from then eligible, from `since + max` due; unknown without a `since`
 * that is a day of the calendar (not judged, as by the checks).
 * @public
 */
export type RotationPlanStatus = 'not-yet-eligible' | 'eligible' | 'due' | 'unknown';

/** One member of a subteam in the rotation plan. @public */
export interface RotationPlanMember {
  /** The normalised User ref. */
  ref: string;
  /** The User's display name, else its title, else the ref (as findings name people). */
  displayName: string;
  /** Whether they are the subteam's `spec.lead`. */
  lead: boolean;
  /** The day they joined (YYYY-MM-DD); absent when not written or not a date. */
  since?: string;
  /** The day they may move from (since + min, from 00:00Z). */
  eligibleFrom?: string;
  /** The day they are due to move from (since + max, from 00:00Z). */
  dueFrom?: string;
  /** Where they stand at the plan's `at`. */
  status: RotationPlanStatus;
  /** Whether they are due by the plan's horizon, so the plan moves them out. */
  moves: boolean;
}

/**
 * What a subteam would look like after the moves due by the horizon:
 * `loses-all-context` when every member would leave, `below-two` when one
 * would stay alone; null otherwise, and when nobody moves.
 * @public
 */
export type RotationPlanWarning = 'loses-all-context' | 'below-two';

/** The rotation plan of one subteam. @public */
export interface SubteamRotationPlan {
  /** The Subteam's ref. */
  ref: string;
  /** Its title, or its name. */
  title: string;
  /** Its domain id. */
  domain: string;
  /** Every member, each once. */
  memberCount: number;
  /** How many members stand where, over every member. */
  counts: Record<RotationPlanStatus, number>;
  /** Sorted by the day they are due (soonest first; unknown last), at most ROTATION_PLAN_MAX_MEMBERS. */
  members: RotationPlanMember[];
  /** The subteam once everyone due by the plan's horizon has moved out. */
  after: {
    /** How many members are due by the horizon. */
    moving: number;
    /** Who stays, in the order of `members`; at most ROTATION_PLAN_MAX_MEMBERS. */
    remaining: Array<{ ref: string; displayName: string }>;
    remainingCount: number;
    warning: RotationPlanWarning | null;
    /** The lead is among those moving (from 3 members on a subteam needs one). */
    leadMoves: boolean;
  };
}

/** The rotation plan of every subteam (GET /rotation-plan). @public */
export interface RotationPlan {
  /** The instant the statuses are for. */
  at: string;
  /** The plan moves out everyone due by this day (at + horizon, in UTC). */
  horizon: string;
  /** The policy the plan applies, defaults filled in. */
  policy: SubteamRotationPolicy;
  /** In the order of `options.domains` (unknown domains last), then by title. */
  subteams: SubteamRotationPlan[];
}

/** Options of rotationPlan. @public */
export interface RotationPlanOptions {
  /** The instant the statuses are for (epoch ms). */
  now: number;
  /** The policy; each bound defaults to DEFAULT_SUBTEAM_ROTATION's. */
  policy?: Partial<SubteamRotationPolicy>;
  /** How far ahead moves are gathered, an ISO-8601 duration; default DEFAULT_ROTATION_PLAN_HORIZON. */
  horizon?: string;
  /** Domain ids in display order. */
  domains?: string[];
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
/** Refs in code-point order: the last tie-break, so the order never depends on the input's. */
const byRef = (a: { ref: string }, b: { ref: string }) => Number(a.ref > b.ref) - Number(a.ref < b.ref);

function statusAt(dates: ReturnType<typeof memberRotationDates>, now: number): RotationPlanStatus {
  if (!dates) return 'unknown';
  if (dates.dueAt.toMillis() <= now) return 'due';
  return now < dates.eligibleAt.toMillis() ? 'not-yet-eligible' : 'eligible';
}

/** The plan of one subteam at `now`, moving out those due by `horizon` (epoch ms). */
function planSubteamRotation(
  index: Map<string, Entity>,
  subteam: SubteamEntityV1alpha1,
  now: number,
  horizon: number,
  policy: SubteamRotationPolicy,
): SubteamRotationPlan {
  const ref = entityRefOf(subteam);
  const namespace = subteam.metadata.namespace ?? 'default';
  const lead = normaliseEntityRef(subteam.spec?.lead, { defaultKind: 'user', defaultNamespace: namespace });
  // A member listed twice is one person (validation reports the repeat): the first entry counts.
  const seen = new Set<string>();
  const rows: Array<{ member: RotationPlanMember; dueMs: number }> = [];
  for (const entry of subteamMembers(subteam)) {
    if (seen.has(entry.ref)) continue;
    seen.add(entry.ref);
    const dates = memberRotationDates(entry.since, policy);
    const dueMs = dates ? dates.dueAt.toMillis() : Infinity;
    rows.push({
      dueMs,
      member: {
        ref: entry.ref,
        displayName: personName(index, entry.ref),
        lead: entry.ref === lead,
        ...(dates
          ? { since: entry.since, eligibleFrom: dates.eligibleAt.toISODate()!, dueFrom: dates.dueAt.toISODate()! }
          : {}),
        status: statusAt(dates, now),
        moves: dueMs <= horizon,
      },
    });
  }
  rows.sort(
    (a, b) =>
      // Both unknown: Infinity - Infinity is NaN, which falls through like 0.
      a.dueMs - b.dueMs ||
      collator.compare(a.member.displayName, b.member.displayName) ||
      byRef(a.member, b.member),
  );
  const counts: Record<RotationPlanStatus, number> = { due: 0, eligible: 0, 'not-yet-eligible': 0, unknown: 0 };
  for (const { member } of rows) counts[member.status] += 1;
  const staying = rows.filter(r => !r.member.moves);
  const moving = rows.length - staying.length;
  let warning: RotationPlanWarning | null = null;
  if (moving > 0 && staying.length === 0) warning = 'loses-all-context';
  else if (moving > 0 && staying.length === 1) warning = 'below-two';
  return {
    ref,
    title: subteam.metadata.title ?? subteam.metadata.name,
    domain: typeof subteam.spec?.domain === 'string' ? subteam.spec.domain : '',
    memberCount: rows.length,
    counts,
    members: rows.slice(0, ROTATION_PLAN_MAX_MEMBERS).map(r => r.member),
    after: {
      moving,
      remaining: staying
        .slice(0, ROTATION_PLAN_MAX_MEMBERS)
        .map(({ member }) => ({ ref: member.ref, displayName: member.displayName })),
      remainingCount: staying.length,
      warning,
      leadMoves: rows.some(r => r.member.lead && r.member.moves),
    },
  };
}

/**
 * The rotation plan of `subteams` at `options.now`: per subteam each member
 * with the day they joined, may move and are due to, where they stand now,
 * and who would remain once everyone due by `now + horizon` moved out.
 * Days are calendar days counted in UTC, as by the checks, whatever the
 * machine's zone; people are named from `index` (entities by lower-cased
 * ref). Throws a TypeError for a policy bound or horizon that is not a
 * duration.
 * @public
 */
export function rotationPlan(
  index: Map<string, Entity>,
  subteams: SubteamEntityV1alpha1[],
  options: RotationPlanOptions,
): RotationPlan {
  const policy = resolveSubteamRotationPolicy(options.policy);
  const horizonText = options.horizon ?? DEFAULT_ROTATION_PLAN_HORIZON;
  const horizonDuration = parseIsoDuration(horizonText);
  if (!horizonDuration) {
    throw new TypeError(`horizon must be an ISO-8601 duration like P3M, got ${JSON.stringify(horizonText)}`);
  }
  const horizon = DateTime.fromMillis(options.now, { zone: 'utc' }).plus(horizonDuration);
  const domainRank = new Map((options.domains ?? []).map((d, i) => [d, i]));
  const rank = (plan: SubteamRotationPlan) => domainRank.get(plan.domain) ?? domainRank.size;
  const plans = subteams
    .filter(s => s?.metadata?.name)
    .map(s => planSubteamRotation(index, s, options.now, horizon.toMillis(), policy))
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.title, b.title) || byRef(a, b));
  return {
    at: formatInstant(options.now),
    horizon: horizon.toISODate()!,
    policy,
    subteams: plans,
  };
}
