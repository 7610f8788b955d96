import type {
  BackstageCredentials,
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { DataInfraBackendConfig } from '../config';
import type { CalendarSubscriptions } from '../service/calendar/CalendarSubscriptions';
import type { DataInfraService } from '../service/DataInfraService';
import { addCalendarRoutes } from './calendarRoutes';
import {
  checksQuery,
  encodeCursor,
  escalationQuery,
  instantQuery,
  mapDependenciesQuery,
  mapSubteamsQuery,
  onCallQuery,
  parseParams,
  personOnCallQuery,
  personPath,
  rotationPath,
  servicesQuery,
  shiftsQuery,
  slaQuery,
} from './params';
import { sendJson } from './preparedJson';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  service: DataInfraService;
  config: DataInfraBackendConfig;
  /** Calendar subscription links; without them the subscription routes are absent. */
  calendar?: { subscriptions: CalendarSubscriptions; discovery: DiscoveryService };
}

/**
 * The routes of /api/data-infra. All are GET and answer with what the caller
 * may read of the catalog (see Scopes); the default auth policy of the HTTP
 * router already refuses requests without credentials (401).
 */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, service, config } = options;
  // Answers for "now" are for the current second of the service's one clock.
  const now = () => service.now();
  const services = servicesQuery(config.domains.map(d => d.id));
  const mapSubteams = mapSubteamsQuery(config.domains.map(d => d.id));
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
    const { at, owner, rotation, load } = parseParams(onCallQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.oncall(at ?? now(), credentials, { owner, rotation, load });
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/oncall/subteams', async (req, res) => {
    const { at } = parseParams(instantQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.subteamsOnCall(at ?? now(), credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/escalation', async (req, res) => {
    const { entityRef, at } = parseParams(escalationQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.escalation(entityRef, at ?? now(), credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/rotations/:namespace/:name/shifts', async (req, res) => {
    const { ref } = parseParams(rotationPath, req.params);
    const at = now();
    const { from, to } = parseParams(shiftsQuery(at), req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.shifts(ref, from, to, credentials, at);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/rotations/:namespace/:name/calendar.ics', async (req, res) => {
    const { ref } = parseParams(rotationPath, req.params);
    const credentials = await httpAuth.credentials(req);
    const body = await service.calendar(ref, now(), credentials);
    await markFreshness(res, credentials);
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${req.params.name}.ics"`);
    res.send(body);
  });

  router.get('/services', async (req, res) => {
    // A cursor was issued for these filters and order (filterKey).
    const { filterKey, ...query } = parseParams(services, req.query);
    const { offset, limit } = query;
    const credentials = await httpAuth.credentials(req);
    const page = await service.services(query, now(), credentials);
    await markFreshness(res, credentials);
    // The page is remembered (every viewer of the map asks for the same
    // first pages): its body, JSON and gzip are made once per page.
    await sendJson(req, res, page, p => ({
      items: p.items,
      totalItems: p.totalItems,
      ...(p.hasMore ? { nextCursor: encodeCursor(offset + limit, filterKey) } : {}),
    }));
  });

  router.get('/map', async (req, res) => {
    const { at } = parseParams(instantQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.map(at ?? now(), credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  router.get('/map/subteams', async (req, res) => {
    const { at, ...query } = parseParams(mapSubteams, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.mapSubteams(query, at ?? now(), credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/map/dependencies', async (req, res) => {
    const { entityRef } = parseParams(mapDependenciesQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.mapDependencies(entityRef, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/sla', async (req, res) => {
    const { entityRef } = parseParams(slaQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.sla(entityRef, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/checks', async (req, res) => {
    const { entityRef, flat } = parseParams(checksQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.checks(entityRef, flat, credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  router.get('/rotation-plan', async (req, res) => {
    const { at } = parseParams(instantQuery, req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.rotationPlan(at ?? now(), credentials);
    await markFreshness(res, credentials);
    res.json(body);
  });

  if (options.calendar) {
    addCalendarRoutes(router, { httpAuth, service, now, ...options.calendar });
  }

  // "My on-call": any person the caller names (the frontend names the
  // signed-in user), answered from what the caller may read.
  router.get('/people/:namespace/:name/oncall', async (req, res) => {
    const { ref } = parseParams(personPath, req.params);
    const window = parseParams(personOnCallQuery(now()), req.query);
    const credentials = await httpAuth.credentials(req);
    const body = await service.personOnCall(ref, window, credentials);
    await markFreshness(res, credentials);
    await sendJson(req, res, body);
  });

  return router;
}
