import type { Entity } from '@backstage/catalog-model';
import {
  EscalationPolicy,
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { fullRef } from './refs';

function policyRefs(
  policy: EscalationPolicy | undefined,
  namespace: string,
  add: (ref: string | undefined) => void,
) {
  for (const level of policy?.levels ?? []) {
    const target: any = level.target ?? {};
    add(fullRef(target.user, 'user', namespace));
    add(fullRef(target.rotation, 'rotation', namespace));
    add(fullRef(target.subteamLead, 'subteam', namespace));
  }
}

/**
 * Every ref our entities' specs point at (users, groups, subteams,
 * rotations, services), lower-cased and fully qualified.
 */
export function referencedRefs(entities: Iterable<Entity>): Set<string> {
  const out = new Set<string>();
  const add = (ref: string | undefined) => ref && out.add(ref);
  for (const entity of entities) {
    const ns = entity.metadata.namespace ?? 'default';
    if (isSubteamEntity(entity)) {
      const s = entity.spec;
      add(fullRef(s.parent, 'group', ns));
      s.members?.forEach(m => add(fullRef(m, 'user', ns)));
      add(fullRef(s.lead, 'user', ns));
      s.stakeholders?.forEach(g => add(fullRef(g, 'group', ns)));
      policyRefs(s.escalation, ns, add);
    } else if (isDataServiceEntity(entity)) {
      const s = entity.spec;
      add(fullRef(s.owner, 'subteam', ns));
      s.dependsOn?.forEach(d => add(fullRef(d, 'dataservice', ns)));
      s.consumers?.forEach(g => add(fullRef(g, 'group', ns)));
      policyRefs(s.escalation, ns, add);
    } else if (isRotationEntity(entity)) {
      const s = entity.spec;
      add(fullRef(s.owner, 'subteam', ns));
      s.participants?.forEach(p => add(fullRef(p, 'user', ns)));
      s.overrides?.forEach(o => add(fullRef(o.user, 'user', ns)));
    }
  }
  return out;
}

/** Refs of kinds other than ours: the people and groups to look up. */
export function peopleRefs(refs: Iterable<string>): string[] {
  return [...refs].filter(
    r => !/^(subteam|dataservice|rotation):/.test(r),
  );
}
