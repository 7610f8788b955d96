import {
  EscalatingEntity,
  EscalationPath,
  escalationPathAt,
  EntityLookup,
  nextHandoff,
  OnCallAssignment,
  onCallAt,
  RotationEntityV1alpha1,
} from '@data-infra/backstage-plugin-data-infra-common';
import { stateOf } from '../refs';
import { IntervalMemo } from './IntervalMemo';
import type { MemoryBudget } from './MemoryBudget';

const HOUR = 3600_000;

/** A rotation's exact state, for answers reused across instants; none without an etag. */
const stateKey = (rotation: RotationEntityV1alpha1) =>
  rotation.metadata.etag ? stateOf(rotation) : undefined;

/**
 * Who a rotation has on call, its next hand-off and escalation paths, with
 * every rotation's assignments reused across instants and callers: each
 * assignment holds for the whole interval [from, until) it reports, so the
 * same answer is right for every instant inside all of them. Keys are the
 * rotation's exact state (ref@etag), and a rotation is only ever passed in
 * from the caller's own view, so what one caller may read is never served
 * to another. Every route that says who is on call goes through this one
 * resolver (/oncall, /oncall/subteams, /escalation, /services, /map).
 */
export class OnCallResolver {
  readonly #assignments: IntervalMemo<OnCallAssignment[]>;
  readonly #handoffs: IntervalMemo<number>;
  /** The same function each time, for escalationPathAt's `rotationAt`. */
  readonly rotationAt = (rotation: RotationEntityV1alpha1, at: number) => this.assignments(rotation, at);

  constructor(budget: MemoryBudget) {
    this.#assignments = new IntervalMemo(budget);
    this.#handoffs = new IntervalMemo(budget);
  }

  /** onCallAt, reused. */
  assignments(rotation: RotationEntityV1alpha1, at: number): OnCallAssignment[] {
    const key = stateKey(rotation);
    const known = key ? this.#assignments.get(key, at) : undefined;
    if (known) return known;
    const assignments = onCallAt(rotation, at);
    if (key && assignments.length > 0) {
      const from = Math.max(...assignments.map(a => a.from));
      // No change foreseen within the horizon: reuse for an hour only, as
      // the horizon moves with the instant.
      const until = Math.min(...assignments.map(a => a.until ?? at + HOUR));
      this.#assignments.set(key, from, until, assignments);
    }
    return assignments;
  }

  /** nextHandoff, reused: the hand-off h found after `at` is the next one for every instant in [at, h). */
  nextHandoff(rotation: RotationEntityV1alpha1, at: number): number | null {
    const key = stateKey(rotation);
    const known = key ? this.#handoffs.get(key, at) : undefined;
    if (known !== undefined) return known;
    const handoff = nextHandoff(rotation, at);
    if (key && handoff !== null) this.#handoffs.set(key, at, handoff, handoff);
    return handoff;
  }

  /** escalationPathAt, with every rotation level resolved through the memo above. */
  escalationPath(entity: EscalatingEntity, at: number, lookup: EntityLookup): EscalationPath {
    return escalationPathAt(entity, at, lookup, { rotationAt: this.rotationAt });
  }
}
