export { ServiceCatalog, ServiceCatalogView } from './ServiceCatalog';
export { servicesToCsv } from './csv';
