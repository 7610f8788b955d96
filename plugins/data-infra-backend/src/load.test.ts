import request from 'supertest';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';


describe('the on-call load', () => {
  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend();
  });

  it('comes with the /shifts answer: the next 4 and 13 weeks, per person', async () => {
    const res = await request(server).get('/api/data-infra/rotations/default/platform-oncall/shifts');
    expect(res.status).toBe(200);
    expect(res.body.load.map((w: any) => w.weeks)).toEqual([4, 13]);
    // Two people two deep: each is on call all the time, every night and weekend day.
    const [four] = res.body.load;
    expect(four.people.map((p: any) => [p.user.ref, p.share, p.hours.primary + p.hours.secondary, p.weekendDays])).toEqual([
      ['user:default/alice', 1, 672, 8],
      ['user:default/bob', 1, 672, 8],
    ]);
    expect(four.people[0].user.displayName).toBeTruthy();
  });

  it('comes with /oncall?load=true for the rotations answered, from `at`', async () => {
    const res = await request(server).get(
      '/api/data-infra/oncall?owner=subteam:default/platform&load=true&at=2026-03-23T08:00:00Z',
    );
    expect(res.status).toBe(200);
    const [rotation] = res.body.rotations;
    expect(rotation.rotation.ref).toBe('rotation:default/platform-oncall');
    expect(rotation.load[0]).toMatchObject({ weeks: 4, from: '2026-03-23T08:00:00Z', to: '2026-04-20T08:00:00Z' });
    // 4 × 168 exact hours, across the DST change of 29 March; nights of 23 March to 19 April.
    expect(rotation.load[0].people[0]).toMatchObject({ onCallHours: 672, longestStretchHours: 672, nights: 28 });
    // Without load=true the answer stays as it was.
    const plain = await request(server).get('/api/data-infra/oncall?owner=subteam:default/platform&at=2026-03-23T08:00:00Z');
    expect(plain.body.rotations[0].load).toBeUndefined();
  });
});
