import { test, expect } from '@playwright/test';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

test('a person finds the Data Infrastructure group in the catalog', async ({ page }) => {
  await signInAsGuest(page);
  // The app mounts the catalog at its root (app-config.yaml, as create-app does).
  await page.goto('/?filters[kind]=group&filters[user]=all');
  const link = page.getByRole('link', { name: 'Data Infrastructure', exact: true }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/default\/group\/data-infrastructure/);
  await expect(page.getByText('Samira Haddad').first()).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'catalog-data-infrastructure-group.png'), fullPage: true });
});
