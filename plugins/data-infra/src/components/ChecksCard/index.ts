export { ChecksCard } from './ChecksCard';
export { FindingList } from './FindingList';
