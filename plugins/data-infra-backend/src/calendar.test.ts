import ical, { type VEvent } from 'node-ical';
import request from 'supertest';
import { startFixtureBackend } from './__testUtils__/fixtureBackend';

describe('GET /rotations/:namespace/:name/calendar.ics', () => {
  let server: Awaited<ReturnType<typeof startFixtureBackend>>;
  beforeAll(async () => {
    server = await startFixtureBackend();
  });

  it('serves the same shifts as /shifts, in the rotation time zone, with stable UIDs', async () => {
    const res = await request(server).get('/api/data-infra/rotations/default/platform-oncall/calendar.ics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(res.text).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T090000/);

    const events = Object.values(ical.sync.parseICS(res.text)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    // Five weeks back and eight ahead: about 13 weekly shifts per role.
    expect(events.length).toBeGreaterThanOrEqual(24);
    // The summary carries the person and the role.
    const fromIcs = events
      .map(e => `${new Date(e.start as Date).toISOString()}|${new Date(e.end as Date).toISOString()}|${e.summary}`)
      .sort();

    const starts = events.map(e => new Date(e.start as Date).getTime());
    const ends = events.map(e => new Date(e.end as Date).getTime());
    const from = new Date(Math.min(...starts)).toISOString();
    const to = new Date(Math.max(...ends)).toISOString();
    const shifts = await request(server).get(
      `/api/data-infra/rotations/default/platform-oncall/shifts?from=${from}&to=${to}`,
    );
    const fromShifts = shifts.body.shifts
      .map((s: any) => `${s.start.replace('Z', '.000Z')}|${s.end.replace('Z', '.000Z')}|Platform on-call: ${s.user.displayName} (${s.role})`)
      .sort();
    expect(fromIcs).toEqual(fromShifts);

    const again = await request(server).get('/api/data-infra/rotations/default/platform-oncall/calendar.ics');
    const uids = (text: string) => [...text.matchAll(/^UID:(.*)\r$/gm)].map(m => m[1]).sort();
    expect(uids(again.text)).toEqual(uids(res.text));
    expect(new Set(uids(res.text)).size).toBe(events.length);
  });
});
