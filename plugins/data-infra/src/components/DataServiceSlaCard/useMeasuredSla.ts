import type { SlaResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /sla: one DataService's SLA as measured in Prometheus. */
export function useMeasuredSla(entityRef: string): DataInfraAnswer<SlaResponse> {
  return useDataInfraAnswer(api => api.getSla(entityRef), [entityRef]);
}
