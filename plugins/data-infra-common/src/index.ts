/**
 * The data-infra entity model: the Subteam, DataService and Rotation kinds,
 * their JSON Schemas and validation, and the pure functions that answer who
 * is on call, what the escalation path is and what an SLA allows.
 *
 * @packageDocumentation
 */
export * from './kinds';
export * from './time';
export * from './rotation';
export * from './escalation';
export * from './sla';
export * from './checks';
export * from './load';
export * from './api/types';
