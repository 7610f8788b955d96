import { formatInstant, parseInstant, wallClockToInstant, parseLocalDateTime } from './index';

describe('time', () => {
  it('formats instants in UTC with seconds, keeping milliseconds only when there are some', () => {
    expect(formatInstant(Date.UTC(2026, 2, 8, 8, 0, 0))).toBe('2026-03-08T08:00:00Z');
    expect(formatInstant(Date.UTC(2026, 2, 8, 8, 0, 1, 500))).toBe('2026-03-08T08:00:01.500Z');
    expect(parseInstant(formatInstant(1_767_600_000_000))).toBe(1_767_600_000_000);
  });

  it('reads instants only with an explicit offset', () => {
    expect(parseInstant('2026-03-08T09:00:00+01:00')).toBe(Date.UTC(2026, 2, 8, 8));
    expect(parseInstant('2026-03-08T09:00:00')).toBeUndefined();
  });

  it('resolves local times by RFC 5545 (gap: offset before it; overlap: first occurrence)', () => {
    expect(formatInstant(wallClockToInstant(parseLocalDateTime('2007-03-11T02:30')!, 'America/New_York'))).toBe('2007-03-11T07:30:00Z');
    expect(formatInstant(wallClockToInstant(parseLocalDateTime('2007-11-04T01:30')!, 'America/New_York'))).toBe('2007-11-04T05:30:00Z');
  });
});
