export { dataInfraPlugin as default } from './plugin';
