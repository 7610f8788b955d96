import type { Server } from 'node:http';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { dataInfraPlugin } from '../plugin';
import { fixtureEntities } from './fixtures';

/**
 * The plugin in a test backend over the fixture catalog (or `entities`),
 * with no config (or `config`): the HTTP server to call. With `tokenless`,
 * a request without an Authorization header carries no credentials, as
 * from a calendar client (by default the test backend makes it a user).
 */
export async function startFixtureBackend(
  options?: { entities?: Entity[]; config?: object; tokenless?: boolean },
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities: options?.entities ?? fixtureEntities }),
      mockServices.rootConfig.factory({ data: options?.config ?? {} }),
      ...(options?.tokenless
        ? [mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() })]
        : []),
    ],
  });
  return server;
}
