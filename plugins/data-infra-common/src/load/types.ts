import type { RotationRole } from '../rotation/types';

/** One person's on-call load in a rotation over a window. @public */
export interface PersonLoad {
  /** User entity ref. */
  user: string;
  /** Hours holding each role (primary, and secondary for depth 2). */
  hours: Partial<Record<RotationRole, number>>;
  /** Hours on call in any role (a stretch holding both roles counts once). */
  onCallHours: number;
  /** onCallHours over the hours of the window, 0–1. */
  share: number;
  /** Nights (22:00–07:00 local) in which the person is on call for any part. */
  nights: number;
  /** Weekend days (local Saturdays and Sundays) on which the person is on call for any part. */
  weekendDays: number;
  /** The longest stretch on call without a rest of MIN_REST_HOURS, in hours, clipped to the window. */
  longestStretchHours: number;
}

/** A rotation's on-call load over one window. @public */
export interface RotationLoadWindow {
  /** Length of the window in weeks (4 or 13 for rotationLoad). */
  weeks: number;
  /** Window [from, to) in epoch ms. */
  from: number;
  to: number;
  /** One entry per person holding a role in the window, in order of first appearance in spec.participants, then ref. */
  people: PersonLoad[];
  /** True when the rotation had more shifts than are counted (the load is then a lower bound). */
  truncated: boolean;
}
