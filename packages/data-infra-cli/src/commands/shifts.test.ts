import { runCli, SEEDED_CATALOG } from '../lib/testing';

describe('data-infra shifts', () => {
  it('lists the Christmas weeks of the Data Platform rotation with the override', async () => {
    const result = await runCli([
      'shifts',
      'rotation:default/data-platform-oncall',
      '--catalog',
      SEEDED_CATALOG,
      '--from',
      '2026-12-21T08:00:00Z',
      '--to',
      '2026-12-28T08:00:00Z',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ rotation: 'rotation:default/data-platform-oncall', timezone: 'Europe/Berlin', truncated: false });
    const primaries = body.shifts.filter((s: any) => s.role === 'primary');
    // Lukas's scheduled week is cut at 2026-12-23 18:00 Berlin by the override
    // that hands primary to Priya; the last shift is clipped to the window.
    expect(primaries).toEqual([
      { role: 'primary', user: 'user:default/lukas.weber', start: '2026-12-21T08:00:00Z', end: '2026-12-23T17:00:00Z', source: 'schedule' },
      { role: 'primary', user: 'user:default/priya.raman', start: '2026-12-23T17:00:00Z', end: '2026-12-28T08:00:00Z', source: 'override' },
    ]);
  });

  it('accepts a short ref and says when the list was cut', async () => {
    const result = await runCli([
      'shifts', 'data-engineering-oncall', '--catalog', SEEDED_CATALOG,
      '--from', '2026-01-01T00:00:00Z', '--to', '2027-01-01T00:00:00Z', '--max-shifts', '3',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Only the first 3 shifts are shown/);
  });

  it.each([
    [['no-such-rotation', '--from', '2026-01-01T00:00:00Z', '--to', '2026-02-01T00:00:00Z'], 'no-such-rotation: no such rotation in the catalog'],
    [['data-platform-oncall', '--from', '2026-02-01T00:00:00Z', '--to', '2026-01-01T00:00:00Z'], 'must be before --to'],
    [['data-platform-oncall', '--from', 'soon', '--to', '2026-01-01T00:00:00Z'], '--from "soon": not an ISO-8601 instant'],
  ])('rejects %j with exit 2', async (args, message) => {
    const result = await runCli(['shifts', ...args, '--catalog', SEEDED_CATALOG]);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
  });
});
