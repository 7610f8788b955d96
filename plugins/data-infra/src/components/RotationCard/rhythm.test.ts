import { handoffRhythm } from './rhythm';

describe('handoffRhythm', () => {
  it.each([
    ['P1W', '2026-01-05T09:00', 'Europe/Berlin', 'weekly, Mondays 09:00 (Europe/Berlin)'],
    ['P2W', '2026-01-07T08:30', 'America/Chicago', 'every 2 weeks, Wednesdays 08:30 (America/Chicago)'],
    ['P1D', '2026-01-05T08:00', 'UTC', 'daily at 08:00 (UTC)'],
    ['P3D', '2026-01-05T08:00', 'UTC', 'every 3 days at 08:00 (UTC)'],
    ['PT12H', '2026-01-05T20:00', 'Asia/Tokyo', 'every 12 hours from 20:00 (Asia/Tokyo)'],
    ['P1M', '2026-01-31T09:00', 'Europe/Berlin', 'monthly on the 31st at 09:00 (Europe/Berlin)'],
    ['P7D', '2026-01-04T09:00', 'Europe/Berlin', 'weekly, Sundays 09:00 (Europe/Berlin)'],
    ['P2M', '2026-01-05T09:00', 'UTC', 'every P2M from 5 Jan 2026, 09:00 (UTC)'],
    ['PT90M', '2026-01-05T09:00', 'UTC', 'every 1 h 30 min from 09:00 (UTC)'],
  ])('%s from %s in %s hands off %s', (shiftLength, start, timezone, expected) => {
    expect(handoffRhythm({ shiftLength, start, timezone })).toBe(expected);
  });

  it('says nothing for a spec it cannot read', () => {
    expect(handoffRhythm({ shiftLength: 'weekly', start: '2026-01-05T09:00' })).toBeUndefined();
    expect(handoffRhythm({})).toBeUndefined();
  });
});
