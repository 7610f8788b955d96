export { createAddOverrideAction } from './addOverrideAction';
export type { AddOverrideActionOutput, AddOverrideInput } from './addOverrideAction';
export { createPublishRotationLocalAction } from './publishRotationLocalAction';
export { COVER_LOCAL_DIRECTORIES_CONFIG_KEY } from './locateFile';
export type { RotationFileLocation } from './locateFile';
export { MAX_COVER_DAYS } from './period';
