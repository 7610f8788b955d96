import { checkCatalog } from '.';
import { group, subteam, user } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';

describe('stakeholder syncs', () => {
  it('marks each stakeholder group with no sync defined, plain refs included', () => {
    const entities = [
      group('data-infrastructure'),
      group('sre'),
      group('devops'),
      group('analytics'),
      user('ann'),
      subteam('mlops', {
        members: ['ann'],
        stakeholders: ['sre', { group: 'devops', sync: 'weekly', intake: ['#devops'] }, { group: 'analytics', intake: ['#analytics'] }],
      }),
    ];
    const findings = checkCatalog(entities, { now: ms('2026-03-02T00:00Z') }).filter(f => f.check === 'stakeholder-without-sync');
    expect(findings.map(f => [f.severity, f.path, f.related])).toEqual([
      ['info', 'spec.stakeholders[0]', ['group:default/sre']],
      ['info', 'spec.stakeholders[2]', ['group:default/analytics']],
    ]);
    expect(findings[0].message).toMatch(/^No sync is defined with group:default\/sre; write the entry as \{ group, sync: weekly\|biweekly\|monthly/);
  });
});
