import request from 'supertest';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';
import { fixtureEntities } from './__testUtils__/fixtures';

/** The fixture catalog with the Platform members written with `since`, Alice leading. */
const entities = fixtureEntities.map(e =>
  e.metadata.name === 'platform'
    ? {
        ...e,
        spec: {
          ...e.spec,
          members: [
            { user: 'user:default/bob', since: '2026-06-02' },
            { user: 'user:default/alice', since: '2026-03-01' },
            'user:default/carol',
          ],
          lead: 'user:default/alice',
        },
      }
    : e,
);
const AT = '2026-12-01T12:00:00Z';

describe('GET /rotation-plan', () => {
  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend({ entities });
  });

  it('lists per subteam who is due, when, and who would remain after the moves', async () => {
    const res = await request(server).get(`/api/data-infra/rotation-plan?at=${AT}`);
    expect(res.status).toBe(200);
    expect(res.headers['data-infra-state']).toBe('fresh');
    expect(res.body).toMatchObject({ at: AT, horizon: '2027-03-01', policy: { min: 'P6M', max: 'P9M' } });
    // The configured domains' order: Data Platform before BI Services.
    expect(res.body.subteams.map((s: any) => [s.ref, s.domain])).toEqual([
      ['subteam:default/platform', 'data-platform'],
      ['subteam:default/bi', 'bi-services'],
    ]);
    const [platform] = res.body.subteams;
    expect(platform.members).toEqual([
      {
        ref: 'user:default/alice',
        displayName: 'Alice Adams',
        lead: true,
        since: '2026-03-01',
        eligibleFrom: '2026-09-01',
        dueFrom: '2026-12-01',
        status: 'due',
        moves: true,
      },
      {
        ref: 'user:default/bob',
        displayName: 'Bob Brown',
        lead: false,
        since: '2026-06-02',
        eligibleFrom: '2026-12-02',
        dueFrom: '2027-03-02',
        status: 'not-yet-eligible',
        moves: false,
      },
      { ref: 'user:default/carol', displayName: 'Carol Chen', lead: false, status: 'unknown', moves: false },
    ]);
    expect(platform.after).toEqual({
      moving: 1,
      remaining: [
        { ref: 'user:default/bob', displayName: 'Bob Brown' },
        { ref: 'user:default/carol', displayName: 'Carol Chen' },
      ],
      remainingCount: 2,
      warning: null,
      leadMoves: true,
    });
  });

  it('answers for now without at', async () => {
    const res = await request(server).get('/api/data-infra/rotation-plan');
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.body.at) - Date.now())).toBeLessThan(60_000);
  });

  it('holds members to dataInfra.policy.subteamRotation', async () => {
    const strict = await startFixtureBackend({
      entities,
      config: { dataInfra: { policy: { subteamRotation: { min: 'P1M', max: 'P2M' } } } },
    });
    const res = await request(strict).get(`/api/data-infra/rotation-plan?at=${AT}`);
    expect(res.body.policy).toEqual({ min: 'P1M', max: 'P2M' });
    const [platform] = res.body.subteams;
    expect(platform.members.map((m: any) => [m.displayName, m.status, m.dueFrom])).toEqual([
      ['Alice Adams', 'due', '2026-05-01'],
      ['Bob Brown', 'due', '2026-08-02'],
      ['Carol Chen', 'unknown', undefined],
    ]);
    expect(platform.after).toMatchObject({ moving: 2, remainingCount: 1, warning: 'below-two' });
  });
});
