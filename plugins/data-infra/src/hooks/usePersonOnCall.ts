import type { PersonOnCallResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useDataInfraAnswer, type DataInfraAnswer } from './useDataInfraAnswer';

/**
 * GET /people/:namespace/:name/oncall: one person's shifts in [from, to)
 * across every rotation, the services whose escalation reaches them now,
 * and their covers. Asked by the "My on-call" page (for the signed-in user)
 * and the User entity card (for that user).
 */
export function usePersonOnCall(
  userRef: string | undefined,
  window: { from: string; to: string },
): DataInfraAnswer<PersonOnCallResponse | undefined> {
  const { from, to } = window;
  return useDataInfraAnswer(
    async api => (userRef ? api.getPersonOnCall(userRef, { from, to }) : undefined),
    [userRef, from, to],
  );
}
