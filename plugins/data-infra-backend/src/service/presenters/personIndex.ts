/*
 * Who could be reached by what, per catalog view: for each person, the
 * rotations that name them and the escalation policies that could ever
 * page them. Built once per view, so a question about one person costs the
 * rotations and policies that concern them, not a pass over the catalog.
 * The index only narrows; whether a policy reaches the person at an
 * instant is always the escalation path's answer (OnCallResolver).
 */
import type { Entity } from '@backstage/catalog-model';
import {
  DataServiceEntityV1alpha1,
  escalationPathAt,
  isRotationEntity,
  isSubteamEntity,
  resolveEscalationPolicy,
  RotationEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import { referencedRefs } from '../references';

/** The services that use one escalation policy, and one of them to compute its path with. */
export interface PolicyGroup {
  /** The entity whose spec.escalation it is (a service, or the subteam its services inherit from). */
  policyRef: string;
  /** Every service of the group has the same levels: its path is computed for this one. */
  representative: DataServiceEntityV1alpha1;
  services: DataServiceEntityV1alpha1[];
}

export interface PersonIndex {
  /** Rotations whose participants or overrides name the user (lower-cased ref). */
  rotationsOf(userRef: string): RotationEntityV1alpha1[];
  /** Policies with a level that could reach the user at some instant. */
  policiesOf(userRef: string): PolicyGroup[];
  /** For the memory budget. */
  estimatedBytes: number;
}

const usersIn = (entity: Entity) => [...referencedRefs([entity])].filter(r => r.startsWith('user:'));

function add<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** No one on call anywhere: the index reads only which targets the levels name. */
const nobody = () => [];

export function buildPersonIndex(view: CatalogView): PersonIndex {
  const rotations = new Map<string, RotationEntityV1alpha1[]>();
  for (const rotation of view.rotations) {
    for (const user of usersIn(rotation)) add(rotations, user, rotation);
  }

  // Services grouped by the policy they use (their own, or their owner's).
  const groups = new Map<string, PolicyGroup>();
  for (const service of view.services) {
    const { policyRef } = resolveEscalationPolicy(service, view.lookup);
    if (!policyRef) continue;
    const key = policyRef.toLocaleLowerCase('en-US');
    const group = groups.get(key);
    if (group) group.services.push(service);
    else groups.set(key, { policyRef: key, representative: service, services: [service] });
  }

  // Who each policy could ever reach: its levels' targets as the escalation
  // path names them (the same normalisation), widened to everyone the
  // target entity names, whatever the instant.
  const policies = new Map<string, PolicyGroup[]>();
  for (const group of groups.values()) {
    const path = escalationPathAt(group.representative, 0, view.lookup, { rotationAt: nobody });
    const reachable = new Set<string>();
    for (const level of path.levels) {
      if (level.via === 'user') {
        reachable.add(level.targetRef.toLocaleLowerCase('en-US'));
        continue;
      }
      const target = view.lookup(level.targetRef);
      if (target && (isRotationEntity(target) || isSubteamEntity(target))) {
        usersIn(target).forEach(u => reachable.add(u));
      }
    }
    for (const user of reachable) add(policies, user, group);
  }

  let entries = 0;
  rotations.forEach(list => (entries += list.length));
  policies.forEach(list => (entries += list.length));
  return {
    rotationsOf: user => rotations.get(user) ?? [],
    policiesOf: user => policies.get(user) ?? [],
    estimatedBytes: 256 * (rotations.size + policies.size + groups.size) + 16 * (entries + view.services.length),
  };
}
