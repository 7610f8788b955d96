import { checkCatalog, groupFindings } from '.';
import type { Finding } from './types';
import { rotationEntity, subteam, user } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';

// 1 December 2026: the next 13 weeks include Christmas.
const NOW = ms('2026-12-01T00:00Z');
const LUKAS = 'user:default/lukas.weber';
const PRIYA = 'user:default/priya.raman';
const DIEGO = 'user:default/diego.alvarez';
const MEI = 'user:default/mei.chen';

/** The seed's two 2-person rotations, Priya covering Lukas's Christmas primary. */
function seed() {
  return [
    ...[LUKAS, PRIYA, DIEGO, MEI].map(ref => {
      const u = user(ref.split('/')[1]);
      u.spec = { profile: { displayName: ref.split('/')[1].replace('.', ' ') } };
      return u;
    }),
    subteam('data-platform', { members: [LUKAS, PRIYA] }),
    subteam('data-engineering', { members: [DIEGO, MEI] }),
    rotationEntity('data-platform-oncall', {
      owner: 'subteam:default/data-platform',
      depth: 2,
      participants: [LUKAS, PRIYA],
      overrides: [{ start: '2026-12-23T18:00', end: '2026-12-28T09:00', user: PRIYA, role: 'primary' }],
    }),
    rotationEntity('data-engineering-oncall', {
      owner: 'subteam:default/data-engineering',
      start: '2026-01-05T10:00',
      depth: 2,
      participants: [DIEGO, MEI],
    }),
  ];
}

const load = (findings: Finding[]) =>
  findings.filter(f => ['rotation-both-roles', 'on-call-share-too-high', 'rotation-on-call-every-week'].includes(f.check));

describe('the on-call load checks', () => {
  it('report the Christmas override that makes Priya primary and secondary, with the period', () => {
    const both = checkCatalog(seed(), { now: NOW }).filter(f => f.check === 'rotation-both-roles');
    expect(both).toEqual([
      expect.objectContaining({
        severity: 'warning',
        entityRef: 'rotation:default/data-platform-oncall',
        path: 'spec.overrides[0]',
        related: [PRIYA],
        when: 'from Wed 23 Dec 2026 18:00 to Mon 28 Dec 2026 09:00 (Europe/Berlin)',
      }),
    ]);
    expect(both[0].message).toMatch(/^priya raman \(user:default\/priya.raman\) holds both primary and secondary from Wed 23 Dec 2026 18:00/);
  });

  it('say nothing of the override outside the 13 weeks', () => {
    const findings = checkCatalog(seed(), { now: ms('2027-06-01T00:00Z') });
    expect(findings.filter(f => f.check === 'rotation-both-roles')).toEqual([]);
  });

  it('say that 2 people 2 deep are on call every week, suggesting the other subteam', () => {
    const every = checkCatalog(seed(), { now: NOW }).filter(f => f.check === 'rotation-on-call-every-week');
    expect(every.map(f => [f.severity, f.entityRef, f.related])).toEqual([
      ['info', 'rotation:default/data-engineering-oncall', ['rotation:default/data-platform-oncall']],
      ['info', 'rotation:default/data-platform-oncall', ['rotation:default/data-engineering-oncall']],
    ]);
    expect(every[1].message).toContain('lukas weber and priya raman are each on call every week');
    expect(every[1].message).toContain('e.g. with data-engineering-oncall');
  });

  it('name everyone on call more than the configured share, once per person across rotations', () => {
    const findings = checkCatalog(seed(), { now: NOW });
    const share = findings.filter(f => f.check === 'on-call-share-too-high');
    expect(share.map(f => [f.entityRef, f.path, f.related])).toEqual([
      ['rotation:default/data-engineering-oncall', 'spec.participants[0]', [DIEGO]],
      ['rotation:default/data-engineering-oncall', 'spec.participants[1]', [MEI]],
      ['rotation:default/data-platform-oncall', 'spec.participants[0]', [LUKAS]],
      ['rotation:default/data-platform-oncall', 'spec.participants[1]', [PRIYA]],
    ]);
    expect(share[0].message).toBe(
      'diego alvarez is on call 100 % of the next 13 weeks (user:default/diego.alvarez, counting every rotation), ' +
        'more than the 50 % allowed (dataInfra.checks.maxOnCallShare); add participants or pair rotations across subteams.',
    );
    // Only above the share: 100 % is not more than 1.
    expect(load(checkCatalog(seed(), { now: NOW, maxOnCallShare: 1 })).map(f => f.check)).not.toContain('on-call-share-too-high');
  });

  it('count a person in two rotations once, and group the findings by person', () => {
    const entities = seed();
    // Four people, depth 1: each is primary one week in four (25 %) …
    const ops = rotationEntity('ops', { depth: 1, owner: 'subteam:default/data-platform', participants: [LUKAS, DIEGO, MEI, 'user:default/x'] });
    const nights = rotationEntity('nights', { depth: 1, owner: 'subteam:default/data-platform', participants: [LUKAS, 'user:default/y', 'user:default/z', 'user:default/w'], start: '2026-01-12T09:00' });
    // … but Lukas is in both, two weeks in four (about 50 %): more than 40 %, not than 60 %.
    const quiet = checkCatalog([...entities.filter(e => e.kind !== 'Rotation'), ops, nights], { now: NOW, maxOnCallShare: 0.4 });
    const share = quiet.filter(f => f.check === 'on-call-share-too-high');
    expect(share.map(f => [f.entityRef, f.related])).toEqual([
      ['rotation:default/nights', [LUKAS]],
      ['rotation:default/ops', [LUKAS]],
    ]);
    expect(groupFindings(share)).toEqual([
      expect.objectContaining({ subjectRef: LUKAS, affected: ['rotation:default/nights', 'rotation:default/ops'] }),
    ]);
    expect(checkCatalog([...entities.filter(e => e.kind !== 'Rotation'), ops, nights], { now: NOW, maxOnCallShare: 0.6 }).filter(f => f.check === 'on-call-share-too-high')).toEqual([]);
  });
});
