export { DataServiceSlaCard } from './DataServiceSlaCard';
