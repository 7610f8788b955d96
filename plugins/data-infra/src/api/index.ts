export { dataInfraApiRef } from './DataInfraApi';
export type { DataInfraApi, ServicesQuery } from './DataInfraApi';
export { DataInfraClient } from './DataInfraClient';
