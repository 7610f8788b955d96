export * from './types';
export { checkCatalog, compareFindings, findingsFor } from './checkCatalog';
export { FINDING_SEVERITIES, severityRank, worstSeverity } from './severity';
export type { CheckCatalogOptions } from './checkCatalog';
export { groupFindings } from './groups';
export { DEFAULT_MAX_ON_CALL_SHARE } from './loadChecks';
export { DEFAULT_SUBTEAM_ROTATION } from './subteamRotation';
export type { SubteamRotationPolicy } from './subteamRotation';
export { readCheckSettings } from './settings';
export type { CheckSettings } from './settings';
export { DEFAULT_ROTATION_PLAN_HORIZON, ROTATION_PLAN_MAX_MEMBERS, rotationPlan } from './rotationPlan';
export type {
  RotationPlan,
  RotationPlanMember,
  RotationPlanOptions,
  RotationPlanStatus,
  RotationPlanWarning,
  SubteamRotationPlan,
} from './rotationPlan';
