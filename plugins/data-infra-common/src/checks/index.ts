export * from './types';
export { checkCatalog, findingsFor, worstSeverity } from './checkCatalog';
export type { CheckCatalogOptions } from './checkCatalog';
export { groupFindings } from './groups';
