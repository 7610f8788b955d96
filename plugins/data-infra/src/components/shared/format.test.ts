import { formatDurationMs, formatInstantIn, formatIsoDuration, localInputToIso } from './format';
import { allowedDowntimeMs } from './sla';

describe('formatting', () => {
  it('says durations as people do', () => {
    expect(formatDurationMs(0)).toBe('0 min');
    expect(formatDurationMs(15 * 60_000)).toBe('15 min');
    expect(formatDurationMs(90 * 60_000)).toBe('1 h 30 min');
    expect(formatDurationMs(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
    expect(formatIsoDuration('PT15M')).toBe('15 min');
    expect(formatIsoDuration('weekly')).toBe('weekly');
    expect(formatIsoDuration(undefined)).toBe('—');
  });

  it('computes the error budget: 99.9 % over 30 d is 43.2 min', () => {
    expect(allowedDowntimeMs(99.9, '30d')).toBe(2_592_000);
    expect(formatDurationMs(allowedDowntimeMs(99.9)!)).toBe('43.2 min');
    expect(allowedDowntimeMs(99.5, '4w')).toBe(12_096_000);
    expect(allowedDowntimeMs(undefined)).toBeUndefined();
    expect(allowedDowntimeMs(99.9, 'monthly')).toBeUndefined();
  });

  it('shows instants in a given zone, whatever the process zone', () => {
    expect(formatInstantIn('2026-03-16T08:00:00Z', 'Europe/Berlin')).toBe(
      'Mon 16 Mar, 09:00 UTC+01:00',
    );
    expect(formatInstantIn('2026-03-16T08:00:00Z', 'America/Chicago')).toBe(
      'Mon 16 Mar, 03:00 UTC-05:00',
    );
  });

  it('reads a datetime-local value in the viewer zone', () => {
    expect(localInputToIso('2026-03-14T03:00', 'Europe/Berlin')).toBe(
      '2026-03-14T02:00:00Z',
    );
    expect(localInputToIso('', 'Europe/Berlin')).toBeUndefined();
  });
});
