/**
 * Auth backend module: members of a data-infra Subteam own what it owns.
 *
 * @packageDocumentation
 */
export { authModuleDataInfraOwnership as default } from './module';
export { dataInfraOwnershipResolver } from './ownership';
