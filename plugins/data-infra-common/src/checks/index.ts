export * from './types';
export { checkCatalog, compareFindings, findingsFor, worstSeverity } from './checkCatalog';
export type { CheckCatalogOptions } from './checkCatalog';
export { groupFindings } from './groups';
