import { escalationPathAt, resolveEscalationPolicy } from '.';
import { seedCatalog, rotationEntity, service, subteam } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';
import type { Entity } from '@backstage/catalog-model';

const WEDNESDAY_NOON = ms('2026-01-07T12:00Z'); // 13:00 in Berlin
const SATURDAY = ms('2026-01-10T12:00Z');

describe('resolveEscalationPolicy', () => {
  it("uses a service's own policy, else its owner subteam's", () => {
    const { kafka, dataPlatform, lookup } = seedCatalog();
    expect(resolveEscalationPolicy(kafka, lookup)).toMatchObject({
      policy: dataPlatform.spec.escalation,
      policyRef: 'subteam:default/data-platform',
      inherited: true,
    });
    const own = service('own', { escalation: { levels: [{ after: 'PT0M', target: { user: 'alice' } }] } });
    expect(resolveEscalationPolicy(own, lookup)).toMatchObject({ policyRef: 'dataservice:default/own', inherited: false });
    expect(resolveEscalationPolicy(dataPlatform, lookup)).toMatchObject({ policyRef: 'subteam:default/data-platform', inherited: false });
  });

  it('reports no policy when neither has one', () => {
    const orphan = service('orphan', { owner: 'subteam:default/nowhere' });
    expect(resolveEscalationPolicy(orphan, () => undefined)).toEqual({ policyRef: null, inherited: false });
  });
});

describe('escalationPathAt', () => {
  it('resolves every level, in order, with its delay and the people it reaches', () => {
    const { kafka, lookup } = seedCatalog();
    const path = escalationPathAt(kafka, WEDNESDAY_NOON, lookup);
    expect(path).toMatchObject({
      entityRef: 'dataservice:default/kafka',
      at: WEDNESDAY_NOON,
      policyRef: 'subteam:default/data-platform',
      inherited: true,
      repeat: 1,
      firstReachableAfterMs: 0,
    });
    expect(path.levels).toEqual([
      {
        index: 0,
        after: 'PT0M',
        afterMs: 0,
        target: { rotation: 'rotation:default/data-platform', role: 'primary' },
        via: 'rotation',
        targetRef: 'rotation:default/data-platform',
        people: [{ user: 'user:default/alice', role: 'primary', from: ms('2026-01-05T08:00Z'), until: ms('2026-01-12T08:00Z') }],
        reachable: true,
      },
      expect.objectContaining({
        index: 1,
        afterMs: 15 * 60_000,
        people: [expect.objectContaining({ user: 'user:default/bob', role: 'secondary' })],
        reachable: true,
      }),
      expect.objectContaining({
        index: 2,
        afterMs: 30 * 60_000,
        via: 'subteamLead',
        targetRef: 'subteam:default/data-platform',
        people: [{ user: 'user:default/alice' }],
        reachable: true,
      }),
    ]);
  });

  it('keeps a level that reaches nobody, with the reason: outside its hours, no lead', () => {
    const { mlflow, lookup } = seedCatalog();
    const weekend = escalationPathAt(mlflow, SATURDAY, lookup);
    expect(weekend.levels.map(l => [l.reachable, l.people, l.reason])).toEqual([
      [false, [], "outside the level's hours, Mon–Fri 09:00–17:00 (Europe/Berlin)"],
      [false, [], 'Subteam mlops has no lead'],
    ]);
    expect(weekend.firstReachableAfterMs).toBeNull();
    const weekday = escalationPathAt(mlflow, WEDNESDAY_NOON, lookup);
    expect(weekday.levels[0]).toMatchObject({ reachable: true, via: 'user', people: [{ user: 'user:default/dave' }] });
    expect(weekday.firstReachableAfterMs).toBe(0);
  });

  it('explains a rotation level that has nobody on call (outside coverage, not started)', () => {
    const { entities, lookup } = seedCatalog();
    const covered = rotationEntity('data-platform', {
      participants: ['alice', 'bob'],
      coverage: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }],
    });
    const withCoverage = (ref: string) => (ref === 'rotation:default/data-platform' ? covered : lookup(ref));
    const kafka = entities.find(e => e.metadata.name === 'kafka') as ReturnType<typeof service>;
    const night = escalationPathAt(kafka, ms('2026-01-07T22:00Z'), withCoverage);
    expect(night.levels[1]).toMatchObject({
      reachable: false,
      people: [],
      reason: 'Rotation data-platform has nobody on call as secondary at this time (outside coverage)',
    });
    expect(night.firstReachableAfterMs).toBe(30 * 60_000); // the lead still answers
    const early = escalationPathAt(kafka, ms('2025-12-01T12:00Z'), lookup);
    expect(early.levels[0].reason).toBe(
      'Rotation data-platform has nobody on call as primary at this time (it starts at 2026-01-05T09:00 Europe/Berlin)',
    );
  });

  it('names a target that does not exist, and a secondary a depth-1 rotation lacks', () => {
    const single = rotationEntity('single', { participants: ['alice'], depth: 1 });
    const broken = service('broken', {
      escalation: {
        levels: [
          { after: 'PT0M', target: { rotation: 'x' } },
          { after: 'PT5M', target: { user: 'ghost' } },
          { after: 'PT10M', target: { subteamLead: 'nobody' } },
          { after: 'PT15M', target: { rotation: 'single', role: 'secondary' } },
        ],
      },
    });
    const lookup = (ref: string) => (ref === 'rotation:default/single' ? single : undefined);
    const path = escalationPathAt(broken, WEDNESDAY_NOON, lookup);
    expect(path.levels.map(l => l.reason)).toEqual([
      'rotation:default/x does not exist',
      'user:default/ghost does not exist',
      'subteam:default/nobody does not exist',
      'Rotation single has no secondary (its depth is 1)',
    ]);
    expect(path.levels).toHaveLength(4);
    expect(path.firstReachableAfterMs).toBeNull();
  });

  it('hands the lookup normalised lowercase refs, in the namespace of the entity holding the policy', () => {
    const asked: string[] = [];
    const team = { ...subteam('ml', { members: ['a'], lead: 'a', escalation: { levels: [{ after: 'PT0M', target: { subteamLead: 'ML' } }] } }) };
    team.metadata = { name: 'ml', namespace: 'ops' };
    const svc = service('svc', {
      owner: 'subteam:ops/ml',
      escalation: {
        levels: [
          { after: 'PT0M', target: { rotation: 'Rotation:Default/Data-Platform' } },
          { after: 'PT1M', target: { user: 'Jane.Doe' } },
        ],
      },
    });
    const lookup = (ref: string): Entity | undefined => {
      asked.push(ref);
      return ref === 'subteam:ops/ml' ? team : undefined;
    };
    escalationPathAt(svc, WEDNESDAY_NOON, lookup);
    expect(asked).toEqual(['rotation:default/data-platform', 'user:default/jane.doe']);
    asked.length = 0;
    // The subteam's policy says 'ML': read in the subteam's namespace.
    const path = escalationPathAt(team, WEDNESDAY_NOON, lookup);
    expect(asked).toEqual(['subteam:ops/ml']);
    expect(path.levels[0]).toMatchObject({ targetRef: 'subteam:ops/ml', people: [{ user: 'user:ops/a' }], reachable: true });
  });

  it('has no levels and nobody reachable without a policy', () => {
    const path = escalationPathAt(service('lonely', { owner: 'x' }), WEDNESDAY_NOON, () => undefined);
    expect(path).toMatchObject({ policyRef: null, inherited: false, levels: [], firstReachableAfterMs: null, repeat: 0 });
  });
});
