import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { CALENDAR_FEEDS_PATH } from './http/calendarRoutes';
import { readDataInfraConfig } from './config';
import { createRouter } from './http/router';
import { CalendarSubscriptions } from './service/calendar/CalendarSubscriptions';
import { DataInfraService } from './service/DataInfraService';

/**
 * The data-infra backend plugin: on-call, escalation paths, the service
 * catalog and the ownership map under /api/data-infra.
 *
 * @public
 */
export const dataInfraPlugin = createBackendPlugin({
  pluginId: 'data-infra',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        logger: coreServices.logger,
        rootConfig: coreServices.rootConfig,
        cache: coreServices.cache,
        database: coreServices.database,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, auth, permissions, logger, rootConfig, cache, database, discovery, scheduler, catalog }) {
        const config = readDataInfraConfig(rootConfig);
        const service = new DataInfraService({ catalog, cache, logger, auth, permissions, config });
        const subscriptions = await CalendarSubscriptions.create(database, config.calendarSecret);
        httpRouter.use(
          await createRouter({ httpAuth, service, config, calendar: { subscriptions, discovery } }),
        );
        // Calendar clients send no Backstage token: the link is checked
        // by the route itself. Probes send none either.
        httpRouter.addAuthPolicy({ path: CALENDAR_FEEDS_PATH, allow: 'unauthenticated' });
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        if (config.warm) {
          // The first request after a start would otherwise wait for the
          // catalog to be read and checked (seconds at 10,000 services);
          // each replica does it itself, at start and then every refresh.
          // A failure is logged by the state and retried at the next run.
          await scheduler.scheduleTask({
            id: 'data-infra-warm-state',
            scope: 'local',
            frequency: { seconds: config.refreshSeconds ?? 10 },
            timeout: { minutes: 5 },
            fn: () => service.warm().catch(() => undefined),
          });
        }
      },
    });
  },
});
