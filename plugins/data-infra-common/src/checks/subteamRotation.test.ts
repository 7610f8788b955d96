import { checkCatalog } from '.';
import type { Finding } from './types';
import { group, subteam, user } from '../__testUtils__/catalog';
import { ms } from '../__testUtils__/rotation';

const NOW = ms('2026-12-01T12:00Z');
const people = ['ann', 'bob', 'cid'].map(n => user(n));
const check = (spec: Parameters<typeof subteam>[1], options = {}) =>
  checkCatalog([group('data-infrastructure'), ...people, subteam('mlops', spec)], { now: NOW, ...options }).filter(
    (f: Finding) => f.check.startsWith('subteam-'),
  );
const summary = (findings: Finding[]) => findings.map(f => `${f.severity} ${f.check} ${f.path}`);

describe('the subteam rotation policy (6–9 months by default)', () => {
  it('says a member past 9 months is due, and one before 6 months is not yet eligible', () => {
    const findings = check({
      members: [
        { user: 'user:default/ann', since: '2026-03-01' }, // due since 2026-12-01
        { user: 'user:default/bob', since: '2026-06-02' }, // eligible from 2026-12-02
        { user: 'user:default/cid', since: '2026-04-15' }, // between 6 and 9 months
      ],
      lead: 'user:default/ann',
    });
    expect(summary(findings)).toEqual([
      'warning subteam-member-due-to-rotate spec.members[0].since',
      'info subteam-member-not-yet-eligible spec.members[1].since',
    ]);
    expect(findings[0].message).toBe(
      'user:default/ann joined this subteam on 2026-03-01 and has been due to rotate since 2026-12-01 (longer than P9M); plan their move to another subteam.',
    );
    expect(findings[1].message).toBe(
      'user:default/bob joined this subteam on 2026-06-02 and is not eligible to rotate before 2026-12-02 (P6M); keep them here until then.',
    );
  });

  it('names the member as the catalog does, with the ref beside the name', () => {
    const ann = { ...user('ann'), spec: { profile: { displayName: 'Ann Example' } } };
    const findings = checkCatalog(
      [group('data-infrastructure'), ann, subteam('mlops', { members: [{ user: 'ann', since: '2026-03-01' }] })],
      { now: NOW },
    ).filter((f: Finding) => f.check === 'subteam-member-due-to-rotate');
    expect(findings.map(f => f.message)).toEqual([
      'Ann Example (user:default/ann) joined this subteam on 2026-03-01 and has been due to rotate since 2026-12-01 (longer than P9M); plan their move to another subteam.',
    ]);
  });

  it('warns when every member is due at once, as the subteam would lose all its context', () => {
    const findings = check({ members: [{ user: 'ann', since: '2026-01-05' }, { user: 'bob', since: '2026-02-16' }] });
    expect(summary(findings)).toEqual([
      'warning subteam-all-members-due spec.members',
      'warning subteam-member-due-to-rotate spec.members[0].since',
      'warning subteam-member-due-to-rotate spec.members[1].since',
    ]);
    expect(findings[0].message).toMatch(/^All 2 members of this subteam are due to rotate at once; moving them together would lose all its context/);
  });

  it('judges nobody without since, and plain refs beside mappings still count as members', () => {
    expect(check({ members: ['ann', { user: 'bob', since: '2026-01-05' }] }).map(f => f.check)).toEqual(['subteam-member-due-to-rotate']);
    expect(check({ members: ['ann', 'bob'] })).toEqual([]);
  });

  it('reads the bounds from the options (dataInfra.policy.subteamRotation)', () => {
    const members = [{ user: 'ann', since: '2026-06-01' }, { user: 'bob', since: '2026-11-01' }];
    expect(summary(check({ members }, { subteamRotation: { max: 'P3M' } }))).toEqual([
      'warning subteam-member-due-to-rotate spec.members[0].since',
      'info subteam-member-not-yet-eligible spec.members[1].since',
    ]);
    expect(() => check({ members }, { subteamRotation: { min: 'six months' } })).toThrow(
      'subteamRotation.min must be an ISO-8601 duration like P9M, got "six months"',
    );
  });

  it('is the same whatever the time zone of the machine', () => {
    // The due day is counted in UTC: at 00:00Z on 2026-12-01 ann is due.
    const findings = checkCatalog([group('data-infrastructure'), ...people, subteam('mlops', { members: [{ user: 'ann', since: '2026-03-01' }] })], {
      now: ms('2026-12-01T00:00Z'),
    });
    expect(findings.map(f => f.check)).toContain('subteam-member-due-to-rotate');
  });
});
