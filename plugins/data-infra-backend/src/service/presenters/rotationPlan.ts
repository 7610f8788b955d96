/*
 * GET /rotation-plan: the subteam rotation policy read forwards, per
 * subteam of the caller's view (see rotationPlan in the common package).
 * The people are named from the same view, so a member the caller may not
 * read appears by ref only.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { rotationPlan, type RotationPlanResponse } from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraState } from '../state/DataInfraState';

export class RotationPlanPresenter {
  constructor(private readonly state: DataInfraState) {}

  /** The plan at `at`, with the configured policy, subteams in the configured domains' order. */
  async present(at: number, credentials: BackstageCredentials): Promise<RotationPlanResponse> {
    const { state } = this;
    const scope = await state.scope(credentials);
    return state.remember(scope, `rotation-plan|${at}`, async () => {
      const view = await scope.view();
      return rotationPlan(view.byRef, view.subteams, {
        now: at,
        policy: state.config.subteamRotation,
        domains: state.config.domains.map(d => d.id),
      });
    });
  }
}
