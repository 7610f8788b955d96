export { EscalationPathCard } from './EscalationPathCard';
export { EscalationTimeline } from './EscalationTimeline';
