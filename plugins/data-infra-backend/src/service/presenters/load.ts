/*
 * A rotation's on-call load as GET /shifts and GET /oncall?load=true show
 * it: the next 4 and 13 weeks from the hour of `now`, with people as the
 * caller may see them.
 */
import {
  formatInstant,
  RotationEntityV1alpha1,
  RotationLoadAnswer,
  rotationLoad,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { PeopleDirectory } from '../state/people';

const HOUR = 3_600_000;

export function presentLoad(rotation: RotationEntityV1alpha1, now: number, people: PeopleDirectory): RotationLoadAnswer[] {
  // From the start of the hour, like the checks: one answer all hour on
  // every replica.
  return rotationLoad(rotation, Math.floor(now / HOUR) * HOUR).map(w => ({
    weeks: w.weeks,
    from: formatInstant(w.from),
    to: formatInstant(w.to),
    truncated: w.truncated,
    people: w.people.map(p => ({ ...p, user: people.person(p.user) })),
  }));
}
