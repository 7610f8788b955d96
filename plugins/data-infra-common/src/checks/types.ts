/** How bad a finding is. @public */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * The fact behind a finding when it lies in another entity and every entity
 * it affects shares it: the owner Subteam without a Rotation behind
 * `owner-without-rotation` on each of its services, the inherited policy
 * behind an `escalation-gap`. Fixing the cause fixes them all.
 * @public
 */
export interface FindingCause {
  /** The entity to change. */
  ref: string;
  /** The fact, naming that entity by its title: "MLOps has no Rotation". */
  summary: string;
  /** The field of that entity to change, when there is one. */
  path?: string;
}

/** Something wrong with the catalog's ownership or escalation. @public */
export interface Finding {
  severity: FindingSeverity;
  /** Stable identifier of the check, e.g. 'rotation-too-few-participants'. */
  check: string;
  /** The entity the finding is about. */
  entityRef: string;
  /** The field concerned, when there is one (dotted path). */
  path?: string;
  /** A sentence a person can act on. */
  message: string;
  /** Other entities the finding concerns (e.g. the rotation of a service's gap). */
  related?: string[];
  /** The shared fact behind it, when it lies in another entity (see groupFindings). */
  cause?: FindingCause;
  /** For a finding about hours of the week (escalation-gap): those hours, in words. */
  when?: string;
}

/**
 * One problem to fix: the findings of one check with one cause (or a finding
 * without a shared cause on its own), with every entity it affects once.
 * @public
 */
export interface FindingGroup {
  severity: FindingSeverity;
  check: string;
  /** The entity to change: the shared cause's, or the entity of a lone finding. */
  subjectRef: string;
  /** The field of the subject to change, when known. */
  path?: string;
  /** What is wrong, what it affects and what to do, in a sentence or two. */
  message: string;
  /** The entities the findings are about, each once, in ref order. */
  affected: string[];
}
