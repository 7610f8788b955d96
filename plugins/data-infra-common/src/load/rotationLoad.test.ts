import { rotation, ms } from '../__testUtils__/rotation';
import { rotationLoad, rotationLoadWindow } from './rotationLoad';

const A = 'user:default/a';
const B = 'user:default/b';

// Weekly hand-off on Monday 09:00 Berlin; 29 March 2026 is the spring-forward
// Sunday (02:00 → 03:00), so the week from 23 March has 167 hours.
const berlin = (spec = {}) =>
  rotation({ timezone: 'Europe/Berlin', start: '2026-03-23T09:00', depth: 1, participants: [A, B], ...spec });

describe('rotationLoadWindow', () => {
  it('counts the 167 hours of the DST week, its 7 nights and 2 weekend days', () => {
    // A week of exact hours from Monday 09:00 CET ends at Monday 10:00 CEST:
    // A's shift is the 167 hours until the 09:00 hand-off, B has the last one.
    const load = rotationLoadWindow(berlin(), ms('2026-03-23T08:00Z'), 1);
    expect(load.people).toEqual([
      { user: A, hours: { primary: 167 }, onCallHours: 167, share: 0.994, nights: 7, weekendDays: 2, longestStretchHours: 167 },
      { user: B, hours: { primary: 1 }, onCallHours: 1, share: 0.006, nights: 0, weekendDays: 0, longestStretchHours: 1 },
    ]);
  });

  it('alternates two people over 4 weeks: hours, nights, weekends and the longest stretch', () => {
    const load = rotationLoadWindow(berlin(), ms('2026-03-23T08:00Z'), 4);
    expect(load.people.map(p => [p.user, p.onCallHours, p.nights, p.weekendDays, p.longestStretchHours])).toEqual([
      // A: 167 (the DST week) + 168 + the window's last hour.
      [A, 167 + 168 + 1, 14, 4, 168],
      [B, 168 + 168, 14, 4, 168],
    ]);
    // The window is 4 × 168 ms-exact hours; it starts before the DST change.
    expect(load.to - load.from).toBe(4 * 168 * 3_600_000);
  });

  it('counts a short cover as a break, not a rest, and a role held twice once', () => {
    const rot = berlin({
      depth: 2,
      overrides: [
        // B covers A's primary for 2 hours on Wednesday afternoon.
        { start: '2026-03-25T14:00', end: '2026-03-25T16:00', user: B, role: 'primary' },
      ],
    });
    const [a, b] = rotationLoadWindow(rot, ms('2026-03-23T08:00Z'), 1).people;
    // A is primary all but 2 hours of the 167-hour week, then secondary for
    // the window's last hour; the 2-hour break does not end the stretch.
    expect(a).toMatchObject({ user: A, hours: { primary: 165, secondary: 1 }, onCallHours: 166, longestStretchHours: 168 });
    // B holds both roles for those 2 hours: counted once in onCallHours.
    expect(b).toMatchObject({ user: B, hours: { primary: 3, secondary: 167 }, onCallHours: 168 });
  });

  it('tells day shifts from night shifts across the DST change', () => {
    // 12-hour shifts on the local clock, 07:00 and 19:00: A days, B nights.
    // The night of 28–29 March is an hour shorter, so is B's shift then.
    const rot = berlin({ start: '2026-03-23T07:00', shiftLength: 'PT12H' });
    const [a, b] = rotationLoadWindow(rot, ms('2026-03-23T06:00Z'), 1).people;
    // The window's 168 exact hours end at 08:00 CEST: A has the last hour.
    expect(a).toMatchObject({ user: A, onCallHours: 7 * 12 + 1, nights: 0, weekendDays: 2, longestStretchHours: 12 });
    expect(b).toMatchObject({ user: B, onCallHours: 7 * 12 - 1, nights: 7, weekendDays: 2, longestStretchHours: 12 });
  });

  it("reads the weekend on the rotation's clock, not UTC's", () => {
    // Friday 23:30 to Saturday 00:30 in Berlin is all Friday in UTC.
    const rot = berlin({
      start: '2027-01-04T09:00',
      overrides: [{ start: '2026-03-27T23:30', end: '2026-03-28T00:30', user: B, role: 'primary' }],
    });
    expect(rotationLoadWindow(rot, ms('2026-03-23T08:00Z'), 1).people).toEqual([
      { user: B, hours: { primary: 1 }, onCallHours: 1, share: 0.006, nights: 1, weekendDays: 1, longestStretchHours: 1 },
    ]);
  });

  it('ends a stretch at a rest of 11 hours', () => {
    const rot = berlin({
      overrides: [{ start: '2026-03-25T08:00', end: '2026-03-25T19:00', user: B, role: 'primary' }],
    });
    const [a] = rotationLoadWindow(rot, ms('2026-03-23T08:00Z'), 1).people;
    // Mon 09:00 → Wed 08:00 CET is 47 hours; Wed 19:00 → Mon 09:00 CEST is 109.
    expect(a.longestStretchHours).toBe(109);
  });
});

describe('rotationLoad', () => {
  it('answers the next 4 and 13 weeks', () => {
    expect(rotationLoad(berlin(), ms('2026-03-23T08:00Z')).map(w => w.weeks)).toEqual([4, 13]);
  });
});
