import { test, expect, Page } from '@playwright/test';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('a rotation of two people, two deep, shows each on call all the time, and the checks say so', async ({ page }) => {
  await page.goto('/catalog/default/rotation/data-engineering-oncall');
  const load = page.getByTestId('on-call-load').first();
  await expect(load).toBeVisible();
  // Per person: hours per role, then the facts line.
  await expect(load.getByText('Diego Alvarez')).toBeVisible();
  await expect(load.getByText('Mei Chen')).toBeVisible();
  await expect(load.getByText(/^100 % of the time on call · \d+ nights · \d+ weekend days · longest stretch \d+ h without rest$/)).toHaveCount(2);
  // The 13-week window is one click away, and counts more hours.
  const fourWeeks = await load.getByText(/^\d+ h$/).first().textContent();
  await load.getByRole('button', { name: 'Next 13 weeks' }).click();
  await expect(load.getByRole('button', { name: 'Next 13 weeks' })).toHaveAttribute('aria-pressed', 'true');
  await expect(load.getByText(/^\d+ h$/).first()).not.toHaveText(fourWeeks ?? '');
  const checks = page.getByRole('list', { name: 'Findings' });
  await expect(checks.getByText(/^Diego Alvarez is on call 100 % of the next 13 weeks/)).toBeVisible();
  await expect(checks.getByText(/^This rotation is 2 deep with 2 people, so Diego Alvarez and Mei Chen are each on call every week/)).toBeVisible();
  await shot(page, 'data-infra-rotation-load');
});

test('a subteam page shows each stakeholder group with its sync and intake, and who is due to rotate', async ({ page }) => {
  await page.goto('/catalog/default/subteam/bi-services');
  await expect(page.getByRole('heading', { name: 'BI Services' }).first()).toBeVisible();
  await expect(page.getByText(/bi-weekly sync in #bi-services-business-units-sync/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'https://tickets.example.com/queues/bi-services' }).first()).toBeVisible();
  const checks = page.getByRole('list', { name: 'Findings' });
  // Jonas joined on 2026-01-05: due to rotate from 2026-10-05 on (P9M).
  await expect(checks.getByText(/^Jonas Lindqvist \(user:default\/jonas\.lindqvist\) joined this subteam on 2026-01-05 and has been due to rotate/)).toBeVisible();
  await shot(page, 'data-infra-subteam-stakeholders');
});
