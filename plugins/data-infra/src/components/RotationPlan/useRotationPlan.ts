import type { RotationPlanResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /rotation-plan: the rotation plan of every subteam in one answer. */
export function useRotationPlan(): DataInfraAnswer<RotationPlanResponse> {
  return useDataInfraAnswer(api => api.getRotationPlan(), []);
}
