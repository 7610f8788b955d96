import type { CacheService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { FlatChecksResponse } from '@data-infra/backstage-plugin-data-infra-common';
import { readDataInfraConfig } from '../../config';
import { FIXTURE_AT, fixtureEntities } from '../../__testUtils__/fixtures';
import { DataInfraService } from '../DataInfraService';

/** A cache that remembers nothing: every check runs. */
const noCache = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
  withOptions() {
    return this;
  },
} as unknown as CacheService;

describe('DataInfraState', () => {
  it('reads time from one injected clock: "now", and the hour the checks run for', async () => {
    // Before the platform rotation's first shift (5 January 2026).
    let clock = Date.parse('2025-12-01T10:30:00.250Z');
    const service = new DataInfraService({
      catalog: catalogServiceMock({ entities: fixtureEntities }),
      cache: noCache,
      logger: mockServices.logger.mock(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      config: readDataInfraConfig(mockServices.rootConfig()),
      clock: () => clock,
    });
    expect(service.now()).toBe(Date.parse('2025-12-01T10:30:00Z'));

    const credentials = mockCredentials.user();
    const gaps = async () => {
      const answer = (await service.checks('dataservice:default/zookeeper', true, credentials)) as FlatChecksResponse;
      return answer.findings.filter(f => f.check === 'escalation-gap').map(f => f.message);
    };
    // ZooKeeper's inherited policy pages the rotation only: nobody yet.
    expect(await gaps()).toEqual([expect.stringContaining('of the week from 2025-12-01T10:00:00Z')]);
    const oncall = await service.oncall(service.now(), credentials);
    expect(oncall.at).toBe('2025-12-01T10:30:00Z');
    expect(oncall.rotations[0].onCall).toEqual([]);

    // Once the clock is inside a shift, the same service has no gap.
    clock = Date.parse(FIXTURE_AT);
    expect(await gaps()).toEqual([]);
    expect((await service.oncall(service.now(), credentials)).rotations[0].onCall.map(o => o.user.ref)).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
  });
});
