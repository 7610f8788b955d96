/** A role in a rotation. @public */
export type RotationRole = 'primary' | 'secondary';

/**
 * Who holds a role at an instant, with the contiguous interval [from, until)
 * in which that person holds that role (instants in epoch milliseconds).
 * `until` is null when no change is foreseen within the search horizon.
 * @public
 */
export interface OnCallAssignment {
  role: RotationRole;
  /** User entity ref. */
  user: string;
  from: number;
  until: number | null;
  /** 'override' when an override puts this person there at the instant. */
  source: 'schedule' | 'override';
}

/** One stretch of time in which a user holds a role. @public */
export interface RotationShift {
  role: RotationRole;
  user: string;
  start: number;
  end: number;
  source: 'schedule' | 'override';
}

/** Shifts in a window, clipped to it. @public */
export interface RotationShifts {
  shifts: RotationShift[];
  /** True when the list was cut at the maximum number of shifts. */
  truncated: boolean;
}
