export * from './types';
export { isInCoverage } from './coverage';
export {
  handoffInstant,
  holdersOfRotationAt,
  nextHandoff,
  onCallAt,
  rotationShifts,
} from './onCall';
