export * from './types';
export { LOAD_WINDOW_WEEKS, MIN_REST_HOURS, rotationLoad, rotationLoadWindow } from './rotationLoad';
export { NIGHT_END_HOUR, NIGHT_START_HOUR } from './calendar';
