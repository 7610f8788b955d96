/**
 * The data-infra entity model: the Subteam, DataService and Rotation kinds,
 * their JSON Schemas and validation, and the pure functions that answer who
 * is on call, what the escalation path is and what an SLA allows.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './time';
