/** How bad a finding is. @public */
export type FindingSeverity = 'error' | 'warning' | 'info';

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
}
