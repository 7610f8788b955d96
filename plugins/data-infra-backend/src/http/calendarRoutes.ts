/*
 * Calendar subscriptions (see service/CalendarSubscriptions.ts):
 *
 *   GET|POST|DELETE /rotations/:namespace/:name/calendar-subscription
 *     the signed-in user's link to the rotation's feed: see, make, revoke.
 *   GET|POST|DELETE /people/:namespace/:name/calendar-subscription
 *     the same for the signed-in user's personal feed (their shifts in
 *     every rotation); only for their own ref.
 *   GET /calendar-feeds/:token.ics
 *     the feed, for calendar clients: no Backstage token, the link is the
 *     credential. The plugin allows this path unauthenticated (plugin.ts).
 */
import type { DiscoveryService, HttpAuthService } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import type { CalendarSubscriptionResponse } from '@data-infra/backstage-plugin-data-infra-common';
import type express from 'express';
import type Router from 'express-promise-router';
import { formatInstant } from '@data-infra/backstage-plugin-data-infra-common';
import { parseParams, personPath, rotationPath } from './params';
import type { CalendarSubscription, CalendarSubscriptions } from '../service/calendar/CalendarSubscriptions';
import type { DataInfraService } from '../service/DataInfraService';

/** The path prefix that calendar clients fetch without a Backstage token. */
export const CALENDAR_FEEDS_PATH = '/calendar-feeds';

export function addCalendarRoutes(
  router: ReturnType<typeof Router>,
  options: {
    httpAuth: HttpAuthService;
    service: DataInfraService;
    subscriptions: CalendarSubscriptions;
    discovery: DiscoveryService;
    /** The service's clock, at the second. */
    now: () => number;
  },
) {
  const { httpAuth, service, subscriptions, discovery, now } = options;
  const rotationRef = (req: express.Request) => parseParams(rotationPath, req.params).ref;
  /** Only people subscribe: a service has no calendar. */
  const userOf = async (req: express.Request) =>
    (await httpAuth.credentials(req, { allow: ['user'] })).principal.userEntityRef.toLocaleLowerCase('en-US');

  const describe = async (subscription: CalendarSubscription | undefined): Promise<CalendarSubscriptionResponse> => {
    if (!subscription) return { subscribed: false };
    const base = await discovery.getExternalBaseUrl('data-infra');
    const https = `${base}${CALENDAR_FEEDS_PATH}/${await subscriptions.tokenOf(subscription)}.ics`;
    return {
      subscribed: true,
      createdAt: formatInstant(subscription.createdAt),
      https,
      webcal: https.replace(/^https?:/, 'webcal:'),
    };
  };

  const path = '/rotations/:namespace/:name/calendar-subscription';
  router.get(path, async (req, res) => {
    const ref = rotationRef(req);
    res.json(await describe(await subscriptions.find(await userOf(req), ref)));
  });

  router.post(path, async (req, res) => {
    const ref = rotationRef(req);
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const user = credentials.principal.userEntityRef.toLocaleLowerCase('en-US');
    // 404 when the caller cannot read the rotation; what they can read now
    // is what the feed will ever show them.
    const facts = await service.calendarSubscriptionFacts(ref, user, credentials);
    res.status(201).json(await describe(await subscriptions.subscribe(user, ref, facts, now())));
  });

  router.delete(path, async (req, res) => {
    const ref = rotationRef(req);
    await subscriptions.revoke(await userOf(req), ref);
    res.status(204).end();
  });

  router.get(`${CALENDAR_FEEDS_PATH}/:file`, async (req, res) => {
    const token = /^(.*)\.ics$/.exec(req.params.file)?.[1] ?? '';
    const subscription = await subscriptions.resolve(token);
    if (!subscription) throw new AuthenticationError('This calendar link is not valid, or it was revoked');
    const body = subscription.feedRef.startsWith('user:')
      ? await service.personCalendarFeed(subscription, now())
      : await service.calendarFeed(subscription, now());
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Content-Disposition', `inline; filename="${subscription.feedRef.split('/').pop()}.ics"`);
    res.send(body);
  });

  // The personal feed: one link per user, to their own shifts only.
  const personal = '/people/:namespace/:name/calendar-subscription';
  const ownRef = async (req: express.Request) => {
    const ref = parseParams(personPath, req.params).ref;
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const user = credentials.principal.userEntityRef.toLocaleLowerCase('en-US');
    if (ref !== user) throw new NotAllowedError('A personal calendar link is only for its own person');
    return { user, credentials };
  };
  router.get(personal, async (req, res) => {
    const { user } = await ownRef(req);
    res.json(await describe(await subscriptions.find(user, user)));
  });
  router.post(personal, async (req, res) => {
    const { user, credentials } = await ownRef(req);
    const facts = await service.personCalendarSubscriptionFacts(user, credentials);
    res.status(201).json(await describe(await subscriptions.subscribe(user, user, facts, now())));
  });
  router.delete(personal, async (req, res) => {
    const { user } = await ownRef(req);
    await subscriptions.revoke(user, user);
    res.status(204).end();
  });
}
