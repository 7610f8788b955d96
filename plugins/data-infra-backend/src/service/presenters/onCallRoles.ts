import {
  formatInstant,
  OnCallRole,
  RotationEntityV1alpha1, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { titleOf } from '../refs';
import type { DataInfraState } from '../state/DataInfraState';
import type { PeopleDirectory } from '../state/people';

/** Who holds each role of a rotation at `at`, through the cached resolver; none when it fails. */
export function onCallRoles(
  state: DataInfraState,
  rotation: RotationEntityV1alpha1,
  at: number,
  people: PeopleDirectory,
): OnCallRole[] {
  const ref = entityRefOf(rotation);
  return people.onCall(state.safely(ref, 'on-call', () => state.onCall.assignments(rotation, at)) ?? []);
}

/** A rotation as /oncall and /oncall/subteams show it at `at`. */
export function rotationOnCall(
  state: DataInfraState,
  rotation: RotationEntityV1alpha1,
  at: number,
  people: PeopleDirectory,
) {
  const ref = entityRefOf(rotation);
  const handoff = state.safely(ref, 'next hand-off', () => state.onCall.nextHandoff(rotation, at));
  return {
    rotation: { ref, title: titleOf(rotation, ref), timezone: rotation.spec.timezone },
    onCall: onCallRoles(state, rotation, at, people),
    nextHandoff: typeof handoff === 'number' ? formatInstant(handoff) : null,
  };
}
