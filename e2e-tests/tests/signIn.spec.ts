import { test, expect } from '@playwright/test';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

test('"Enter" signs in as Priya Raman, whose "Owned" services are Data Platform\'s', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/settings');
  await expect(page.getByText('Priya Raman').first()).toBeVisible();

  await page.goto('/?filters[kind]=dataservice&filters[user]=owned');
  await expect(page.getByRole('link', { name: 'Apache Kafka', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Apache HDFS', exact: true })).toBeVisible();
  // Not hers: another subteam's service.
  await expect(page.getByRole('link', { name: 'MLflow tracking and model registry' })).toHaveCount(0);
  await page.screenshot({ path: path.join(screenshotDir, 'catalog-owned-by-priya.png'), fullPage: true });
});
