export {
  createRenderCatalogInfoAction,
  buildDataServiceEntity,
  resolveServiceLevel,
  toCatalogInfoYaml,
  CATALOG_INFO_FILENAME,
} from './renderCatalogInfo';
export type {
  RenderCatalogInfoInput,
  RenderSlaInput,
  RenderEscalationLevelInput,
} from './renderCatalogInfo';
export {
  createPublishLocalAction,
  assertSafeFileName,
  LOCAL_DIRECTORY_CONFIG_KEY,
} from './publishLocal';
export { TIER_SLA_DEFAULTS } from './tierDefaults';
export type { ServiceTier } from './tierDefaults';
export { createScmHostAction } from './scmHostAction';
export {
  createAddOverrideAction,
  createPublishRotationLocalAction,
  COVER_LOCAL_DIRECTORIES_CONFIG_KEY,
  MAX_COVER_DAYS,
} from './cover';
export type { AddOverrideActionOutput, AddOverrideInput, RotationFileLocation } from './cover';
