/*
 * GET /escalation?at=T answers for T, findings included: the escalation
 * checks look at a week of coverage from an instant, and that instant is
 * T, not the backend's clock (issue 16: the backend had two clocks).
 */
import request from 'supertest';
import { checkCatalog, parseInstant } from '@data-infra/backstage-plugin-data-infra-common';
import { FIXTURE_AT, fixtureEntities } from './__testUtils__/fixtures';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';

/** Before the platform rotation's first shift (5 January 2026): nobody holds it. */
const BEFORE_ROTATION = '2025-12-01T10:30:00Z';


const HOUR = 3600_000;

/**
 * The escalation gaps the checks find about a service for `at`: like the
 * checks for "now", they run for the hour containing the instant (a week
 * of coverage from there), so answers within an hour share them.
 */
function gapsAt(at: string, entityRef: string) {
  return checkCatalog(fixtureEntities, { now: Math.floor(parseInstant(at)! / HOUR) * HOUR })
    .filter(f => f.check === 'escalation-gap' && f.entityRef.toLocaleLowerCase('en-US') === entityRef)
    .map(f => f.message);
}

describe('GET /escalation?at=', () => {
  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend();
  });

  const ref = 'dataservice:default/zookeeper';
  const escalationGaps = async (at: string) => {
    const res = await request(server).get(`/api/data-infra/escalation?entityRef=${ref}&at=${at}`);
    expect(res.status).toBe(200);
    expect(res.body.at).toBe(at);
    return res.body.findings.filter((f: any) => f.check === 'escalation-gap').map((f: any) => f.message);
  };

  it('gives the findings for the instant asked, not for the current hour', async () => {
    // ZooKeeper inherits the platform policy, which pages the rotation only:
    // before the rotation starts, it reaches nobody.
    const before = gapsAt(BEFORE_ROTATION, ref);
    expect(before).not.toEqual([]);
    expect(await escalationGaps(BEFORE_ROTATION)).toEqual(before);
    // While the rotation runs, nothing is missing; asked in either order.
    expect(gapsAt(FIXTURE_AT, ref)).toEqual([]);
    expect(await escalationGaps(FIXTURE_AT)).toEqual([]);
    expect(await escalationGaps(BEFORE_ROTATION)).toEqual(before);
  });
});
