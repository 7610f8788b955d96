export { RotationPlan } from './RotationPlan';
