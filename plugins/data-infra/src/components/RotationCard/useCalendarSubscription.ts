import { useApi } from '@backstage/core-plugin-api';
import type { CalendarSubscriptionResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { useCallback, useState } from 'react';
import { dataInfraApiRef } from '../../api';

/** Where the viewer's calendar link stands. */
export type CalendarSubscriptionState =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'subscribed'; links: Extract<CalendarSubscriptionResponse, { subscribed: true }> }
  | { step: 'revoked' }
  | { step: 'failed'; message: string };

/** Whose feed: a rotation's shifts, or the signed-in user's own in every rotation. */
export type CalendarFeed = { rotationRef: string } | { personRef: string };

/**
 * The signed-in user's calendar subscription to a rotation, or to their
 * personal feed. Nothing is fetched until the user asks: these are
 * actions (POST, DELETE), not a question asked on render.
 */
export function useCalendarSubscription(feed: CalendarFeed) {
  const rotationRef = 'rotationRef' in feed ? feed.rotationRef : undefined;
  const personRef = 'personRef' in feed ? feed.personRef : undefined;
  const api = useApi(dataInfraApiRef);
  const [state, setState] = useState<CalendarSubscriptionState>({ step: 'idle' });

  const run = useCallback(async (action: () => Promise<CalendarSubscriptionState>) => {
    setState({ step: 'busy' });
    try {
      setState(await action());
    } catch (error) {
      setState({ step: 'failed', message: String((error as Error)?.message ?? error) });
    }
  }, []);
  const subscribe = useCallback(
    () =>
      run(async () => {
        const answer = personRef
          ? await api.subscribeToPersonalCalendar(personRef)
          : await api.subscribeToCalendar(rotationRef!);
        return answer.subscribed ? { step: 'subscribed', links: answer } : { step: 'idle' };
      }),
    [api, rotationRef, personRef, run],
  );
  const revoke = useCallback(
    () =>
      run(async () => {
        if (personRef) await api.revokePersonalCalendarSubscription(personRef);
        else await api.revokeCalendarSubscription(rotationRef!);
        return { step: 'revoked' };
      }),
    [api, rotationRef, personRef, run],
  );
  return { state, subscribe, revoke };
}
