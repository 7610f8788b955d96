export { DataServiceOwnershipCard } from './DataServiceOwnershipCard';
