export * from './types';
export {
  DEFAULT_BUSINESS_HOURS,
  errorBudget,
  formatDurationShort,
  isWithinSupportHours,
  parseSlaWindow,
} from './sla';
