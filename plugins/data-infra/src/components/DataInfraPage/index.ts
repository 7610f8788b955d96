export { DataInfraPage } from './DataInfraPage';
