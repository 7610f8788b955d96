/*
 * The escalation path of a DataService or Subteam at an instant: every level
 * of its policy (its own, or its owner subteam's), each resolved to the people
 * it reaches, or to a reason why it reaches nobody. A level is never dropped.
 */
import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  CoverageWindow,
  DataServiceEntityV1alpha1,
  EscalationLevel,
  EscalationPolicy,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1,
} from '../kinds/types';
import { isRotationEntity, isSubteamEntity } from '../kinds/guards';
import { parseIsoDuration } from '../time';
import { handoffInstant, isInCoverage, onCallAt } from '../rotation';
import type { OnCallAssignment, RotationRole } from '../rotation/types';
import { normaliseRefText } from '../kinds/refText';
import type { EntityLookup, EscalationPath, EscalationPathLevel, EscalationPerson } from './types';

/** The entity an escalation policy can sit on. @public */
export type EscalatingEntity = DataServiceEntityV1alpha1 | SubteamEntityV1alpha1;

/** Where a policy comes from. @public */
export interface ResolvedEscalationPolicy {
  policy?: EscalationPolicy;
  /** Ref of the entity whose spec.escalation is used; null when there is none. */
  policyRef: string | null;
  /** True when a service uses its owner subteam's policy. */
  inherited: boolean;
  /** Namespace that refs inside the policy are relative to. */
  namespace?: string;
}

function namespaceOf(entity: { metadata?: { namespace?: string } }): string {
  return entity.metadata?.namespace ?? 'default';
}

/**
 * A service's own spec.escalation, else its owner Subteam's (inherited).
 * @public
 */
export function resolveEscalationPolicy(
  entity: EscalatingEntity,
  lookup: EntityLookup,
): ResolvedEscalationPolicy {
  if (entity.spec?.escalation) {
    return {
      policy: entity.spec.escalation,
      policyRef: stringifyEntityRef(entity),
      inherited: false,
      namespace: namespaceOf(entity),
    };
  }
  if (entity.kind?.toLocaleLowerCase('en-US') === 'dataservice') {
    const ownerRef = normaliseRefText((entity as DataServiceEntityV1alpha1).spec?.owner ?? '', 'subteam', namespaceOf(entity));
    const owner = ownerRef ? lookup(ownerRef) : undefined;
    if (owner && isSubteamEntity(owner) && owner.spec?.escalation) {
      return { policy: owner.spec.escalation, policyRef: ownerRef, inherited: true, namespace: namespaceOf(owner) };
    }
  }
  return { policyRef: null, inherited: false };
}

/** How to find who a rotation has on call; the checks pass a faster one. @public */
export type RotationResolver = (rotation: RotationEntityV1alpha1, at: number) => OnCallAssignment[];

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** ['mon','tue','wed','sat'] → 'Mon–Wed, Sat'. */
function describeDays(days: string[]): string {
  const indexes = [...new Set(days.map(d => DAY_ORDER.indexOf(d)).filter(i => i >= 0))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < indexes.length; i++) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    parts.push(j - i >= 2 ? `${DAY_NAMES[indexes[i]]}–${DAY_NAMES[indexes[j]]}` : indexes.slice(i, j + 1).map(x => DAY_NAMES[x]).join(', '));
    i = j;
  }
  return parts.join(', ');
}

/** Coverage windows in words: 'Mon–Fri 09:00–17:00; Sat 10:00–12:00 (Europe/Berlin)'. @public */
export function describeWindows(windows: CoverageWindow[], zone: string): string {
  return `${windows.map(w => `${describeDays(w.days)} ${w.from}–${w.to}`).join('; ')} (${zone})`;
}

/** Parsed delays by their text: a catalog has few distinct ones, parsed again for every instant checked. */
const delays = new Map<string, number>();

function levelDelay(level: EscalationLevel): number {
  let ms = delays.get(level.after);
  if (ms === undefined) {
    ms = parseIsoDuration(level.after)?.toMillis() ?? 0;
    if (delays.size >= 1000) delays.clear();
    delays.set(level.after, ms);
  }
  return ms;
}

/**
 * Whether resolveLevel can answer differently for different instants: only
 * through a rotation's shifts or the level's hours. Kept beside it, as the
 * checks resolve every other level once for a whole week.
 */
export function levelDependsOnInstant(level: EscalationLevel): boolean {
  const target = level.target;
  return !!level.hours || (!!target && typeof target === 'object' && 'rotation' in target);
}

/**
 * One level of a policy at an instant: whom it reaches, or why nobody.
 * Internal to the package (the checks evaluate levels one by one).
 */
export function resolveLevel(
  level: EscalationLevel,
  index: number,
  at: number,
  namespace: string,
  lookup: EntityLookup,
  rotationAt: RotationResolver,
): EscalationPathLevel {
  const target = level.target;
  const base = { index, after: level.after, afterMs: levelDelay(level), target };
  const unreachable = (via: EscalationPathLevel['via'], targetRef: string, reason: string): EscalationPathLevel => ({
    ...base,
    via,
    targetRef,
    people: [],
    reachable: false,
    reason,
  });

  let via: EscalationPathLevel['via'];
  let targetRef: string;
  let people: EscalationPerson[];
  if (!target || typeof target !== 'object') {
    return unreachable('user', '', 'the level has no target');
  } else if ('rotation' in target) {
    via = 'rotation';
    targetRef = normaliseRefText(target.rotation, 'rotation', namespace);
    const role: RotationRole = target.role ?? 'primary';
    const rotation = lookup(targetRef);
    if (!rotation || !isRotationEntity(rotation)) {
      return unreachable(via, targetRef, `${targetRef} does not exist`);
    }
    const name = rotation.metadata.name;
    if (role === 'secondary' && rotation.spec.depth === 1) {
      return unreachable(via, targetRef, `Rotation ${name} has no secondary (its depth is 1)`);
    }
    people = rotationAt(rotation, at)
      .filter(a => a.role === role)
      .map(a => ({ user: a.user, role: a.role, from: a.from, until: a.until }));
    if (people.length === 0) {
      return unreachable(via, targetRef, `Rotation ${name} has nobody on call as ${role} at this time${whyNobody(rotation, at)}`);
    }
  } else if ('user' in target) {
    via = 'user';
    targetRef = normaliseRefText(target.user, 'user', namespace);
    if (!lookup(targetRef)) return unreachable(via, targetRef, `${targetRef} does not exist`);
    people = [{ user: targetRef }];
  } else {
    via = 'subteamLead';
    targetRef = normaliseRefText((target as { subteamLead: string }).subteamLead, 'subteam', namespace);
    const subteam = lookup(targetRef);
    if (!subteam || !isSubteamEntity(subteam)) {
      return unreachable(via, targetRef, `${targetRef} does not exist`);
    }
    if (!subteam.spec.lead) {
      return unreachable(via, targetRef, `Subteam ${subteam.metadata.name} has no lead`);
    }
    people = [{ user: normaliseRefText(subteam.spec.lead, 'user', namespaceOf(subteam)) }];
  }

  // A level with hours is only paged within them, whoever it would reach.
  if (level.hours && !isInCoverage(level.hours.windows, level.hours.timezone, at)) {
    return unreachable(via, targetRef, `outside the level's hours, ${describeWindows(level.hours.windows, level.hours.timezone)}`);
  }
  return { ...base, via, targetRef, people, reachable: true };
}

function whyNobody(rotation: RotationEntityV1alpha1, at: number): string {
  const spec = rotation.spec;
  let start: number | undefined;
  try {
    start = handoffInstant(rotation, 0);
  } catch {
    return ' (its spec cannot be computed)';
  }
  if (at < start) return ` (it starts at ${spec.start} ${spec.timezone})`;
  if (spec.coverage?.length && !isInCoverage(spec.coverage, spec.timezone, at)) return ' (outside coverage)';
  return '';
}

/**
 * The escalation path of a DataService or Subteam at an instant (epoch ms).
 * Refs inside the policy are read relative to the namespace of the entity
 * that holds the policy; the lookup receives normalised lowercase refs such
 * as 'rotation:default/data-platform'.
 * @public
 */
export function escalationPathAt(
  entity: EscalatingEntity,
  at: number,
  lookup: EntityLookup,
  options?: { rotationAt?: RotationResolver },
): EscalationPath {
  const resolved = resolveEscalationPolicy(entity, lookup);
  const rotationAt = options?.rotationAt ?? ((rotation, instant) => onCallAt(rotation, instant));
  const levels = (resolved.policy?.levels ?? []).map((level, index) =>
    resolveLevel(level, index, at, resolved.namespace ?? namespaceOf(entity), lookup, rotationAt),
  );
  const reachable = levels.filter(l => l.reachable).map(l => l.afterMs);
  return {
    entityRef: stringifyEntityRef(entity),
    at,
    policyRef: resolved.policyRef,
    inherited: resolved.inherited,
    repeat: resolved.policy?.repeat ?? 0,
    levels,
    firstReachableAfterMs: reachable.length > 0 ? Math.min(...reachable) : null,
  };
}
