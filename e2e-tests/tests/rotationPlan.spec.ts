import { test, expect, Page } from '@playwright/test';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

/*
 * The seed (catalog-info/subteams/*.yaml): the first four engineers joined
 * their subteams on 2026-01-05, one hire every 6 weeks after. Under the
 * default policy (P6M–P9M) Lukas Weber is due from 2026-10-05 and Priya
 * Raman, who joined Data Platform on 2026-02-16, from 2026-11-16: from then
 * on both of Data Platform's members are due, which the checks report as
 * `subteam-all-members-due`.
 */
test('the rotation plan lists who is due and when, and warns when a subteam would lose all its context', async ({ page }) => {
  await page.goto('/data-infra');
  await page.getByRole('tab', { name: 'Rotation plan' }).click();
  await expect(page).toHaveURL(/\/data-infra\/rotation-plan$/);
  await expect(page.getByText(/^Engineers may move to another subteam 6 months after joining and are due to move after 9 months/)).toBeVisible();

  const platform = page.getByRole('region', { name: 'Data Platform', exact: true });
  const members = platform.getByRole('table', { name: 'Members of Data Platform by the day they are due to rotate' });
  const lukas = members.getByRole('row').filter({ has: page.getByRole('link', { name: 'Lukas Weber' }) });
  await expect(lukas.getByRole('cell')).toHaveText(['Lukas Weber', '2026-01-05', '2026-07-05', '2026-10-05', 'Due']);
  const priya = members.getByRole('row').filter({ has: page.getByRole('link', { name: 'Priya Raman' }) });
  await expect(priya.getByRole('cell')).toHaveText(['Priya Raman', '2026-02-16', '2026-08-16', '2026-11-16', 'Due']);
  await expect(platform.getByTestId('rotation-plan-warning')).toHaveText(
    /nobody would remain: the subteam would lose all its context/,
  );
  // The same four domains as the map, in its order.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Data Platform', 'Data Engineering', 'MLOps', 'BI Services']);
  await shot(page, 'data-infra-rotation-plan');

  // The checks on the subteam page say the same of Lukas, on the same day.
  await platform.getByRole('link', { name: 'Data Platform' }).click();
  const checks = page.getByRole('list', { name: 'Findings' });
  await expect(
    checks.getByText(/^Lukas Weber \(user:default\/lukas\.weber\) joined this subteam on 2026-01-05 and has been due to rotate since 2026-10-05/),
  ).toBeVisible();
  await expect(checks.getByText(/^All 2 members of this subteam are due to rotate at once/)).toBeVisible();
});

test('a member links to their User entity', async ({ page }) => {
  await page.goto('/data-infra/rotation-plan');
  await page.getByRole('region', { name: 'BI Services', exact: true }).getByRole('link', { name: 'Jonas Lindqvist' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/user\/jonas\.lindqvist$/);
  await expect(page.getByRole('heading', { name: /Jonas Lindqvist/ }).first()).toBeVisible();
});
