export { RotationCard } from './RotationCard';
export { ShiftTable } from './ShiftTable';
