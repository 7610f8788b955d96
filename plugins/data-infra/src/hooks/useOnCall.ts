import type { OnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from './useDataInfraAnswer';

/**
 * GET /oncall for one rotation (`rotation`) or one subteam's rotations
 * (`owner`): never the whole org, which only the on-call page needs (and
 * asks for through /oncall/subteams).
 */
export function useOnCall(
  scope: { rotation: string; owner?: undefined } | { owner: string; rotation?: undefined; load?: boolean },
): DataInfraAnswer<OnCallResponse> {
  const { rotation, owner } = scope;
  const load = 'load' in scope && scope.load === true;
  return useDataInfraAnswer(
    api => api.getOnCall(rotation !== undefined ? { rotation } : { owner, ...(load ? { load } : {}) }),
    [rotation, owner, load],
  );
}
