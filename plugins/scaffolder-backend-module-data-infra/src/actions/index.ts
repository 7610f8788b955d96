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
