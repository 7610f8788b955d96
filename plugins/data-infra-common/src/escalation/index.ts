export * from './types';
export { describeWindows, escalationPathAt, resolveEscalationPolicy } from './path';
export type { EscalatingEntity, ResolvedEscalationPolicy, RotationResolver } from './path';
