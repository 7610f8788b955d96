import { Settings } from 'luxon';
import { checkCatalog, rotationPlan, ROTATION_PLAN_MAX_MEMBERS } from '..';
import type { SubteamEntityV1alpha1 } from '../kinds/types';
import { ms } from '../__testUtils__/rotation';
import { group, subteam, user } from '../__testUtils__/catalog';

const NOW = ms('2026-12-01T12:00Z');
const ann = { ...user('ann'), spec: { profile: { displayName: 'Ann Example' } } };
const index = new Map([ann, user('bob'), user('cid'), user('dan')].map(u => [`user:default/${u.metadata.name}`, u]));
const plan = (subteams: SubteamEntityV1alpha1[], options: Partial<Parameters<typeof rotationPlan>[2]> = {}) =>
  rotationPlan(index, subteams, { now: NOW, ...options });
/** Each member as "ref status since→eligibleFrom→dueFrom (moves)". */
const rows = (p: ReturnType<typeof plan>, i = 0) =>
  p.subteams[i].members.map(
    m => `${m.ref.slice('user:default/'.length)} ${m.status} ${m.since ?? '-'}→${m.eligibleFrom ?? '-'}→${m.dueFrom ?? '-'}${m.moves ? ' moves' : ''}`,
  );

describe('rotationPlan', () => {
  it('lists each member with the days they may move and are due, soonest due first', () => {
    const p = plan([
      subteam('mlops', {
        members: [
          { user: 'user:default/bob', since: '2026-06-02' }, // eligible from 2026-12-02
          'user:default/dan', // no since: not judged, last
          { user: 'user:default/cid', since: '2026-04-15' }, // between 6 and 9 months
          { user: 'user:default/ann', since: '2026-03-01' }, // due since 2026-12-01
        ],
        lead: 'user:default/cid',
      }),
    ]);
    expect(p.at).toBe('2026-12-01T12:00:00Z');
    expect(p.horizon).toBe('2027-03-01');
    expect(p.policy).toEqual({ min: 'P6M', max: 'P9M' });
    expect(rows(p)).toEqual([
      'ann due 2026-03-01→2026-09-01→2026-12-01 moves',
      'cid eligible 2026-04-15→2026-10-15→2027-01-15 moves',
      'bob not-yet-eligible 2026-06-02→2026-12-02→2027-03-02',
      'dan unknown -→-→-',
    ]);
    const [first] = p.subteams[0].members;
    expect(first).toMatchObject({ ref: 'user:default/ann', displayName: 'Ann Example', lead: false });
    expect(p.subteams[0].members.find(m => m.lead)?.ref).toBe('user:default/cid');
    expect(p.subteams[0].counts).toEqual({ due: 1, eligible: 1, 'not-yet-eligible': 1, unknown: 1 });
    // bob is due on 2027-03-02, the day after the horizon: he stays, with dan.
    expect(p.subteams[0].after).toEqual({
      moving: 2,
      remaining: [
        { ref: 'user:default/bob', displayName: 'user:default/bob' },
        { ref: 'user:default/dan', displayName: 'user:default/dan' },
      ],
      remainingCount: 2,
      warning: null,
      leadMoves: true,
    });
  });

  it('says due exactly as the checks do, on the same day', () => {
    const members = [
      { user: 'user:default/ann', since: '2026-03-01' },
      { user: 'user:default/bob', since: '2026-03-02' },
    ];
    for (const now of [ms('2026-11-30T23:59:59Z'), ms('2026-12-01T00:00Z'), ms('2026-12-02T00:00Z')]) {
      const due = checkCatalog([group('data-infrastructure'), ...index.values(), subteam('mlops', { members })], { now })
        .filter(f => f.check === 'subteam-member-due-to-rotate')
        .flatMap(f => f.related);
      const planned = plan([subteam('mlops', { members })], { now }).subteams[0].members.filter(m => m.status === 'due');
      expect(planned.map(m => m.ref)).toEqual(due);
    }
  });

  it('warns when the moves would leave nobody with context, or one person alone', () => {
    const allDue = plan([subteam('mlops', { members: [{ user: 'ann', since: '2026-01-05' }, { user: 'bob', since: '2026-02-16' }] })]);
    expect(allDue.subteams[0].after).toMatchObject({ moving: 2, remaining: [], remainingCount: 0, warning: 'loses-all-context' });
    const oneLeft = plan([
      subteam('mlops', {
        members: [{ user: 'ann', since: '2026-01-05' }, { user: 'bob', since: '2026-02-16' }, { user: 'cid', since: '2026-11-02' }],
      }),
    ]);
    expect(oneLeft.subteams[0].after).toMatchObject({ moving: 2, remainingCount: 1, warning: 'below-two' });
    // Nobody moves: no warning, even for a subteam of one.
    const alone = plan([subteam('mlops', { members: [{ user: 'cid', since: '2026-11-02' }] })]);
    expect(alone.subteams[0].after).toMatchObject({ moving: 0, remainingCount: 1, warning: null });
    expect(plan([subteam('mlops', { members: [] })]).subteams[0].after).toMatchObject({ moving: 0, remainingCount: 0, warning: null });
  });

  it('gathers the moves within the horizon given, and reads the policy bounds', () => {
    const members = [{ user: 'ann', since: '2026-03-01' }, { user: 'bob', since: '2026-06-02' }];
    expect(plan([subteam('mlops', { members })], { horizon: 'P1D' }).subteams[0].after.moving).toBe(1);
    expect(plan([subteam('mlops', { members })], { horizon: 'P1Y' }).subteams[0].after.moving).toBe(2);
    const shorter = plan([subteam('mlops', { members })], { policy: { min: 'P1M', max: 'P3M' } });
    expect(rows(shorter)).toEqual([
      'ann due 2026-03-01→2026-04-01→2026-06-01 moves',
      'bob due 2026-06-02→2026-07-02→2026-09-02 moves',
    ]);
    expect(() => plan([], { policy: { max: 'nine months' } })).toThrow(
      'subteamRotation.max must be an ISO-8601 duration like P9M, got "nine months"',
    );
    expect(() => plan([], { horizon: '3 months' })).toThrow('horizon must be an ISO-8601 duration like P3M, got "3 months"');
  });

  it('does not judge a since that is absent or not a day of the calendar', () => {
    const p = plan([
      subteam('mlops', {
        members: [
          { user: 'ann', since: '2026-02-30' },
          { user: 'bob', since: 'last spring' },
          { user: 'cid', since: 20260105 as unknown as string },
          'dan',
        ],
      }),
    ]);
    expect(p.subteams[0].members.map(m => m.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(p.subteams[0].members.some(m => 'since' in m)).toBe(false);
    expect(p.subteams[0].after).toMatchObject({ moving: 0, remainingCount: 4, warning: null });
  });

  it('counts a member listed twice once, from their first entry', () => {
    const p = plan([subteam('mlops', { members: [{ user: 'ann', since: '2026-03-01' }, 'user:default/ann', 'bob'] })]);
    expect(rows(p)).toEqual(['ann due 2026-03-01→2026-09-01→2026-12-01 moves', 'bob unknown -→-→-']);
    expect(p.subteams[0].memberCount).toBe(2);
  });

  it('orders subteams by domain, unknown domains last, then by title', () => {
    const p = plan(
      [
        subteam('zeta', { domain: 'elsewhere' }),
        subteam('mlops-b', { domain: 'mlops' }),
        subteam('platform', { domain: 'data-platform' }),
        { ...subteam('mlops-a', { domain: 'mlops' }), metadata: { name: 'mlops-a', namespace: 'default', title: 'A MLOps' } },
      ],
      { domains: ['data-platform', 'mlops'] },
    );
    expect(p.subteams.map(s => [s.ref, s.domain])).toEqual([
      ['subteam:default/platform', 'data-platform'],
      ['subteam:default/mlops-a', 'mlops'],
      ['subteam:default/mlops-b', 'mlops'],
      ['subteam:default/zeta', 'elsewhere'],
    ]);
    expect(p.subteams[1].title).toBe('A MLOps');
  });

  it('bounds the members listed of a huge subteam, the soonest due first, and counts them all', () => {
    const members = Array.from({ length: 5000 }, (_, i) => ({
      user: `user:default/u${i}`,
      // 2026-01-01 … onwards, one per day, wrapping after 300 days.
      since: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10),
    }));
    const started = Date.now();
    const p = plan([subteam('mlops', { members: [...members].reverse() })]);
    expect(Date.now() - started).toBeLessThan(2000);
    const [s] = p.subteams;
    expect(s.memberCount).toBe(5000);
    expect(s.members).toHaveLength(ROTATION_PLAN_MAX_MEMBERS);
    expect(s.after.remaining).toHaveLength(ROTATION_PLAN_MAX_MEMBERS);
    expect(s.members[0].since).toBe('2026-01-01');
    expect(s.members.every(m => m.status === 'due')).toBe(true);
    expect(s.counts.due + s.counts.eligible + s.counts['not-yet-eligible'] + s.counts.unknown).toBe(5000);
    expect(s.after.moving + s.after.remainingCount).toBe(5000);
  });

  it('is the same whatever the time zone of the machine', () => {
    // Due at 00:00Z: a zone far east or west of UTC must not move the day.
    const at = ms('2026-12-01T00:00Z');
    const subteams = [subteam('mlops', { members: [{ user: 'ann', since: '2026-03-01' }, { user: 'bob', since: '2026-06-01' }] })];
    const inUtc = plan(subteams, { now: at });
    const original = Settings.defaultZone;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Chicago', 'Australia/Lord_Howe']) {
        Settings.defaultZone = zone;
        expect(plan(subteams, { now: at })).toEqual(inUtc);
      }
    } finally {
      Settings.defaultZone = original;
    }
    expect(rows(inUtc)).toEqual([
      'ann due 2026-03-01→2026-09-01→2026-12-01 moves',
      'bob eligible 2026-06-01→2026-12-01→2027-03-01 moves',
    ]);
  });
});
