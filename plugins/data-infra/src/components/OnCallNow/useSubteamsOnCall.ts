import type { SubteamsOnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /oncall/subteams: the on-call page in one answer. */
export function useSubteamsOnCall(): DataInfraAnswer<SubteamsOnCallResponse> {
  return useDataInfraAnswer(api => api.getSubteamsOnCall(), []);
}
