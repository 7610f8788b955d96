/*
 * A standalone backend for developing this plugin: `yarn start` here, then
 *
 *   curl 'http://localhost:7007/api/data-infra/oncall?at=2026-03-04T12:00:00Z'
 *   curl 'http://localhost:7007/api/data-infra/escalation?entityRef=dataservice:default/kafka'
 *   curl 'http://localhost:7007/api/data-infra/rotations/default/platform-oncall/calendar.ics'
 *
 * The mock auth services accept requests without a token; the catalog is the
 * fixture organisation of the tests.
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { fixtureEntities } from '../src/__testUtils__/fixtures';

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(catalogServiceMock.factory({ entities: fixtureEntities }));
backend.add(import('../src'));
backend.start();
