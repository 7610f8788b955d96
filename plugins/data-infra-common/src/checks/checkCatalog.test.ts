import { checkCatalog, findingsFor, worstSeverity } from '.';
import type { Finding } from './types';
import { group, rotationEntity, seedCatalog, service, subteam, user } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';

// A Monday in winter, a week after the Data Platform rotation starts.
const NOW = ms('2026-01-12T00:00Z');
const check = (entities: Parameters<typeof checkCatalog>[0], options = {}) =>
  checkCatalog(entities, { now: NOW, ...options });
const summary = (findings: Finding[]) => findings.map(f => `${f.severity} ${f.check} ${f.entityRef} ${f.path ?? ''}`);

describe('checkCatalog on the seed-shaped catalog', () => {
  it("reports the real gaps of MLOps, and Data Platform's 3 people each on call 2 weeks in 3", () => {
    // (Before the rotation starts, Data Platform's services would reach only
    // the lead, after 30 minutes: a sev1 warning; see the test below.)
    const { entities } = seedCatalog();
    const findings = check(entities);
    expect(summary(findings)).toEqual([
      'warning escalation-gap dataservice:default/mlflow spec.owner',
      'warning owner-without-rotation dataservice:default/mlflow spec.owner',
      'warning on-call-share-too-high rotation:default/data-platform spec.participants[0]',
      'warning on-call-share-too-high rotation:default/data-platform spec.participants[1]',
      'warning on-call-share-too-high rotation:default/data-platform spec.participants[2]',
      'warning escalation-target-without-lead subteam:default/mlops spec.escalation.levels[1].target.subteamLead',
    ]);
    expect(findings[2].message).toMatch(/^user:default\/alice is on call 62 % of the next 13 weeks/);
    expect(findings[0].message).toBe(
      'This service is tier 1, but its escalation policy (inherited from subteam:default/mlops) reaches nobody ' +
        'Mon–Fri 00:00–09:00, 17:00–24:00; Sat–Sun all day (Europe/Berlin): 128 of the 168 hours of the week from 2026-01-12T00:00:00Z. ' +
        'Add a level that reaches someone then, e.g. a rotation covering those hours.',
    );
    expect(findings[0].related).toEqual(['subteam:default/mlops']);
    expect(findings[1].message).toMatch(/subteam:default\/mlops has no Rotation.*add a Rotation owned by subteam:default\/mlops/);
    expect(worstSeverity(findings)).toBe('warning');
  });

  it('is deterministic whatever the order of the input', () => {
    const { entities } = seedCatalog();
    entities.push(subteam('zeta', { domain: 'finance', members: ['ghost'] }));
    const forward = check(entities);
    const backward = check([...entities].reverse());
    expect(backward).toEqual(forward);
    const keys = forward.map(f => [f.entityRef, f.check, f.path ?? ''].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('reference checks', () => {
  it('reports every ref that resolves to nothing, with its field', () => {
    const { entities, dataPlatform, platformRotation, kafka } = seedCatalog();
    dataPlatform.spec.members.push('user:default/zed');
    dataPlatform.spec.stakeholders = ['group:default/sre'];
    dataPlatform.spec.parent = 'group:default/nope';
    platformRotation.spec.participants.push('mallory');
    platformRotation.spec.overrides = [{ start: '2026-01-06T00:00', end: '2026-01-07T00:00', user: 'trudy' }];
    kafka.spec.dependsOn = ['zookeeper', 'component:default/hdfs'];
    kafka.spec.consumers = ['analytics'];
    kafka.spec.escalation = { levels: [{ after: 'PT0M', target: { rotation: 'x' } }, { after: 'PT5M', target: { user: 'alice' } }] };
    const unknown = check(entities).filter(f => f.check === 'unknown-ref');
    expect(unknown.map(f => [f.entityRef, f.path, f.related?.[0]])).toEqual([
      ['dataservice:default/kafka', 'spec.consumers[0]', 'group:default/analytics'],
      ['dataservice:default/kafka', 'spec.dependsOn[0]', 'dataservice:default/zookeeper'],
      ['dataservice:default/kafka', 'spec.dependsOn[1]', 'component:default/hdfs'],
      ['dataservice:default/kafka', 'spec.escalation.levels[0].target.rotation', 'rotation:default/x'],
      ['rotation:default/data-platform', 'spec.overrides[0].user', 'user:default/trudy'],
      ['rotation:default/data-platform', 'spec.participants[3]', 'user:default/mallory'],
      ['subteam:default/data-platform', 'spec.members[3]', 'user:default/zed'],
      ['subteam:default/data-platform', 'spec.parent', 'group:default/nope'],
      ['subteam:default/data-platform', 'spec.stakeholders[0]', 'group:default/sre'],
    ]);
    expect(unknown.every(f => f.severity === 'error')).toBe(true);
    expect(unknown.find(f => f.path === 'spec.members[3]')?.message).toBe(
      'Member user:default/zed does not exist in the catalog; fix the reference or register that User.',
    );
  });

  it('reports a ref to the wrong kind of entity', () => {
    const { entities, kafka } = seedCatalog();
    kafka.spec.owner = 'group:default/data-infrastructure';
    const [finding] = check(entities).filter(f => f.check === 'wrong-ref-kind');
    expect(finding).toMatchObject({ severity: 'error', entityRef: 'dataservice:default/kafka', path: 'spec.owner' });
    expect(finding.message).toBe(
      'Owner group:default/data-infrastructure names a Group, but this field takes a Subteam; point it at a Subteam.',
    );
  });
});

describe('rotation checks', () => {
  it('flags fewer distinct participants than the depth', () => {
    const { entities, platformRotation } = seedCatalog();
    platformRotation.spec.participants = ['user:default/alice', 'alice'];
    const [finding] = check(entities).filter(f => f.check === 'rotation-too-few-participants');
    expect(finding).toMatchObject({ severity: 'error', path: 'spec.participants' });
    expect(finding.message).toMatch(/2 deep but has 1 distinct participant.*set spec.depth to 1/);
    platformRotation.spec.depth = 1;
    expect(check(entities).filter(f => f.check === 'rotation-too-few-participants')).toEqual([]);
  });

  it('warns about participants who are not members of the owning subteam', () => {
    const { entities, platformRotation } = seedCatalog();
    platformRotation.spec.participants.push('user:default/dave');
    const findings = check(entities).filter(f => f.check === 'rotation-participant-not-member');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.participants[3]',
        related: ['subteam:default/data-platform', 'user:default/dave'],
      }),
    ]);
    expect(findings[0].message).toMatch(/user:default\/dave takes part in this rotation but is not a member of subteam:default\/data-platform/);
  });
});

describe('escalation checks', () => {
  it('flags delays that do not strictly increase', () => {
    const { entities, dataPlatform } = seedCatalog();
    dataPlatform.spec.escalation!.levels[1].after = 'PT0M';
    const [finding] = check(entities).filter(f => f.check === 'escalation-delays-not-increasing');
    expect(finding).toMatchObject({ severity: 'error', entityRef: 'subteam:default/data-platform', path: 'spec.escalation.levels[1].after' });
    expect(finding.message).toBe(
      "Level 2 is paged after PT0M, no later than level 1 (PT0M); make each level's delay longer than the one before it.",
    );
  });

  it('flags a service with no escalation policy at all', () => {
    const { entities, mlops } = seedCatalog();
    delete mlops.spec.escalation;
    const [finding] = check(entities).filter(f => f.check === 'no-escalation-policy');
    expect(finding).toMatchObject({ severity: 'error', entityRef: 'dataservice:default/mlflow', path: 'spec.escalation' });
    expect(worstSeverity(check(entities))).toBe('error');
  });

  it('summarises the hours a 24x7 service can reach nobody, on the rotation clock', () => {
    const { entities, platformRotation, kafka } = seedCatalog();
    platformRotation.spec.coverage = [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' },
      { days: ['sat'], from: '10:00', to: '14:00' },
    ];
    kafka.spec.tier = 2; // critical only through its 24x7 support hours now
    // …and the lead, at 30 minutes, is only reachable in office hours.
    kafka.spec.escalation = {
      levels: [
        { after: 'PT0M', target: { rotation: 'data-platform' } },
        { after: 'PT30M', target: { subteamLead: 'data-platform' }, hours: { timezone: 'Europe/Berlin', windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '21:00' }] } },
      ],
    };
    const [gap] = check(entities).filter(f => f.entityRef === 'dataservice:default/kafka' && f.check === 'escalation-gap');
    expect(gap).toMatchObject({ severity: 'warning', path: 'spec.escalation', related: ['rotation:default/data-platform'] });
    expect(gap.message).toBe(
      'This service is supported 24x7, but its escalation policy reaches nobody ' +
        'Mon–Fri 00:00–08:00, 21:00–24:00; Sat 00:00–10:00, 14:00–24:00; Sun all day (Europe/Berlin): ' +
        '99 of the 168 hours of the week from 2026-01-12T00:00:00Z. Add a level that reaches someone then, e.g. a rotation covering those hours.',
    );
  });

  it('judges each policy by all of its levels, also where policies share a level', () => {
    const { entities, platformRotation, kafka } = seedCatalog();
    platformRotation.spec.coverage = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' }];
    const rotationLevel = { after: 'PT0M', target: { rotation: 'data-platform' } };
    kafka.spec.tier = 1;
    kafka.spec.escalation = { levels: [rotationLevel] };
    // The same first level, then someone always reachable after 5 minutes.
    const hdfs = service('hdfs', { tier: 1, escalation: { levels: [rotationLevel, { after: 'PT5M', target: { user: 'alice' } }] } });
    // The always-reachable level alone, before the rotation's.
    const yarn = service('yarn', { tier: 1, escalation: { levels: [{ after: 'PT5M', target: { user: 'alice' } }] } });
    entities.push(hdfs, yarn);
    const ours = ['dataservice:default/kafka', 'dataservice:default/hdfs', 'dataservice:default/yarn'];
    const gaps = check(entities).filter(f => f.check === 'escalation-gap' && ours.includes(f.entityRef));
    expect(gaps.map(f => f.entityRef)).toEqual(['dataservice:default/kafka']);
    expect(gaps[0].message).toContain('108 of the 168 hours');
    expect(check(entities).filter(f => f.check === 'sev1-response-too-short')).toEqual([]);
    hdfs.spec.sla = { responseTime: { sev1: 'PT1M' } };
    // Outside the rotation's hours the first reachable level of hdfs is at 5 minutes.
    const [tooShort] = check(entities).filter(f => f.check === 'sev1-response-too-short');
    expect(tooShort).toMatchObject({ entityRef: 'dataservice:default/hdfs' });
    expect(tooShort.message).toContain('paged only after 5m at times (e.g. Mon 01:00 (Europe/Berlin))');
  });

  it('warns when sev1 must be acknowledged before anyone reachable is paged', () => {
    const { entities, kafka } = seedCatalog();
    kafka.spec.sla = { supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' }, responseTime: { sev1: 'PT5M' } };
    kafka.spec.tier = 2;
    kafka.spec.escalation = { levels: [{ after: 'PT10M', target: { user: 'alice' } }] };
    const [finding] = check(entities).filter(f => f.check === 'sev1-response-too-short');
    expect(finding).toMatchObject({ severity: 'warning', entityRef: 'dataservice:default/kafka', path: 'spec.sla.responseTime.sev1' });
    expect(finding.message).toBe(
      'The sev1 response time is PT5M, but the first level that reaches someone is paged only after 10m at times ' +
        '(e.g. Mon 09:00 (Europe/Berlin)); page a reachable person sooner or relax the response time.',
    );
    kafka.spec.sla.responseTime = { sev1: 'PT10M' };
    expect(check(entities).filter(f => f.check === 'sev1-response-too-short')).toEqual([]);
  });
});

describe('the week checked starts at `now`', () => {
  it('sees that a rotation has not started yet', () => {
    const { entities } = seedCatalog();
    // The rotation starts on Monday 2026-01-05 at 09:00 in Berlin: until
    // then only the lead, paged after 30 minutes, is reachable.
    const findings = checkCatalog(entities, { now: ms('2026-01-05T00:00Z') }).filter(f => f.entityRef === 'dataservice:default/kafka');
    expect(summary(findings)).toEqual(['warning sev1-response-too-short dataservice:default/kafka spec.sla.responseTime.sev1']);
    expect(findings[0].message).toMatch(/PT15M, but .* paged only after 30m at times \(e\.g\. Mon 01:00 \(Europe\/Berlin\)\)/);
  });
});

describe('subteam checks', () => {
  it('warns about 3+ members without a lead, not 2', () => {
    const { entities, mlops } = seedCatalog();
    expect(check(entities).filter(f => f.check === 'subteam-without-lead')).toEqual([]);
    mlops.spec.members.push('user:default/carol');
    const [finding] = check(entities).filter(f => f.check === 'subteam-without-lead');
    expect(finding).toMatchObject({ severity: 'warning', entityRef: 'subteam:default/mlops', path: 'spec.lead' });
    expect(finding.message).toMatch(/3 members but no lead/);
  });

  it('rejects a domain that is not configured, against the configured list', () => {
    const { entities } = seedCatalog();
    entities.push(subteam('finance', { members: ['user:default/alice'] }));
    const [finding] = check(entities).filter(f => f.check === 'unknown-domain');
    expect(finding).toMatchObject({ severity: 'error', entityRef: 'subteam:default/finance', path: 'spec.domain' });
    expect(finding.message).toBe(
      'Domain "finance" is not configured; use one of data-platform, data-engineering, mlops, bi-services or add it to dataInfra.domains in app-config.',
    );
    const configured = check(entities, { domains: ['data-platform', 'mlops', 'finance'] });
    expect(configured.filter(f => f.check === 'unknown-domain')).toEqual([]);
  });
});

describe('helpers', () => {
  const findings: Finding[] = [
    { severity: 'info', check: 'a', entityRef: 'rotation:default/x', message: 'm' },
    { severity: 'warning', check: 'b', entityRef: 'Rotation:default/X', message: 'm' },
    { severity: 'error', check: 'c', entityRef: 'subteam:default/y', message: 'm' },
  ];
  it('worstSeverity ranks error over warning over info, null for none', () => {
    expect(worstSeverity(findings)).toBe('error');
    expect(worstSeverity(findings.slice(0, 2))).toBe('warning');
    expect(worstSeverity(findings.slice(0, 1))).toBe('info');
    expect(worstSeverity([])).toBeNull();
  });
  it('findingsFor picks one entity, case-insensitively', () => {
    expect(findingsFor(findings, 'rotation:default/x').map(f => f.check)).toEqual(['a', 'b']);
  });
  it('ignores entities of other kinds', () => {
    expect(check([group('data-infrastructure'), user('u'), service('s', { owner: 'subteam:default/t' }), subteam('t', { domain: 'mlops', members: ['u'], escalation: { levels: [{ after: 'PT0M', target: { user: 'u' } }] } }), rotationEntity('t', { participants: ['u'], depth: 1 })], { maxOnCallShare: 1 })).toEqual([]);
  });
});
