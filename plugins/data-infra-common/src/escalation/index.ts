export * from './types';
export { escalationPathAt, resolveEscalationPolicy } from './path';
export type { EscalatingEntity, ResolvedEscalationPolicy, RotationResolver } from './path';
