import { checkCatalog, groupFindings } from '.';
import type { Finding } from './types';
import { seedCatalog, service } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';

const NOW = ms('2026-01-12T00:00Z');

/** The seed-shaped catalog with three more MLOps services, tier 1 like MLflow. */
function mlopsWithFourServices() {
  const seed = seedCatalog();
  seed.mlops.metadata.title = 'MLOps';
  for (const name of ['vllm', 'rag-api', 'feast']) {
    seed.entities.push(service(name, { owner: 'subteam:default/mlops', tier: 1 }));
  }
  return seed;
}

describe('groupFindings', () => {
  it('makes one finding of a subteam without a rotation, however many services it owns', () => {
    const { entities } = mlopsWithFourServices();
    const findings = checkCatalog(entities, { now: NOW });
    expect(findings.filter(f => f.check === 'owner-without-rotation')).toHaveLength(4);

    const groups = groupFindings(findings);
    const noRotation = groups.filter(g => g.check === 'owner-without-rotation');
    expect(noRotation).toEqual([
      {
        severity: 'warning',
        check: 'owner-without-rotation',
        subjectRef: 'subteam:default/mlops',
        message:
          'MLOps has no Rotation: 4 services have nobody on call and fall back to its escalation policy. ' +
          'Add a Rotation owned by subteam:default/mlops.',
        affected: [
          'dataservice:default/feast',
          'dataservice:default/mlflow',
          'dataservice:default/rag-api',
          'dataservice:default/vllm',
        ],
      },
    ]);
  });

  it('makes one finding of a gap in an inherited policy, naming the policy and its hours once', () => {
    const { entities } = mlopsWithFourServices();
    const gap = groupFindings(checkCatalog(entities, { now: NOW })).filter(g => g.check === 'escalation-gap');
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ subjectRef: 'subteam:default/mlops', path: 'spec.escalation' });
    expect(gap[0].affected).toHaveLength(4);
    expect(gap[0].message).toBe(
      'The escalation policy of MLOps reaches nobody Mon–Fri 00:00–09:00, 17:00–24:00; Sat–Sun all day (Europe/Berlin): ' +
        '128 of the 168 hours of the week from 2026-01-12T00:00:00Z. 4 tier-1 or 24x7 services rely on it. ' +
        'Add a level that reaches someone then, e.g. a rotation covering those hours.',
    );
  });

  it("keeps a lone finding's own sentence, and findings without a shared cause apart", () => {
    const { entities } = seedCatalog();
    // (The load findings of Data Platform's rotation are left out: see loadChecks.test.)
    const findings = checkCatalog(entities, { now: NOW, maxOnCallShare: 1 });
    const groups = groupFindings(findings);
    // MLflow alone: each of its findings is a group of one with its own message.
    expect(groups.map(g => [g.check, g.subjectRef, g.path, g.affected])).toEqual([
      ['escalation-gap', 'dataservice:default/mlflow', 'spec.owner', ['dataservice:default/mlflow']],
      ['owner-without-rotation', 'dataservice:default/mlflow', 'spec.owner', ['dataservice:default/mlflow']],
      [
        'escalation-target-without-lead',
        'subteam:default/mlops',
        'spec.escalation.levels[1].target.subteamLead',
        ['subteam:default/mlops'],
      ],
    ]);
    for (const group of groups) {
      const finding = findings.find(f => f.check === group.check)!;
      expect(group.message).toBe(finding.message);
    }
  });

  it('puts errors first, then the groups affecting the most entities', () => {
    const finding = (entityRef: string, severity: Finding['severity'], cause?: string): Finding => ({
      severity,
      check: cause ? 'owner-without-rotation' : 'unknown-ref',
      entityRef,
      message: `${entityRef} is wrong`,
      ...(cause ? { cause: { ref: cause, summary: `${cause} has no Rotation` } } : {}),
    });
    const groups = groupFindings([
      finding('dataservice:default/a', 'warning', 'subteam:default/x'),
      finding('dataservice:default/b', 'warning', 'subteam:default/y'),
      finding('dataservice:default/c', 'warning', 'subteam:default/y'),
      finding('dataservice:default/c', 'warning', 'subteam:default/y'),
      finding('dataservice:default/d', 'error'),
    ]);
    expect(groups.map(g => [g.severity, g.subjectRef, g.affected.length])).toEqual([
      ['error', 'dataservice:default/d', 1],
      ['warning', 'subteam:default/y', 2],
      ['warning', 'dataservice:default/a', 1],
    ]);
    expect(groups[1].message).toMatch(/^subteam:default\/y has no Rotation: 2 services have nobody on call/);
  });
});
