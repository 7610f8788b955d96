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

/** kind: Subteam. @public */
export interface SubteamEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_INFRA_API_VERSION;
  kind: 'Subteam';
  spec: {
    /** A configured domain id (defaults: data-platform, data-engineering, mlops, bi-services). */
    domain: string;
    /** Group ref, e.g. group:default/data-infrastructure. */
    parent: string;
    /** User refs. */
    members: string[];
    /** A member's User ref. */
    lead?: string;
    /** Group refs of internal customers. */
    stakeholders?: string[];
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
  if (spec.lead && !spec.members.includes(spec.lead)) {
    problems.push({ path: 'spec.lead', message: `must be one of spec.members, got ${describeValue(spec.lead)}` });
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
      label: 'Member',
      defaultKind: 'user',
      allowedKinds: ['user'],
      relation: { forward: RELATION_HAS_MEMBER, reverse: RELATION_MEMBER_OF },
    },
    { path: 'spec.lead', label: 'Lead', defaultKind: 'user', allowedKinds: ['user'] },
    {
      path: 'spec.stakeholders[]',
      label: 'Stakeholder group',
      defaultKind: 'group',
      allowedKinds: ['group'],
      relation: { forward: RELATION_SERVES, reverse: RELATION_CONSUMER_OF },
    },
    ...ESCALATION_REFERENCE_FIELDS,
  ],
};
