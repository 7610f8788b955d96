import { fireEvent, screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { halfFilled, mockDataInfraApi, platformRotation, platformShifts } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { RotationCard } from './RotationCard';

describe('RotationCard', () => {
  it('says when it hands off, who takes part in order and who is next, with four weeks as a timeline', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<RotationCard />, { entity: platformRotation, api });

    // The owner as the catalog resolved it (the ownedBy relation).
    expect(within(screen.getByText('Owner').nextSibling as HTMLElement).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/subteam/data-platform',
    );
    expect(screen.getByText('Hands off').nextSibling).toHaveTextContent(
      'weekly, Mondays 09:00 (Europe/Berlin) · primary and secondary',
    );
    expect(screen.getByText('Coverage').nextSibling).toHaveTextContent('Mon–Fri 08:00–20:00 (Europe/Berlin)');
    expect(await screen.findByText('On call now')).toBeInTheDocument();
    expect(screen.getByText(/^Primary:/)).toHaveTextContent('Primary: Alice Andersen until');
    expect(screen.getByText('Next hand-off').nextSibling).toHaveTextContent('16 Mar');

    // Participants in order; Alice holds primary now, Bob takes it at the hand-off.
    const participants = within(screen.getByText('Participants, in order').nextSibling as HTMLElement).getAllByRole('listitem');
    expect(participants.map(p => p.textContent)).toEqual(['Alice Andersenprimary now', 'Bob Bergsecondary nownext primary']);

    // A lane per role, a bar per shift labelled with the person; Carol's override stands out.
    const bars = screen.getAllByTestId('shift-bar');
    expect(bars.map(b => b.textContent)).toEqual(['Alice Andersen', 'Bob Berg', 'Carol Chen']);
    expect(bars[2].className).toMatch(/override/);
    expect(screen.getByRole('img', { name: /^Timeline of the shifts/ })).toBeInTheDocument();

    // The same shifts as a table, for screen readers and keyboards.
    fireEvent.click(screen.getByRole('button', { name: 'The same shifts as a table (3)' }));
    const rows = within(await screen.findByRole('table', { name: 'Upcoming shifts' })).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'FromUntilRolePerson',
      expect.stringContaining('Alice Andersen'),
      expect.stringContaining('Bob Berg'),
      expect.stringMatching(/Carol Chenoverride$/),
    ]);

    // The on-call load, from the same /shifts answer: per person, hours per role as bars, then the facts.
    const load = within(screen.getByRole('region', { name: 'On-call load' }));
    expect(load.getByRole('button', { name: 'Next 4 weeks', pressed: true })).toBeInTheDocument();
    expect(load.getByText('Alice Andersen')).toBeInTheDocument();
    expect(load.getAllByText('336 h')).toHaveLength(2);
    expect(load.getAllByText(/100 % of the time on call · 28 nights · 8 weekend days · longest stretch 672 h without rest/)).toHaveLength(2);
    fireEvent.click(load.getByRole('button', { name: 'Next 13 weeks' }));
    expect(load.getByRole('button', { name: 'Next 13 weeks', pressed: true })).toBeInTheDocument();
    expect(load.getAllByText(/91 nights · 26 weekend days · longest stretch 2184 h/)).toHaveLength(2);
    expect(load.getByText('1093 h')).toBeInTheDocument();

    // Four weeks from the start of the viewer's day, for this rotation and its on-call.
    const [ref, window] = api.getShifts.mock.calls[0];
    expect(ref).toBe('rotation:default/data-platform-oncall');
    expect(Date.parse(window.to) - Date.parse(window.from)).toBeGreaterThanOrEqual(28 * 86_400_000 - 3_600_000);
    expect(DateTime.fromISO(window.from).setZone(DateTime.local().zoneName!).toFormat('HH:mm')).toBe('00:00');
    // This rotation only, once: never every rotation of the org.
    expect(api.getOnCall.mock.calls).toEqual([[{ rotation: 'rotation:default/data-platform-oncall' }]]);
    expect(api.getShifts).toHaveBeenCalledTimes(1);
    expect(api.getSubteamsOnCall).not.toHaveBeenCalled();
    expect(api.getMap).not.toHaveBeenCalled();

    // The calendar link is the viewer's own, asked for only on click (see CalendarSubscription).
    expect(screen.getByRole('button', { name: 'Get my calendar link' })).toBeInTheDocument();
    expect(api.subscribeToCalendar).not.toHaveBeenCalled();
  });

  it('lists the overrides still ahead, in the rotation zone', async () => {
    const ahead = DateTime.now().plus({ days: 3 }).toFormat("yyyy-MM-dd'T'09:00");
    const after = DateTime.now().plus({ days: 4 }).toFormat("yyyy-MM-dd'T'09:00");
    const entity = {
      ...platformRotation,
      spec: {
        ...platformRotation.spec,
        overrides: [
          { start: '2020-03-02T09:00', end: '2020-03-03T09:00', user: 'user:default/zed' },
          { start: ahead, end: after, user: 'user:default/carol', role: 'secondary' },
        ],
      },
    };
    await renderOnEntityPage(<RotationCard />, { entity, api: mockDataInfraApi() });
    const overrides = (await screen.findByText('Overrides')).nextSibling as HTMLElement;
    expect(overrides).toHaveTextContent(/09:00 \(Europe\/Berlin\): carol as secondary$/);
    expect(overrides).not.toHaveTextContent('zed');
  });

  it('renders a Rotation without spec and without anyone on call', async () => {
    const api = mockDataInfraApi({
      getOnCall: jest.fn().mockResolvedValue({ at: '2026-03-10T10:00:00Z', rotations: [] }),
      getShifts: jest.fn().mockResolvedValue({ ...platformShifts, participants: [], shifts: [] }),
    });
    await renderOnEntityPage(<RotationCard />, { entity: halfFilled('Rotation'), api });
    expect(await screen.findByText('Nobody is on call right now.')).toBeInTheDocument();
    expect(screen.getByText('No shifts in the next 4 weeks.')).toBeInTheDocument();
    expect(screen.getByText('Coverage').nextSibling).toHaveTextContent('Around the clock (24x7)');
    expect(screen.getByText('Hands off').nextSibling).toHaveTextContent('Not readable');
  });
});
