export { useDataInfraAnswer } from './useDataInfraAnswer';
export type { AnswerKey, DataInfraAnswer } from './useDataInfraAnswer';
export { useDataInfraPages } from './useDataInfraPages';
export type { DataInfraPages } from './useDataInfraPages';
export { useOnCall } from './useOnCall';
export { useChecks } from './useChecks';
export { useDataInfraTranslation } from './useDataInfraTranslation';
export type { DataInfraT } from './useDataInfraTranslation';
export { usePersonOnCall } from './usePersonOnCall';
