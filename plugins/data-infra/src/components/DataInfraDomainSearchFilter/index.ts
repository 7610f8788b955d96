export { DataInfraDomainSearchFilter } from './DataInfraDomainSearchFilter';
export type { DataInfraDomainSearchFilterProps } from './DataInfraDomainSearchFilter';
