import type { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dataInfraPlugin } from '../plugin';
import { fixtureEntities } from './fixtures';

/**
 * The plugin in a test backend over the fixture catalog (or `entities`),
 * with no config (or `config`): the HTTP server to call.
 */
export async function startFixtureBackend(options?: { entities?: Entity[]; config?: object }): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities: options?.entities ?? fixtureEntities }),
      mockServices.rootConfig.factory({ data: options?.config ?? {} }),
    ],
  });
  return server;
}
