/* GET /oncall: who is on call in every rotation (or a subteam's, or one). */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { formatInstant, isRotationEntity, OnCallResponse, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';
import { titleOf } from '../refs';
import type { DataInfraState } from '../state/DataInfraState';
import type { Scope } from '../state/scopes';
import { presentLoad } from './load';
import { rotationOnCall } from './onCallRoles';

/** Which rotations GET /oncall lists: all, a subteam's, or one. */
export interface OnCallFilter {
  owner?: string;
  rotation?: string;
  /** Add each listed rotation's on-call load (the next 4 and 13 weeks from `at`). */
  load?: boolean;
}

export class OnCallPresenter {
  constructor(private readonly state: DataInfraState) {}

  /** The whole answer is remembered per scope and instant; filters pick from it. */
  async present(at: number, credentials: BackstageCredentials, filter: OnCallFilter = {}): Promise<OnCallResponse> {
    const scope = await this.state.scope(credentials);
    const answer = await this.state.remember(scope, `oncall|${at}`, () => this.#all(at, scope));
    const rotations = answer.rotations.filter(
      r => (!filter.rotation || r.rotation.ref === filter.rotation) && (!filter.owner || r.owner?.ref === filter.owner),
    );
    if (!filter.load) return filter.owner || filter.rotation ? { at: answer.at, rotations } : answer;
    // Only for the rotations answered: the work is bounded by the answer.
    const view = await scope.view(['subteam', 'rotation']);
    return {
      at: answer.at,
      rotations: rotations.map(r => {
        const rotation = view.byRef.get(r.rotation.ref);
        return rotation && isRotationEntity(rotation) ? { ...r, load: presentLoad(rotation, at, view.people) } : r;
      }),
    };
  }

  async #all(at: number, scope: Scope): Promise<OnCallResponse> {
    // Services are not needed here: rotations and their owners only.
    const view = await scope.view(['subteam', 'rotation']);
    return {
      at: formatInstant(at),
      rotations: view.rotations.map(rotation => {
        const ownerRef = normaliseEntityRef(rotation.spec.owner, { defaultKind: 'subteam', defaultNamespace: rotation.metadata.namespace });
        const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
        const { rotation: summary, onCall, nextHandoff } = rotationOnCall(this.state, rotation, at, view.people);
        return {
          rotation: summary,
          owner: owner && ownerRef ? { ref: ownerRef, title: titleOf(owner, ownerRef) } : null,
          at: formatInstant(at),
          onCall,
          nextHandoff,
        };
      }),
    };
  }
}
