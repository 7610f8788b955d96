export { ChecksCard } from './ChecksCard';
export { FindingGroupList } from './FindingGroupList';
