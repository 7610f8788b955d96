import { errorBudget, isWithinSupportHours, parseSlaWindow } from '.';
import { formatDurationShort } from '../time';
import { ms } from '../__testUtils__/rotation';

describe('parseSlaWindow', () => {
  it('reads days and weeks', () => {
    expect(parseSlaWindow('30d')).toBe(2_592_000_000);
    expect(parseSlaWindow('4w')).toBe(28 * 86_400_000);
    expect(parseSlaWindow('7d')).toBe(604_800_000);
  });
  it('rejects anything else', () => {
    for (const bad of ['30', 'd', '0d', '1m', '30 days', '-1d', '']) expect(parseSlaWindow(bad)).toBeUndefined();
  });
});

describe('errorBudget', () => {
  it('allows 43.2 minutes for 99.9 % over 30 days (the default window)', () => {
    expect(errorBudget({ availability: 99.9 })).toEqual({
      availability: 99.9,
      window: '30d',
      windowMs: 2_592_000_000,
      allowedDowntimeMs: 2_592_000,
    });
  });
  it('scales with the window and the target', () => {
    expect(errorBudget({ availability: 99.95, window: '4w' })?.allowedDowntimeMs).toBe(1_209_600);
    expect(errorBudget({ availability: 99, window: '7d' })?.allowedDowntimeMs).toBe(6_048_000);
    expect(errorBudget({ availability: 100 })?.allowedDowntimeMs).toBe(0);
  });
  it('is undefined without an availability or with a bad window', () => {
    expect(errorBudget({ window: '30d' })).toBeUndefined();
    expect(errorBudget(undefined)).toBeUndefined();
    expect(errorBudget({ availability: 99.9, window: 'monthly' })).toBeUndefined();
  });
});

describe('isWithinSupportHours', () => {
  // 2026-01-09 is a Friday; Berlin is UTC+1 in January.
  const business = { supportHours: { type: 'business-hours' as const, timezone: 'Europe/Berlin' } };
  it('is always true for 24x7 or no support hours', () => {
    expect(isWithinSupportHours({ supportHours: { type: '24x7' } }, ms('2026-01-10T03:00Z'))).toBe(true);
    expect(isWithinSupportHours(undefined, ms('2026-01-10T03:00Z'))).toBe(true);
    expect(isWithinSupportHours({}, ms('2026-01-10T03:00Z'))).toBe(true);
  });
  it('defaults business hours to Monday–Friday 09:00–17:00 in the given zone', () => {
    expect(isWithinSupportHours(business, ms('2026-01-09T08:00Z'))).toBe(true);
    expect(isWithinSupportHours(business, ms('2026-01-09T07:59Z'))).toBe(false);
    expect(isWithinSupportHours(business, ms('2026-01-09T16:00Z'))).toBe(false);
    expect(isWithinSupportHours(business, ms('2026-01-10T10:00Z'))).toBe(false);
  });
  it('uses its own windows when given', () => {
    const saturday = { supportHours: { ...business.supportHours, windows: [{ days: ['sat' as const], from: '10:00', to: '14:00' }] } };
    expect(isWithinSupportHours(saturday, ms('2026-01-10T10:00Z'))).toBe(true);
    expect(isWithinSupportHours(saturday, ms('2026-01-09T10:00Z'))).toBe(false);
  });
});

describe('formatDurationShort', () => {
  it('shows the two largest units', () => {
    expect(formatDurationShort(2_592_000)).toBe('43m 12s');
    expect(formatDurationShort((4 * 60 + 23) * 60_000)).toBe('4h 23m');
    expect(formatDurationShort(26 * 3_600_000 + 5 * 60_000)).toBe('1d 2h');
    expect(formatDurationShort(45_000)).toBe('45s');
  });
  it('leaves out a zero second unit and handles zero', () => {
    expect(formatDurationShort(2 * 3_600_000)).toBe('2h');
    expect(formatDurationShort(86_400_000 + 59_000)).toBe('1d');
    expect(formatDurationShort(0)).toBe('0s');
    expect(formatDurationShort(-90_000)).toBe('-1m 30s');
  });
});

describe('parseSlaWindow and the schema', () => {
  it('accepts exactly what the DataService schema accepts for spec.sla.window', () => {
    expect(parseSlaWindow('30d')).toBe(30 * 86_400_000);
    expect(parseSlaWindow('4w')).toBe(28 * 86_400_000);
    for (const rejected of ['12h', '90m', '0d', '30D', ' 30d', '7 d', 'monthly']) {
      expect(parseSlaWindow(rejected)).toBeUndefined();
    }
  });
});
