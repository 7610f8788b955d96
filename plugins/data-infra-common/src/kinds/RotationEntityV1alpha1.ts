import type { Entity } from '@backstage/catalog-model';
import schema from '../schema/Rotation.v1alpha1.schema.json';
import { parseIsoDuration, parseLocalDateTime } from '../time';
import type { DataInfraKindDescriptor } from './descriptor';
import { isKind } from './isKind';
import { DATA_INFRA_LIMITS, MIN_SHIFT_MS } from './limits';
import {
  coverageProblems,
  describeValue,
  EntityProblem,
  metadataProblems,
  zeroDurationProblems,
  zoneProblems,
} from './problems';
import { RELATION_HAS_PARTICIPANT, RELATION_PARTICIPATES_IN } from './relations';
import type { CoverageWindow, DATA_INFRA_API_VERSION, RotationOverride } from './types';
import { OWNER_SUBTEAM_REFERENCE_FIELD } from './references';

/** kind: Rotation. @public */
export interface RotationEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_INFRA_API_VERSION;
  kind: 'Rotation';
  spec: {
    /** Subteam ref. */
    owner: string;
    /** IANA zone. */
    timezone: string;
    /** Local date-time of the first hand-off, e.g. '2026-01-05T09:00'. */
    start: string;
    /** ISO-8601 duration: PT12H, P1D, P1W, P2W… */
    shiftLength: string;
    /** Ordered User refs. */
    participants: string[];
    /** 1 or 2; default 2. */
    depth?: 1 | 2;
    /** Absent = 24x7. */
    coverage?: CoverageWindow[];
    overrides?: RotationOverride[];
  };
}

/** @public */
export function isRotationEntity(entity: Entity): entity is RotationEntityV1alpha1 {
  return isKind(entity, 'Rotation');
}

/** The rules of a Rotation that its schema cannot express. */
function rotationProblems(entity: RotationEntityV1alpha1): EntityProblem[] {
  const problems = metadataProblems(entity);
  const spec = entity.spec;
  problems.push(...zoneProblems('spec.timezone', spec.timezone));
  problems.push(...zeroDurationProblems('spec.shiftLength', spec.shiftLength));
  const shift = parseIsoDuration(spec.shiftLength);
  // Calendar units (P1M) are at least 28 days; only fixed ones can be short.
  if (shift && shift.toMillis() > 0 && shift.toMillis() < MIN_SHIFT_MS && !shift.months && !shift.years) {
    problems.push({
      path: 'spec.shiftLength',
      message: `must be at least ${DATA_INFRA_LIMITS.minShiftLength}, got ${describeValue(spec.shiftLength)}`,
    });
  }
  if (!parseLocalDateTime(spec.start)) {
    problems.push({ path: 'spec.start', message: `must be a real calendar date-time, got ${describeValue(spec.start)}` });
  }
  problems.push(...coverageProblems(spec.coverage, 'spec.coverage'));
  spec.overrides?.forEach((o, i) => {
    const start = parseLocalDateTime(o.start);
    const end = parseLocalDateTime(o.end);
    if (start && end && end <= start) {
      problems.push({ path: `spec.overrides[${i}].end`, message: `must be after start (${o.start}), got ${describeValue(o.end)}` });
    }
    if ((o.role ?? 'primary') === 'secondary' && (spec.depth ?? 2) < 2) {
      problems.push({ path: `spec.overrides[${i}].role`, message: 'must be primary on a rotation of depth 1, got "secondary"' });
    }
  });
  return problems;
}

/** The Rotation kind. @public */
export const rotationEntityV1alpha1: DataInfraKindDescriptor<RotationEntityV1alpha1> = {
  kind: 'Rotation',
  schema,
  isEntity: isRotationEntity,
  validate: rotationProblems,
  references: [
    OWNER_SUBTEAM_REFERENCE_FIELD,
    {
      path: 'spec.participants[]',
      label: 'Participant',
      defaultKind: 'user',
      allowedKinds: ['user'],
      relation: { forward: RELATION_HAS_PARTICIPANT, reverse: RELATION_PARTICIPATES_IN },
    },
    { path: 'spec.overrides[].user', label: 'Override user', defaultKind: 'user', allowedKinds: ['user'] },
  ],
};
