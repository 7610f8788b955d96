/*
 * A count of the steps the on-call searches take: each candidate change
 * point looked at, each week of coverage walked, each probe of a bisection.
 * The property tests assert on it (not on a clock) that the work per answer
 * does not grow with the number of hand-offs. Internal to the package.
 */
let steps = 0;

export function countStep(): void {
  steps += 1;
}

/** Steps counted since the process started; tests read differences. */
export function stepsTaken(): number {
  return steps;
}
