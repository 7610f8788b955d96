import type { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dataInfraPlugin } from '../plugin';
import { fixtureEntities } from './fixtures';

/** The plugin in a test backend over the fixture catalog, with no config: the HTTP server to call. */
export async function startFixtureBackend(): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities: fixtureEntities }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  return server;
}
