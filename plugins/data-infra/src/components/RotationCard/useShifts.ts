import type { ShiftsResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from '../../hooks';

/** GET /rotations/:namespace/:name/shifts in [from, to). */
export function useShifts(rotationRef: string, from: string, to: string): DataInfraAnswer<ShiftsResponse> {
  return useDataInfraAnswer(api => api.getShifts(rotationRef, { from, to }), [rotationRef, from, to]);
}
