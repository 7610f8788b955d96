import type { ChecksResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from './useDataInfraAnswer';

/**
 * GET /checks?entityRef=: the findings about one entity. The Checks card
 * and the Subteam overview card on one page ask it at the same time; the
 * client sends it once.
 */
export function useChecks(entityRef: string): DataInfraAnswer<ChecksResponse> {
  return useDataInfraAnswer(api => api.getChecks({ entityRef }), [entityRef]);
}
