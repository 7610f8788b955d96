/*
 * Counts of the work the on-call searches do, for the property tests, which
 * assert on them (not on a clock) that the work per answer does not grow
 * with the number of hand-offs. Internal to the package.
 *
 * - steps: candidate change points looked at, and weeks of coverage walked;
 * - probes: evaluations of the hand-off count inside a bisection, which
 *   only happens within three days of a DST change and takes at most
 *   MAX_PROBES per bisection.
 */
let steps = 0;
let probes = 0;

/** log2 of the bisection window (4 days in ms), rounded up. */
export const MAX_PROBES = 29;

export function countStep(): void {
  steps += 1;
}

export function countProbe(): void {
  probes += 1;
}

/** Counts since the process started; tests read differences. */
export function workDone(): { steps: number; probes: number } {
  return { steps, probes };
}
