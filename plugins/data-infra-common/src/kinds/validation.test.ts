import { validateDataInfraEntity, formatEntityProblems } from './validation';

const rotation = (spec: Record<string, unknown>) => ({
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Rotation',
  metadata: { name: 'r' },
  spec: {
    owner: 'subteam:default/data-platform',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    shiftLength: 'P1W',
    participants: ['user:default/a', 'user:default/b'],
    ...spec,
  },
});

describe('validateDataInfraEntity (smoke)', () => {
  it('accepts a valid rotation', () => {
    expect(validateDataInfraEntity(rotation({}))).toEqual([]);
  });
  it('names the field, the expectation and the value', () => {
    const entity = rotation({ shiftLength: 'weekly' });
    expect(formatEntityProblems(entity, validateDataInfraEntity(entity))).toBe(
      'rotation:default/r: spec.shiftLength: must be an ISO-8601 duration like P1W or PT15M, got "weekly"',
    );
  });
});
