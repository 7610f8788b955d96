import { isInCoverage, onCallAt, rotationShifts } from '.';
import type { CoverageWindow } from '../kinds/types';
import { iso, ms, rotation } from '../__testUtils__/rotation';

const officeHours: CoverageWindow[] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }];
// 2026-01-09 is a Friday.
const fridayNight: CoverageWindow[] = [{ days: ['fri'], from: '22:00', to: '06:00' }];

describe('isInCoverage', () => {
  it('treats no windows as always', () => {
    expect(isInCoverage(undefined, 'Europe/Berlin', 0)).toBe(true);
    expect(isInCoverage([], 'Europe/Berlin', 0)).toBe(true);
  });

  it('reads windows on the local clock, half-open', () => {
    // Berlin is UTC+1 in January.
    expect(isInCoverage(officeHours, 'Europe/Berlin', ms('2026-01-09T08:00Z'))).toBe(true); // Fri 09:00
    expect(isInCoverage(officeHours, 'Europe/Berlin', ms('2026-01-09T07:59Z'))).toBe(false);
    expect(isInCoverage(officeHours, 'Europe/Berlin', ms('2026-01-09T15:59Z'))).toBe(true);
    expect(isInCoverage(officeHours, 'Europe/Berlin', ms('2026-01-09T16:00Z'))).toBe(false); // Fri 17:00
    expect(isInCoverage(officeHours, 'Europe/Berlin', ms('2026-01-10T10:00Z'))).toBe(false); // Saturday
    // The same UTC instant is inside in Berlin but not in Chicago.
    expect(isInCoverage(officeHours, 'America/Chicago', ms('2026-01-09T08:00Z'))).toBe(false);
  });

  it('gives a window that crosses midnight to the day it starts', () => {
    const at = (local: string) => isInCoverage(fridayNight, 'UTC', ms(`${local}Z`));
    expect(at('2026-01-09T21:59')).toBe(false);
    expect(at('2026-01-09T22:00')).toBe(true); // Fri 22:00
    expect(at('2026-01-10T05:59')).toBe(true); // Sat early morning belongs to Friday's window
    expect(at('2026-01-10T06:00')).toBe(false);
    expect(at('2026-01-10T22:30')).toBe(false); // Saturday night is not covered
    expect(at('2026-01-08T23:00')).toBe(false); // nor Thursday night
  });

  it("reads '24:00' as the end of the day", () => {
    const evenings: CoverageWindow[] = [{ days: ['sun'], from: '18:00', to: '24:00' }];
    expect(isInCoverage(evenings, 'UTC', ms('2026-01-11T23:59Z'))).toBe(true);
    expect(isInCoverage(evenings, 'UTC', ms('2026-01-12T00:00Z'))).toBe(false);
  });

  it('follows the local clock across a DST change (Berlin, 2026-03-29 is a Sunday)', () => {
    const sunday: CoverageWindow[] = [{ days: ['sun'], from: '01:00', to: '04:00' }];
    // 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z: two hours of coverage that day.
    expect(isInCoverage(sunday, 'Europe/Berlin', ms('2026-03-28T23:59Z'))).toBe(false);
    expect(isInCoverage(sunday, 'Europe/Berlin', ms('2026-03-29T00:00Z'))).toBe(true);
    expect(isInCoverage(sunday, 'Europe/Berlin', ms('2026-03-29T01:59Z'))).toBe(true);
    expect(isInCoverage(sunday, 'Europe/Berlin', ms('2026-03-29T02:00Z'))).toBe(false);
  });
});

describe('rotations with coverage', () => {
  const r = rotation({ timezone: 'Europe/Berlin', start: '2026-01-05T09:00', coverage: officeHours });

  it('has nobody on call at any role outside coverage', () => {
    expect(onCallAt(r, ms('2026-01-09T18:00Z'))).toEqual([]);
    expect(onCallAt(r, ms('2026-01-10T12:00Z'))).toEqual([]);
  });

  it('bounds the interval by the coverage window', () => {
    expect(onCallAt(r, ms('2026-01-07T12:00Z'))).toEqual([
      { role: 'primary', user: 'user:default/a', from: ms('2026-01-07T08:00Z'), until: ms('2026-01-07T16:00Z'), source: 'schedule' },
      { role: 'secondary', user: 'user:default/b', from: ms('2026-01-07T08:00Z'), until: ms('2026-01-07T16:00Z'), source: 'schedule' },
    ]);
  });

  it('lists one shift per role per covered stretch', () => {
    const { shifts } = rotationShifts(r, ms('2026-01-09T00:00Z'), ms('2026-01-13T00:00Z'));
    expect(shifts.map(s => `${s.role} ${s.user.slice(-1)} ${iso(s.start)}–${iso(s.end)}`)).toEqual([
      'primary a 2026-01-09T08:00Z–2026-01-09T16:00Z',
      'secondary b 2026-01-09T08:00Z–2026-01-09T16:00Z',
      'primary b 2026-01-12T08:00Z–2026-01-12T16:00Z',
      'secondary c 2026-01-12T08:00Z–2026-01-12T16:00Z',
    ]);
  });

  it('merges a night window across the hand-off when the same person continues', () => {
    // Daily hand-off at 09:00; covered 18:00–10:00 every night. One
    // participant at depth 1, so the person never changes.
    const nights = rotation({
      shiftLength: 'P1D',
      depth: 1,
      participants: ['user:default/solo'],
      coverage: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '18:00', to: '10:00' }],
    });
    const [primary] = onCallAt(nights, ms('2026-01-07T09:30Z'));
    expect(primary).toMatchObject({ from: ms('2026-01-06T18:00Z'), until: ms('2026-01-07T10:00Z') });
    expect(onCallAt(nights, ms('2026-01-07T12:00Z'))).toEqual([]);
  });
});
