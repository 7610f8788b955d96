/*
 * The size bounds of our kinds. The numbers live in the JSON Schemas (where
 * adopters read them); this module only reads them back, so that the
 * validation messages and the on-call functions use the same ones.
 */
import commonSchema from '../schema/DataInfraCommon.schema.json';
import rotationSchema from '../schema/Rotation.v1alpha1.schema.json';
import subteamSchema from '../schema/Subteam.v1alpha1.schema.json';
import { parseIsoDuration } from '../time';

const rotationSpec = rotationSchema.properties.spec.properties;
const policy = commonSchema.definitions.escalationPolicy.properties;
const stakeholder = subteamSchema.properties.spec.properties.stakeholders.items.else.properties;

/**
 * The bounds every Subteam, DataService and Rotation is validated against.
 * @public
 */
export const DATA_INFRA_LIMITS = {
  /** The shortest `spec.shiftLength` of a Rotation, as an ISO-8601 duration. */
  minShiftLength: rotationSpec.shiftLength['x-minimum'],
  participants: rotationSpec.participants.maxItems,
  overrides: rotationSpec.overrides.maxItems,
  /** Per list: `spec.coverage`, `sla.supportHours.windows`, `levels[].hours.windows`. */
  coverageWindows: rotationSpec.coverage.maxItems,
  escalationLevels: policy.levels.maxItems,
  repeat: policy.repeat.maximum,
  /** Intake channels of one stakeholder group (`spec.stakeholders[].intake`). */
  stakeholderIntake: stakeholder.intake.maxItems,
  /** Characters of a stakeholder's `channel` and of each intake channel. */
  stakeholderChannelLength: stakeholder.channel.maxLength,
} as const;

/** The shortest shift, in ms (the on-call functions refuse shorter ones). @public */
export const MIN_SHIFT_MS = parseIsoDuration(DATA_INFRA_LIMITS.minShiftLength)!.toMillis();
