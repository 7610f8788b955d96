import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  type Entity,
} from '@backstage/catalog-model';
import schema from '../schema/DataService.v1alpha1.schema.json';
import { indicatorProblems } from '../sla/promql';
import type { DataInfraKindDescriptor } from './descriptor';
import { isKind } from './isKind';
import { coverageProblems, EntityProblem, escalationProblems, metadataProblems, zoneProblems } from './problems';
import { ESCALATION_REFERENCE_FIELDS, OWNER_SUBTEAM_REFERENCE_FIELD } from './references';
import { RELATION_CONSUMER_OF, RELATION_SERVES } from './relations';
import type { DATA_INFRA_API_VERSION, EscalationPolicy, ServiceLevel } from './types';

/** kind: DataService. @public */
export interface DataServiceEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_INFRA_API_VERSION;
  kind: 'DataService';
  spec: {
    type: string;
    lifecycle: string;
    /** Subteam ref. */
    owner: string;
    /** 1 = critical … 3. */
    tier?: 1 | 2 | 3;
    technology?: string;
    /** Entity refs (default kind DataService). */
    dependsOn?: string[];
    /** Group refs of stakeholder groups that consume it. */
    consumers?: string[];
    runbook?: string;
    sla?: ServiceLevel;
    escalation?: EscalationPolicy;
  };
}

/** @public */
export function isDataServiceEntity(entity: Entity): entity is DataServiceEntityV1alpha1 {
  return isKind(entity, 'DataService');
}

/** The rules of a DataService that its schema cannot express. */
function dataServiceProblems(entity: DataServiceEntityV1alpha1): EntityProblem[] {
  const problems = metadataProblems(entity);
  const spec = entity.spec;
  const hours = spec.sla?.supportHours;
  problems.push(...zoneProblems('spec.sla.supportHours.timezone', hours?.timezone));
  if (hours?.type === 'business-hours' && !hours.timezone) {
    problems.push({ path: 'spec.sla.supportHours.timezone', message: 'is required for business-hours' });
  }
  problems.push(...coverageProblems(hours?.windows, 'spec.sla.supportHours.windows'));
  if (spec.sla) problems.push(...indicatorProblems(spec.sla));
  problems.push(...escalationProblems(spec.escalation, 'spec.escalation'));
  return problems;
}

/** The DataService kind. @public */
export const dataServiceEntityV1alpha1: DataInfraKindDescriptor<DataServiceEntityV1alpha1> = {
  kind: 'DataService',
  schema,
  isEntity: isDataServiceEntity,
  validate: dataServiceProblems,
  references: [
    OWNER_SUBTEAM_REFERENCE_FIELD,
    {
      path: 'spec.dependsOn[]',
      label: 'Dependency',
      defaultKind: 'dataservice',
      relation: { forward: RELATION_DEPENDS_ON, reverse: RELATION_DEPENDENCY_OF },
    },
    {
      path: 'spec.consumers[]',
      label: 'Consumer group',
      defaultKind: 'group',
      allowedKinds: ['group'],
      relation: { forward: RELATION_SERVES, reverse: RELATION_CONSUMER_OF },
    },
    ...ESCALATION_REFERENCE_FIELDS,
  ],
};
