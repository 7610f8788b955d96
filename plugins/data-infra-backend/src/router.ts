import type {
  BackstageCredentials,
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { DataInfraBackendConfig } from './config';
import {
  cursorParam,
  domainParam,
  encodeCursor,
  entityRefParam,
  flagParam,
  instantParam,
  limitParam,
  MAX_WINDOW_MS,
  nameParam,
  offsetParam,
  sortParams,
  textParam,
  tierParam,
} from './params';
import type { DataInfraService } from './service/DataInfraService';
import { PreparedJson, prepareJson, sendPrepared } from './preparedJson';
import { InputError } from '@backstage/errors';
import { addCalendarRoutes } from './calendarRoutes';
import type { CalendarSubscriptions } from './service/CalendarSubscriptions';

const DAY = 24 * 3600_000;
/** /shifts without `to` covers four weeks. */
const DEFAULT_SHIFTS_WINDOW_MS = 28 * DAY;

export interface RouterOptions {
  httpAuth: HttpAuthService;
  service: DataInfraService;
  config: DataInfraBackendConfig;
  /** Calendar subscription links; without them the subscription routes are absent. */
  calendar?: { subscriptions: CalendarSubscriptions; discovery: DiscoveryService };
  /** The clock; tests pin it. */
  now?: () => number;
}

/**
 * Answers reused within a scope (see CallerMemo) are the same object, so
 * their JSON and its ETag are built once too: /map at 10,000 services is
 * megabytes, and Express would otherwise hash the body on every response.
 */
const serialized = new WeakMap<object, PreparedJson>();

function sendJson(req: express.Request, res: express.Response, body: object) {
  let prepared = serialized.get(body);
  if (prepared === undefined) {
    prepared = prepareJson(JSON.stringify(body));
    serialized.set(body, prepared);
  }
  return sendPrepared(req, res, prepared);
}

/**
 * The routes of /api/data-infra. All are GET and answer with what the caller
 * may read of the catalog (see Scopes); the default auth policy of the HTTP
 * router already refuses requests without credentials (401).
 */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, service, config } = options;
  // Answers for "now" are computed at the current second: responses carry
  // seconds, and requests within one second share an answer.
  const now = options.now ?? (() => Math.floor(Date.now() / 1000) * 1000);
  const router = Router();
  // No route takes a body; anything larger than this is refused before parsing.
  router.use(express.json({ limit: '16kb' }));

  /**
   * Says how current the catalog state behind an answer is:
   * `Data-Infra-State-Age` (seconds since it was last refreshed) and
   * `Data-Infra-State` (fresh, or stale while refreshing fails).
   */
  const markFreshness = async (res: express.Response, credentials: BackstageCredentials) => {
    const { ageMs, stale } = await service.freshness(credentials);
    res.setHeader('Data-Infra-State-Age', String(Math.floor(ageMs / 1000)));
    res.setHeader('Data-Infra-State', stale ? 'stale' : 'fresh');
  };

  // Unauthenticated (plugin.ts): for probes and operators.
  router.get('/health', async (_req, res) => {
    const health = service.health();
    res.status(health.status === 'unavailable' ? 503 : 200).json(health);
  });

  router.get('/oncall', async (req, res) => {
    const at = instantParam(req.query, 'at', now());
    const owner = entityRefParam(req.query, 'owner', ['subteam'], { required: false, defaultKind: 'subteam' });
    const rotation = entityRefParam(req.query, 'rotation', ['rotation'], { required: false, defaultKind: 'rotation' });
    const credentials = await httpAuth.credentials(req);
    const body = await service.oncall(at, credentials, { owner, rotation });
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/oncall/subteams', async (req, res) => {
    const at = instantParam(req.query, 'at', now());
    const credentials = await httpAuth.credentials(req);
    const body = await service.subteamsOnCall(at, credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/escalation', async (req, res) => {
    const entityRef = entityRefParam(req.query, 'entityRef', ['dataservice', 'subteam'], {
      required: true,
    })!;
    const at = instantParam(req.query, 'at', now());
    const credentials = await httpAuth.credentials(req);
    const body = await service.escalation(entityRef, at, credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  const rotationRef = (req: express.Request) =>
    `rotation:${nameParam(req.params.namespace, 'namespace')}/${nameParam(req.params.name, 'name')}`;

  router.get('/rotations/:namespace/:name/shifts', async (req, res) => {
    const ref = rotationRef(req);
    const from = instantParam(req.query, 'from', now());
    const to = instantParam(req.query, 'to', from + DEFAULT_SHIFTS_WINDOW_MS);
    if (to <= from) throw new InputError('to: must be after from');
    if (to - from > MAX_WINDOW_MS) {
      throw new InputError('to: the window from "from" to "to" may span at most 366 days');
    }
    const credentials = await httpAuth.credentials(req);
    const body = await service.shifts(ref, from, to, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/rotations/:namespace/:name/calendar.ics', async (req, res) => {
    const ref = rotationRef(req);
    const credentials = await httpAuth.credentials(req);
    const body = await service.calendar(ref, now(), credentials);
    await markFreshness(res, credentials);
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${req.params.name}.ics"`);
    res.send(body);
  });

  router.get('/services', async (req, res) => {
    const domain = domainParam(req.query, config.domains.map(d => d.id));
    const owner = entityRefParam(req.query, 'owner', ['subteam'], {
      required: false,
      defaultKind: 'subteam',
    });
    const tier = tierParam(req.query);
    const q = textParam(req.query, 'q', 200);
    const { sort, order } = sortParams(req.query);
    const limit = limitParam(req.query);
    const filterKey = JSON.stringify([domain, owner, tier, q, sort, order]);
    // A cursor (issued for these filters and order) or an offset; not both.
    const explicitOffset = offsetParam(req.query);
    if (explicitOffset !== undefined && req.query.cursor !== undefined) {
      throw new InputError('offset: give either offset or cursor, not both');
    }
    const offset = explicitOffset ?? cursorParam(req.query, filterKey);
    const credentials = await httpAuth.credentials(req);
    const page = await service.services(
      { domain, owner, tier, q, sort, order, offset, limit },
      now(),
      credentials,
    );
    await markFreshness(res, credentials);
    res.json({
      items: page.items,
      totalItems: page.totalItems,
      ...(page.hasMore ? { nextCursor: encodeCursor(offset + limit, filterKey) } : {}),
    });
  });

  router.get('/map', async (req, res) => {
    const at = instantParam(req.query, 'at', now());
    const credentials = await httpAuth.credentials(req);
    const body = await service.mapJson(at, credentials);
    await markFreshness(res, credentials);
    await sendPrepared(req, res, body);
  });

  router.get('/sla', async (req, res) => {
    const entityRef = entityRefParam(req.query, 'entityRef', ['dataservice'], { required: true, defaultKind: 'dataservice' })!;
    const credentials = await httpAuth.credentials(req);
    const body = await service.sla(entityRef, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/checks', async (req, res) => {
    const entityRef = entityRefParam(
      req.query,
      'entityRef',
      ['subteam', 'dataservice', 'rotation'],
      { required: false },
    );
    const flat = flagParam(req.query, 'flat');
    const credentials = await httpAuth.credentials(req);
    const body = await service.checks(entityRef, flat, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  if (options.calendar) {
    addCalendarRoutes(router, { httpAuth, service, now, ...options.calendar });
  }

  return router;
}
