import type { EscalationResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /escalation for one DataService or Subteam, now or at `at`. */
export function useEscalation(entityRef: string, at?: string): DataInfraAnswer<EscalationResponse> {
  return useDataInfraAnswer(
    api => api.getEscalation(entityRef, at ? { at } : undefined),
    [entityRef, at],
  );
}
