/*
 * A person in New York asks for on-call cover through the "Request on-call
 * cover" template (issue 17): Mei Chen takes the Data Platform primary for
 * a day and a half. The dev instance has no SCM integration, so the template
 * edits catalog-info/rotations/data-platform-oncall.yaml in place; after the
 * catalog's refresh the Rotation page's shifts show Mei with the override
 * mark. The file is restored afterwards, so catalog-info/ stays as committed.
 */
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

const rotationFile = path.resolve(__dirname, '../../catalog-info/rotations/data-platform-oncall.yaml');
let original: string;

test.use({ timezoneId: 'America/New_York' });

test.beforeAll(() => {
  original = fs.readFileSync(rotationFile, 'utf8');
});

test.afterAll(() => {
  // The committed file, byte for byte (the backend's catalog then reads it
  // back at its next refresh; this instance is thrown away anyway).
  fs.writeFileSync(rotationFile, original);
});

/** A reading of an instant as 'YYYY-MM-DDTHH:MM' in a zone. */
function wall(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map(p => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('requesting cover through the template shows the cover on the Rotation page, marked as an override', async ({ page }) => {
  test.setTimeout(180_000);
  // Whole hours two and three days ahead, within the card's four weeks.
  const start = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
  const end = start + 33 * 3_600_000;
  const startNY = wall(start, 'America/New_York');
  const endNY = wall(end, 'America/New_York');

  await signInAsGuest(page);
  await page.goto('/create/templates/default/request-cover');
  await expect(page.getByText('Request on-call cover').first()).toBeVisible();

  // The entity pickers open their list of entities on a click (no typing:
  // the list is short, and its labels may be titles or refs).
  await page.getByLabel(/^Rotation/).click();
  await page.getByRole('option', { name: /Data Platform on-call|data-platform-oncall/ }).click();
  const dates = page.locator('input[type="datetime-local"]');
  await dates.nth(0).fill(startNY);
  await dates.nth(1).fill(endNY);
  await page.getByLabel(/^Who covers/).click();
  await page.getByRole('option', { name: /Mei Chen|mei\.chen/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({ path: path.join(screenshotDir, 'request-cover-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create' }).click();

  // The task's output: the preview of the shifts and where it was written.
  await expect(page.getByRole('link', { name: 'Open the rotation' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/user:default\/mei\.chen/).first()).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'request-cover-task.png'), fullPage: true });

  // The file got the override in the rotation's zone, comments kept.
  const written = fs.readFileSync(rotationFile, 'utf8');
  expect(written).toContain(
    `    - start: '${wall(start, 'Europe/Berlin')}'\n      end: '${wall(end, 'Europe/Berlin')}'\n      user: user:default/mei.chen\n      role: primary\n`,
  );
  for (const line of original.split('\n').filter(l => l.trim().startsWith('#'))) {
    expect(written).toContain(line);
  }

  // After the catalog's refresh the Rotation page shows her shift, marked.
  await page.getByRole('link', { name: 'Open the rotation' }).click();
  const table = page.getByRole('table', { name: 'Upcoming shifts' });
  const meiRow = table.getByRole('row').filter({ hasText: 'Mei Chen' });
  await expect(async () => {
    await page.reload();
    // The timeline draws her bar; the table beside it (folded) says "override".
    await expect(page.getByTestId('shift-bar').filter({ hasText: 'Mei Chen' }).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000, 5_000] });
  await page.getByText(/^The same shifts as a table/).click();
  await expect(meiRow.first()).toBeVisible();
  await expect(meiRow.first()).toContainText('primary');
  await expect(meiRow.first().getByText('override')).toBeVisible();
  await meiRow.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, 'request-cover-rotation.png'), fullPage: true });
});
