/*
 * Relations emitted for the data-infra kinds. Where Backstage already has a
 * relation with the right meaning (ownedBy, dependsOn, childOf, hasMember…)
 * we emit that one, so the catalog graph, the owner filter and "owned by me"
 * work unchanged. The constants below are the relations Backstage lacks.
 */

/**
 * A DataService (or Subteam) whose escalation policy pages through a Rotation.
 * Reverse: {@link RELATION_ESCALATES_FOR}.
 * @public
 */
export const RELATION_ESCALATES_TO = 'escalatesTo';

/**
 * A Rotation that pages for a DataService (or Subteam).
 * Reverse: {@link RELATION_ESCALATES_TO}.
 * @public
 */
export const RELATION_ESCALATES_FOR = 'escalatesFor';

/**
 * A Rotation has a User among its participants.
 * Reverse: {@link RELATION_PARTICIPATES_IN}.
 * @public
 */
export const RELATION_HAS_PARTICIPANT = 'hasParticipant';

/**
 * A User takes part in a Rotation.
 * Reverse: {@link RELATION_HAS_PARTICIPANT}.
 * @public
 */
export const RELATION_PARTICIPATES_IN = 'participatesIn';

/**
 * A Subteam or DataService serves a stakeholder Group (spec.stakeholders,
 * spec.consumers). Reverse: {@link RELATION_CONSUMER_OF}.
 * @public
 */
export const RELATION_SERVES = 'serves';

/**
 * A Group is an internal customer of a Subteam or DataService.
 * Reverse: {@link RELATION_SERVES}.
 * @public
 */
export const RELATION_CONSUMER_OF = 'consumerOf';
