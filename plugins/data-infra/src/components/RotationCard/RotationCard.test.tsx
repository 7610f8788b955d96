import { screen, within } from '@testing-library/react';
import { halfFilled, mockDataInfraApi, platformRotation } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { RotationCard } from './RotationCard';

describe('RotationCard', () => {
  it('shows who is on call, the next hand-off and four weeks of shifts', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<RotationCard />, { entity: platformRotation, api });

    expect(await screen.findByText('On call now')).toBeInTheDocument();
    expect(screen.getByText(/^Primary:/)).toHaveTextContent('Primary: Alice Andersen until');
    expect(screen.getByText(/^Secondary:/)).toHaveTextContent('Secondary: Bob Berg');
    expect(screen.getByText('Next hand-off').nextSibling).toHaveTextContent('16 Mar');
    expect(screen.getByText(/the rotation runs in Europe\/Berlin/)).toBeInTheDocument();

    const rows = within(screen.getByRole('table', { name: 'Upcoming shifts' })).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'FromUntilRolePerson',
      expect.stringContaining('Alice Andersen'),
      expect.stringContaining('Bob Berg'),
      expect.stringMatching(/Carol Chenoverride$/),
    ]);

    // Four weeks ahead of now, for this rotation.
    const [ref, window] = api.getShifts.mock.calls[0];
    expect(ref).toBe('rotation:default/data-platform-oncall');
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(28 * 86_400_000);

    expect(screen.getByRole('button', { name: 'Get my calendar link' })).toBeInTheDocument();
    expect(screen.getByText('Coverage').nextSibling).toHaveTextContent('mon, tue, wed, thu, fri 08:00–20:00');
    expect(screen.getByText('Overrides').nextSibling).toHaveTextContent(
      '2026-03-02T09:00 – 2026-03-03T09:00 (Europe/Berlin): carol as primary',
    );
  });

  it('renders a Rotation without spec and without anyone on call', async () => {
    const api = mockDataInfraApi({
      getOnCall: jest.fn().mockResolvedValue({ at: '2026-03-10T10:00:00Z', rotations: [] }),
      getShifts: jest.fn().mockResolvedValue({
        rotationRef: 'rotation:default/half-rotation', timezone: 'UTC', from: '', to: '', truncated: false, shifts: [],
      }),
    });
    await renderOnEntityPage(<RotationCard />, { entity: halfFilled('Rotation'), api });
    expect(await screen.findByText('Nobody is on call right now.')).toBeInTheDocument();
    expect(screen.getByText('No shifts in the next 4 weeks.')).toBeInTheDocument();
    expect(screen.getByText('Coverage').nextSibling).toHaveTextContent('24x7');
    expect(screen.getByText(/the rotation runs in an unstated zone/)).toBeInTheDocument();
  });
});
