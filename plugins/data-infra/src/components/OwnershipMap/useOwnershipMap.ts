import type { OwnershipMapResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /map: the ownership map in one answer. */
export function useOwnershipMap(): DataInfraAnswer<OwnershipMapResponse> {
  return useDataInfraAnswer(api => api.getMap(), []);
}
