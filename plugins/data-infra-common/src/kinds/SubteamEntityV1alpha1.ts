import {
  RELATION_CHILD_OF,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_PARENT_OF,
  type Entity,
} from '@backstage/catalog-model';
import schema from '../schema/Subteam.v1alpha1.schema.json';
import type { DataInfraKindDescriptor } from './descriptor';
import { isKind } from './isKind';
import { describeValue, EntityProblem, escalationProblems, metadataProblems } from './problems';
import { ESCALATION_REFERENCE_FIELDS } from './references';
import { RELATION_CONSUMER_OF, RELATION_SERVES } from './relations';
import type { Contact, DATA_INFRA_API_VERSION, EscalationPolicy } from './types';
import { isHttpUrl, looksLikeUrl } from './urls';
import { normaliseEntityRef } from './refs';
import { isCalendarDate, subteamMembers, subteamStakeholders } from './subteamFields';

/**
 * A member of a Subteam: a User ref, or the ref with the date they joined
 * the subteam (`since`, YYYY-MM-DD), which the rotation policy checks read.
 * @public
 */
export type SubteamMember = string | { user: string; since?: string };

/** How often a subteam meets a stakeholder group. @public */
export type StakeholderSync = 'weekly' | 'biweekly' | 'monthly';

/**
 * A stakeholder group of a Subteam: a Group ref, or the ref with its sync
 * cadence, where the sync happens and how the group brings in requests.
 * @public
 */
export type SubteamStakeholder =
  | string
  | { group: string; sync?: StakeholderSync; channel?: string; intake?: string[] };

/** kind: Subteam. @public */
export interface SubteamEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_INFRA_API_VERSION;
  kind: 'Subteam';
  spec: {
    /** A configured domain id (defaults: data-platform, data-engineering, mlops, bi-services). */
    domain: string;
    /** Group ref, e.g. group:default/data-infrastructure. */
    parent: string;
    /** User refs, each optionally with the date they joined (see {@link SubteamMember}). */
    members: SubteamMember[];
    /** A member's User ref. */
    lead?: string;
    /** Group refs of internal customers, optionally with their sync (see {@link SubteamStakeholder}). */
    stakeholders?: SubteamStakeholder[];
    contact?: Contact;
    /** Kinds of problems this subteam handles. */
    handles?: string[];
    /** Default escalation policy, inherited by its services. */
    escalation?: EscalationPolicy;
  };
}

/** @public */
export function isSubteamEntity(entity: Entity): entity is SubteamEntityV1alpha1 {
  return isKind(entity, 'Subteam');
}

/** The rules of a Subteam that its schema cannot express. */
function subteamProblems(entity: SubteamEntityV1alpha1): EntityProblem[] {
  const problems = metadataProblems(entity);
  const spec = entity.spec;
  for (const field of ['chat', 'pager'] as const) {
    const value = spec.contact?.[field];
    if (looksLikeUrl(value) && !isHttpUrl(value)) {
      problems.push({
        path: `spec.contact.${field}`,
        message: `must be free text or an http(s) URL, got ${describeValue(value)}`,
      });
    }
  }
  const members = subteamMembers(entity);
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.ref)) {
      problems.push({ path: `spec.members[${member.index}]`, message: `must not list ${member.ref} twice` });
    }
    seen.add(member.ref);
    if (member.since !== undefined && !isCalendarDate(member.since)) {
      problems.push({
        path: `spec.members[${member.index}].since`,
        message: `must be a date that exists, like 2026-01-05, got ${describeValue(member.since)}`,
      });
    }
  }
  const lead = normaliseEntityRef(spec.lead, { defaultKind: 'user', defaultNamespace: entity.metadata.namespace ?? 'default' });
  if (spec.lead && (!lead || !seen.has(lead))) {
    problems.push({ path: 'spec.lead', message: `must be one of spec.members, got ${describeValue(spec.lead)}` });
  }
  for (const stakeholder of subteamStakeholders(entity)) {
    const at = `spec.stakeholders[${stakeholder.index}]`;
    const texts: Array<[string, string | undefined]> = [
      [`${at}.channel`, stakeholder.channel],
      ...stakeholder.intake.map((text, i): [string, string] => [`${at}.intake[${i}]`, text]),
    ];
    for (const [path, value] of texts) {
      if (looksLikeUrl(value) && !isHttpUrl(value)) {
        problems.push({ path, message: `must be free text or an http(s) URL, got ${describeValue(value)}` });
      }
    }
  }
  problems.push(...escalationProblems(spec.escalation, 'spec.escalation'));
  return problems;
}

/** The Subteam kind. @public */
export const subteamEntityV1alpha1: DataInfraKindDescriptor<SubteamEntityV1alpha1> = {
  kind: 'Subteam',
  schema,
  isEntity: isSubteamEntity,
  validate: subteamProblems,
  references: [
    {
      path: 'spec.parent',
      label: 'Parent group',
      defaultKind: 'group',
      allowedKinds: ['group'],
      relation: { forward: RELATION_CHILD_OF, reverse: RELATION_PARENT_OF },
    },
    {
      path: 'spec.members[]',
      objectKey: 'user',
      label: 'Member',
      defaultKind: 'user',
      allowedKinds: ['user'],
      relation: { forward: RELATION_HAS_MEMBER, reverse: RELATION_MEMBER_OF },
    },
    { path: 'spec.lead', label: 'Lead', defaultKind: 'user', allowedKinds: ['user'] },
    {
      path: 'spec.stakeholders[]',
      objectKey: 'group',
      label: 'Stakeholder group',
      defaultKind: 'group',
      allowedKinds: ['group'],
      relation: { forward: RELATION_SERVES, reverse: RELATION_CONSUMER_OF },
    },
    ...ESCALATION_REFERENCE_FIELDS,
  ],
};
