export { ServiceCatalog } from './ServiceCatalog';
export { servicesToCsv } from './csv';
