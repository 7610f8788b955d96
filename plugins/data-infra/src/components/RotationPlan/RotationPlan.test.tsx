import { screen, within } from '@testing-library/react';
import { mockDataInfraApi, rotationPlanAnswer } from '../../__testUtils__/fixtures';
import { renderOnEntityPage } from '../../__testUtils__/renderCard';
import { RotationPlan } from './RotationPlan';

/** The rows of a subteam's table as text, cell by cell. */
const rows = (section: HTMLElement) =>
  within(section)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell').map(cell => cell.textContent));

describe('RotationPlan', () => {
  it('lists per subteam, grouped by domain, who is due and when, under the policy', async () => {
    const api = mockDataInfraApi();
    await renderOnEntityPage(<RotationPlan />, { api });
    const platform = await screen.findByRole('region', { name: 'Data Platform' });
    expect(screen.getByText(/^Engineers may move to another subteam 6 months after joining and are due to move after 9 months/)).toHaveTextContent(
      'as of 2026-12-01',
    );
    // The domain sections in the answer's order, each holding its subteams.
    const domains = screen.getAllByRole('heading', { level: 2 }).map(h => h.textContent);
    expect(domains).toEqual(['Data Platform', 'Data Engineering', 'MLOps']);
    const platformSubteam = within(platform).getByTestId('rotation-plan-subteam');
    expect(rows(platformSubteam)).toEqual([
      ['Alice Andersen', '2026-01-05', '2026-07-05', '2026-10-05', 'Due'],
      ['Bob Berg', '2026-02-16', '2026-08-16', '2026-11-16', 'Due'],
    ]);
    // Each member links to their User entity.
    expect(within(platformSubteam).getByRole('link', { name: 'Alice Andersen' })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    // One request for the whole page.
    expect(api.getRotationPlan).toHaveBeenCalledTimes(1);
  });

  it('warns when the moves would leave the subteam without context, or one person alone', async () => {
    await renderOnEntityPage(<RotationPlan />);
    const platform = await screen.findByRole('region', { name: 'Data Platform' });
    expect(within(platform).getByTestId('rotation-plan-warning')).toHaveTextContent(
      'After the moves due by 2027-03-01 nobody would remain: the subteam would lose all its context.',
    );
    const engineering = screen.getByRole('region', { name: 'Data Engineering' });
    expect(rows(engineering).map(r => [r[0], r[4]])).toEqual([
      ['Carol Chen (lead)', 'Due'],
      ['Erin Ek', 'May move'],
      ['Frank Fox', 'Not yet'],
    ]);
    expect(within(engineering).getByTestId('rotation-plan-warning')).toHaveTextContent(
      'After the moves due by 2027-03-01 only Frank Fox would remain',
    );
    expect(engineering).toHaveTextContent('The lead would move too');
    const mlops = screen.getByRole('region', { name: 'MLOps' });
    expect(rows(mlops)).toEqual([
      ['Dave Diaz', '2026-06-22', '2026-12-22', '2027-03-22', 'Not yet'],
      ['Gus Green', '—', '—', '—', 'No join date'],
    ]);
    expect(mlops).toHaveTextContent('No moves due by 2027-03-01.');
    expect(within(mlops).queryByTestId('rotation-plan-warning')).toBeNull();
  });

  it('names who remains, and says how many members it does not list', async () => {
    const [platform] = rotationPlanAnswer.subteams;
    const api = mockDataInfraApi({
      getRotationPlan: jest.fn().mockResolvedValue({
        ...rotationPlanAnswer,
        subteams: [
          {
            ...platform,
            memberCount: 60,
            after: {
              moving: 2,
              remaining: [
                { ref: 'user:default/carol', displayName: 'Carol Chen' },
                { ref: 'user:default/dave', displayName: 'Dave Diaz' },
              ],
              remainingCount: 58,
              warning: null,
              leadMoves: false,
            },
          },
        ],
      }),
    });
    await renderOnEntityPage(<RotationPlan />, { api });
    const section = await screen.findByRole('region', { name: 'Data Platform' });
    expect(section).toHaveTextContent('After the moves due by 2027-03-01: Carol Chen, Dave Diaz and 56 more remain.');
    expect(within(section).getByRole('link', { name: 'and 58 more members, see the subteam' })).toHaveAttribute(
      'href',
      '/catalog/default/subteam/data-platform',
    );
  });
});
