/*
 * A person gets a calendar link for a rotation on its page, a calendar
 * client fetches it without any Backstage token, and revoking it on the same
 * card makes it stop working (issue 14).
 */
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

test('the rotation card gives a calendar link that works without a token, and revokes it', async ({ page, baseURL }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/rotation/data-platform-oncall');
  await expect(page.getByRole('heading', { name: 'Data Platform on-call' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Get my calendar link' }).click();

  const webcal = page.getByRole('link', { name: /^Open in your calendar app/ });
  await expect(webcal).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Calendar link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/api/data-infra/calendar-feeds/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\.ics$`));
  expect(await webcal.getAttribute('href')).toBe(link.replace(/^https?:/, 'webcal:'));
  await page.getByRole('textbox', { name: 'Calendar link' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, 'rotation-calendar-link.png'), fullPage: true });

  // As a calendar client fetches it: no cookie, no Authorization header.
  const feed = await fetch(link);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = await feed.text();
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toMatch(/SUMMARY:Data Platform on-call: (Lukas Weber|Priya Raman) \((primary|secondary)\)/);
  // The authenticated feed still wants a token.
  expect((await fetch(`${baseURL}/api/data-infra/rotations/default/data-platform-oncall/calendar.ics`)).status).toBe(401);

  await page.getByRole('button', { name: 'Revoke calendar link' }).click();
  await expect(page.getByText(/Your calendar link was revoked/)).toBeVisible();
  expect((await fetch(link)).status).toBe(401);
  await page.screenshot({ path: path.join(screenshotDir, 'rotation-calendar-revoked.png'), fullPage: true });

  // A new link works; the old one stays dead.
  await page.getByRole('button', { name: 'Get a new calendar link' }).click();
  const again = await page.getByRole('textbox', { name: 'Calendar link' }).inputValue();
  expect(again).not.toBe(link);
  expect((await fetch(again)).status).toBe(200);
  expect((await fetch(link)).status).toBe(401);
});
