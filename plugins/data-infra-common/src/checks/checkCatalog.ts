/*
 * "Checking escalation paths": findings over a whole catalog, each with a
 * severity, the entity, the field and a sentence a person can act on.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  DataServiceEntityV1alpha1,
  EscalationLevel,
  EscalationPolicy,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1,
} from '../kinds/types';
import { isDataServiceEntity, isRotationEntity, isSubteamEntity } from '../kinds/guards';
import { DEFAULT_DOMAINS } from '../kinds/domains';
import { formatInstant, parseIsoDuration } from '../time';
import { rotationShifts } from '../rotation';
import type { OnCallAssignment } from '../rotation/types';
import { normaliseRefText } from '../kinds/refText';
import {
  levelDependsOnInstant,
  resolveEscalationPolicy,
  resolveLevel,
  RotationResolver,
} from '../escalation/path';
import type { EntityLookup } from '../escalation/types';
import { formatDurationShort } from '../time/duration';
import { isWithinSupportHours } from '../sla';
import { CatalogIndex, checkReferences, indexEntities } from './refs';
import { describeInstant, describeWeekSlots } from './weekSummary';
import type { Finding } from './types';
import { checkLoad, DEFAULT_MAX_ON_CALL_SHARE } from './loadChecks';
import { checkSubteamRotation, resolveSubteamRotationPolicy, SubteamRotationPolicy } from './subteamRotation';
import { checkStakeholderSync } from './stakeholderSync';
import { subteamMemberRefs } from '../kinds/subteamFields';

const QUARTER = 15 * 60_000;
const WEEK = 7 * 86_400_000;

/** Options of checkCatalog. @public */
export interface CheckCatalogOptions {
  /** Configured domain ids; default the ids of DEFAULT_DOMAINS. */
  domains?: string[];
  /**
   * Start of the week over which reachability is computed, of the 13 weeks of
   * the load checks, and the day members' tenure is judged at; default now.
   */
  now?: number;
  /**
   * dataInfra.checks.maxOnCallShare: the share of time (0–1) above which a
   * person on call is reported (on-call-share-too-high); default 0.5.
   */
  maxOnCallShare?: number;
  /**
   * The subteam rotation policy (`dataInfra.policy.subteamRotation`); each
   * bound defaults to {@link DEFAULT_SUBTEAM_ROTATION}'s.
   */
  subteamRotation?: Partial<SubteamRotationPolicy>;
}

function namespaceOf(entity: Entity): string {
  return entity.metadata?.namespace ?? 'default';
}

/** How a cause names an entity: its title, else its name, else the ref. */
function titleOf(entity: Entity | undefined, ref: string): string {
  return entity?.metadata?.title || entity?.metadata?.name || ref;
}

function checkDelays(entityRef: string, policy: EscalationPolicy | undefined, findings: Finding[]) {
  let previous: { ms: number; after: string; level: number } | undefined;
  (policy?.levels ?? []).forEach((level, i) => {
    const ms = parseIsoDuration(level.after)?.toMillis();
    if (ms === undefined) return;
    if (previous && ms <= previous.ms) {
      findings.push({
        severity: 'error',
        check: 'escalation-delays-not-increasing',
        entityRef,
        path: `spec.escalation.levels[${i}].after`,
        message: `Level ${i + 1} is paged after ${level.after}, no later than level ${previous.level} (${previous.after}); make each level's delay longer than the one before it.`,
      });
    }
    if (!previous || ms > previous.ms) previous = { ms, after: level.after, level: i + 1 };
  });
}

/** Cross-entity facts about escalation targets that validation cannot see. */
function checkTargets(index: CatalogIndex, entity: Entity, policy: EscalationPolicy | undefined, findings: Finding[]) {
  const entityRef = stringifyEntityRef(entity);
  (policy?.levels ?? []).forEach((level, i) => {
    const target = (level?.target ?? {}) as Record<string, string | undefined>;
    const path = `spec.escalation.levels[${i}].target`;
    if (target.rotation) {
      const rotation = index.get(normaliseRefText(target.rotation, 'rotation', namespaceOf(entity)));
      if (rotation && isRotationEntity(rotation) && target.role === 'secondary' && rotation.spec.depth === 1) {
        findings.push({
          severity: 'error',
          check: 'escalation-missing-role',
          entityRef,
          path: `${path}.role`,
          message: `Level ${i + 1} pages the secondary of ${stringifyEntityRef(rotation)}, which has depth 1 and no secondary; page its primary or set its spec.depth to 2.`,
          related: [stringifyEntityRef(rotation)],
        });
      }
    } else if (target.subteamLead) {
      const subteam = index.get(normaliseRefText(target.subteamLead, 'subteam', namespaceOf(entity)));
      if (subteam && isSubteamEntity(subteam) && !subteam.spec.lead) {
        findings.push({
          severity: 'warning',
          check: 'escalation-target-without-lead',
          entityRef,
          path: `${path}.subteamLead`,
          message: `Level ${i + 1} pages the lead of ${stringifyEntityRef(subteam)}, which has no lead, so it reaches nobody; set spec.lead on that subteam or page someone else.`,
          related: [stringifyEntityRef(subteam)],
        });
      }
    }
  });
}

function checkSubteam(index: CatalogIndex, subteam: SubteamEntityV1alpha1, domains: string[], findings: Finding[]) {
  const entityRef = stringifyEntityRef(subteam);
  const spec = subteam.spec;
  checkReferences(index, subteam, entityRef, findings);
  if (!domains.includes(spec.domain)) {
    findings.push({
      severity: 'error',
      check: 'unknown-domain',
      entityRef,
      path: 'spec.domain',
      message: `Domain ${JSON.stringify(spec.domain)} is not configured; use one of ${domains.join(', ')} or add it to dataInfra.domains in app-config.`,
    });
  }
  if ((spec.members?.length ?? 0) >= 3 && !spec.lead) {
    findings.push({
      severity: 'warning',
      check: 'subteam-without-lead',
      entityRef,
      path: 'spec.lead',
      message: `This subteam has ${spec.members.length} members but no lead; from 3 members a subteam needs one: name a member in spec.lead.`,
    });
  }
  checkDelays(entityRef, spec.escalation, findings);
  checkTargets(index, subteam, spec.escalation, findings);
}

function checkRotation(index: CatalogIndex, rotation: RotationEntityV1alpha1, findings: Finding[]) {
  const entityRef = stringifyEntityRef(rotation);
  const spec = rotation.spec;
  const namespace = namespaceOf(rotation);
  checkReferences(index, rotation, entityRef, findings);
  const depth = spec.depth ?? 2;
  const participants = (spec.participants ?? []).map(p => normaliseRefText(p, 'user', namespace));
  const distinct = new Set(participants).size;
  if (distinct < depth) {
    findings.push({
      severity: 'error',
      check: 'rotation-too-few-participants',
      entityRef,
      path: 'spec.participants',
      message: `This rotation is ${depth} deep but has ${distinct} distinct participant${distinct === 1 ? '' : 's'}, so one person would hold both roles; add participants or set spec.depth to 1.`,
    });
  }
  const ownerRef = normaliseRefText(spec.owner ?? '', 'subteam', namespace);
  const owner = index.get(ownerRef);
  if (owner && isSubteamEntity(owner)) {
    const members = new Set(subteamMemberRefs(owner));
    participants.forEach((participant, i) => {
      if (members.has(participant)) return;
      findings.push({
        severity: 'warning',
        check: 'rotation-participant-not-member',
        entityRef,
        path: `spec.participants[${i}]`,
        message: `${participant} takes part in this rotation but is not a member of ${ownerRef}; add them to the subteam's spec.members or take them out of the rotation.`,
        related: [ownerRef, participant],
      });
    });
  }
}

/**
 * Who a rotation has on call, from its shifts over the checked week,
 * computed once per rotation (instead of once per instant and level).
 */
function weekResolver(from: number, to: number): RotationResolver {
  const cache = new Map<RotationEntityV1alpha1, OnCallAssignment[]>();
  return (rotation, at) => {
    let week = cache.get(rotation);
    if (!week) {
      week = rotationShifts(rotation, from, to, { maxShifts: 100_000 }).shifts.map(s => ({
        role: s.role,
        user: s.user,
        from: s.start,
        until: s.end,
        source: s.source,
      }));
      cache.set(rotation, week);
    }
    return week.filter(a => a.from <= at && at < (a.until as number));
  };
}

/** One policy level over the checked week. */
interface LevelWeek {
  afterMs: number;
  /** Whether it reaches someone at each instant, or at all of them alike. */
  reachable: boolean[] | boolean;
  /** The rotation it pages through, if any. */
  rotation?: string;
}

interface WeekOfReachability {
  instants: number[];
  /** firstReachableAfterMs at each instant. */
  delays: Array<number | null>;
  rotations: string[];
}

function checkService(
  index: CatalogIndex,
  service: DataServiceEntityV1alpha1,
  lookup: EntityLookup,
  hasRotation: Set<string>,
  week: (service: DataServiceEntityV1alpha1) => WeekOfReachability,
  findings: Finding[],
) {
  const entityRef = stringifyEntityRef(service);
  const spec = service.spec;
  const namespace = namespaceOf(service);
  checkReferences(index, service, entityRef, findings);
  checkDelays(entityRef, spec.escalation, findings);
  checkTargets(index, service, spec.escalation, findings);

  const ownerRef = normaliseRefText(spec.owner ?? '', 'subteam', namespace);
  const owner = index.get(ownerRef);
  if (owner && isSubteamEntity(owner) && !hasRotation.has(ownerRef)) {
    findings.push({
      severity: 'warning',
      check: 'owner-without-rotation',
      entityRef,
      path: 'spec.owner',
      message: `Its owner ${ownerRef} has no Rotation, so nobody is on call for this service; add a Rotation owned by ${ownerRef}.`,
      related: [ownerRef],
      cause: { ref: ownerRef, summary: `${titleOf(owner, ownerRef)} has no Rotation` },
    });
  }

  const resolved = resolveEscalationPolicy(service, lookup);
  if (!resolved.policy) {
    findings.push({
      severity: 'error',
      check: 'no-escalation-policy',
      entityRef,
      path: 'spec.escalation',
      message: `Neither this service nor its owner ${ownerRef} has an escalation policy, so an alert pages nobody; add spec.escalation here or on the subteam.`,
      related: owner ? [ownerRef] : undefined,
      ...(owner
        ? {
            cause: {
              ref: ownerRef,
              summary: `${titleOf(owner, ownerRef)} has no escalation policy, and neither have its services`,
              path: 'spec.escalation',
            },
          }
        : {}),
    });
    return;
  }
  const source = resolved.inherited ? ` (inherited from ${resolved.policyRef})` : '';
  const policyPath = resolved.inherited ? 'spec.owner' : 'spec.escalation';

  const critical = spec.tier === 1 || spec.sla?.supportHours?.type === '24x7';
  const sev1 = spec.sla?.responseTime?.sev1 ? parseIsoDuration(spec.sla.responseTime.sev1)?.toMillis() : undefined;
  if (!critical && sev1 === undefined) return;

  const { instants, delays, rotations } = week(service);
  const zone = summaryZone(service, resolved.policy, lookup, namespace);
  const related = [...new Set([...(resolved.inherited && resolved.policyRef ? [resolved.policyRef] : []), ...rotations])].sort();

  if (critical) {
    const uncovered = instants.filter((_, i) => delays[i] === null);
    if (uncovered.length > 0) {
      const why = spec.tier === 1 ? 'tier 1' : 'supported 24x7';
      const hours = (uncovered.length * QUARTER) / 3_600_000;
      const always = uncovered.length === instants.length;
      const when = always ? undefined : describeWeekSlots(uncovered, zone);
      const gap =
        `${when ?? 'at any time of the week'}: ` +
        `${hours} of the ${instants.length / 4} hours of the week from ${formatInstant(instants[0])}`;
      const policyOwner = resolved.inherited && resolved.policyRef ? resolved.policyRef : undefined;
      findings.push({
        severity: 'warning',
        check: 'escalation-gap',
        entityRef,
        path: policyPath,
        message:
          `This service is ${why}, but its escalation policy${source} reaches nobody ${gap}. ` +
          `Add a level that reaches someone then, e.g. a rotation covering those hours.`,
        related: related.length > 0 ? related : undefined,
        when: when ?? 'all week',
        // An inherited policy is one fix for every service that inherits it.
        ...(policyOwner
          ? {
              cause: {
                ref: policyOwner,
                summary: `The escalation policy of ${titleOf(lookup(policyOwner), policyOwner)} reaches nobody ${gap}`,
                path: 'spec.escalation',
              },
            }
          : {}),
      });
    }
  }

  if (sev1 !== undefined) {
    let worst: { delay: number; at: number } | undefined;
    instants.forEach((at, i) => {
      const delay = delays[i];
      if (delay === null || !isWithinSupportHours(spec.sla, at)) return;
      if (delay > sev1 && (!worst || delay > worst.delay)) worst = { delay, at };
    });
    if (worst) {
      findings.push({
        severity: 'warning',
        check: 'sev1-response-too-short',
        entityRef,
        path: 'spec.sla.responseTime.sev1',
        message:
          `The sev1 response time is ${spec.sla!.responseTime!.sev1}, but the first level${source} that reaches someone ` +
          `is paged only after ${formatDurationShort(worst.delay)} at times (e.g. ${describeInstant(worst.at, zone)}); ` +
          `page a reachable person sooner or relax the response time.`,
        related: related.length > 0 ? related : undefined,
      });
    }
  }
}

/** The zone a service's week is described in: its support hours', else its first rotation's or level's, else UTC. */
function summaryZone(
  service: DataServiceEntityV1alpha1,
  policy: EscalationPolicy,
  lookup: EntityLookup,
  namespace: string,
): string {
  if (service.spec.sla?.supportHours?.timezone) return service.spec.sla.supportHours.timezone;
  for (const level of policy.levels ?? []) {
    const target = (level?.target ?? {}) as Record<string, string | undefined>;
    if (target.rotation) {
      const rotation = lookup(normaliseRefText(target.rotation, 'rotation', namespace));
      if (rotation && isRotationEntity(rotation)) return rotation.spec.timezone;
    }
    if (level.hours?.timezone) return level.hours.timezone;
  }
  return 'UTC';
}

/**
 * Checks a whole catalog: refs that resolve to nothing, rotations too
 * shallow for their depth or staffed by non-members, escalation delays out
 * of order, unconfigured domains, critical services that can reach nobody
 * at some time of the week (sampled every 15 minutes for a week from `now`),
 * sev1 response times that the escalation path cannot meet, subteams
 * without a lead, owners without a rotation, services without any
 * escalation policy, and the on-call load over the next 13 weeks (one
 * person in both roles, too large a share of time on call, 2 people 2 deep). Deterministic order: entityRef, check, path.
 * @public
 */
export function checkCatalog(entities: Entity[], options?: CheckCatalogOptions): Finding[] {
  const index = indexEntities(entities);
  // Refs mostly arrive lower-cased already: try them as they are first.
  const lookup: EntityLookup = ref => index.get(ref) ?? index.get(ref.toLocaleLowerCase('en-US'));
  const domains = options?.domains ?? DEFAULT_DOMAINS.map(d => d.id);
  const now = options?.now ?? Date.now();
  const start = Math.floor(now / QUARTER) * QUARTER;
  const rotationPolicy = resolveSubteamRotationPolicy(options?.subteamRotation);
  const instants = Array.from({ length: WEEK / QUARTER }, (_, i) => start + i * QUARTER);
  const rotationAt = weekResolver(start, start + WEEK);

  const hasRotation = new Set<string>();
  for (const entity of entities) {
    if (isRotationEntity(entity) && entity.spec?.owner) {
      hasRotation.add(normaliseRefText(entity.spec.owner, 'subteam', namespaceOf(entity)));
    }
  }

  // Services with the same policy (all those inheriting their subteam's,
  // and those that spell out the same levels) share its week of
  // reachability: it depends only on the levels and their namespace. The
  // week of a level is shared too, and a level that does not depend on the
  // instant is resolved once.
  const levelWeeks = new Map<string, LevelWeek>();
  const levelWeek = (level: EscalationLevel, namespace: string): LevelWeek => {
    const key = `${namespace}|${JSON.stringify(level)}`;
    let result = levelWeeks.get(key);
    if (!result) {
      const resolve = (at: number) => resolveLevel(level, 0, at, namespace, lookup, rotationAt);
      const first = resolve(instants[0]);
      result = {
        afterMs: first.afterMs,
        reachable: levelDependsOnInstant(level) ? instants.map((at, i) => (i === 0 ? first : resolve(at)).reachable) : first.reachable,
        rotation: first.via === 'rotation' ? first.targetRef : undefined,
      };
      levelWeeks.set(key, result);
    }
    return result;
  };
  const weeks = new Map<string, WeekOfReachability>();
  const week = (service: DataServiceEntityV1alpha1): WeekOfReachability => {
    const resolved = resolveEscalationPolicy(service, lookup);
    const key = `${resolved.namespace}|${JSON.stringify(resolved.policy)}`;
    let result = weeks.get(key);
    if (!result) {
      const levels = (resolved.policy?.levels ?? []).map(l => levelWeek(l, resolved.namespace ?? namespaceOf(service)));
      result = {
        instants,
        // The first reachable level's delay at each instant, as escalationPathAt's firstReachableAfterMs.
        delays: instants.map((_, i) => {
          let first: number | null = null;
          for (const l of levels) {
            const reachable = typeof l.reachable === 'boolean' ? l.reachable : l.reachable[i];
            if (reachable && (first === null || l.afterMs < first)) first = l.afterMs;
          }
          return first;
        }),
        rotations: [...new Set(levels.flatMap(l => (l.rotation ? [l.rotation] : [])))],
      };
      weeks.set(key, result);
    }
    return result;
  };

  const findings: Finding[] = [];
  for (const entity of entities) {
    // Entities that fail validation may lack these; validation reports them.
    if (!entity.spec || !entity.metadata?.name) continue;
    if (isSubteamEntity(entity)) {
      checkSubteam(index, entity, domains, findings);
      checkSubteamRotation(index, entity, now, rotationPolicy, findings);
      checkStakeholderSync(entity, findings);
    }
    else if (isRotationEntity(entity)) checkRotation(index, entity, findings);
    else if (isDataServiceEntity(entity)) checkService(index, entity, lookup, hasRotation, week, findings);
  }
  const rotations = entities.filter((e): e is RotationEntityV1alpha1 => !!e.spec && !!e.metadata?.name && isRotationEntity(e));
  checkLoad(index, rotations, start, options?.maxOnCallShare ?? DEFAULT_MAX_ON_CALL_SHARE, findings);
  return findings.sort(compareFindings);
}

/** The order of findings lists: entityRef, then check, then path (then message). @public */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.entityRef, b.entityRef) ||
    compare(a.check, b.check) ||
    compare(a.path ?? '', b.path ?? '') ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The findings about one entity (ref compared case-insensitively). @public */
export function findingsFor(findings: Finding[], entityRef: string): Finding[] {
  const ref = entityRef.toLocaleLowerCase('en-US');
  return findings.filter(f => f.entityRef.toLocaleLowerCase('en-US') === ref);
}
