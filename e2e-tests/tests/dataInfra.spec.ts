import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { screenshotDir, signInAsGuest } from './helpers';

/** How many DataServices catalog-info/ declares, read from the files. */
function declaredServices(): number {
  const dir = path.resolve(__dirname, '..', '..', 'catalog-info', 'services');
  return fs
    .readdirSync(dir)
    .map(f => fs.readFileSync(path.join(dir, f), 'utf8').match(/^kind: DataService$/gm)?.length ?? 0)
    .reduce((a, b) => a + b, 0);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test('the ownership map shows the four domains with their services', async ({ page }) => {
  await page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Data Infra' }).click();
  await expect(page).toHaveURL(/\/data-infra/);
  const domains = ['Data Platform', 'Data Engineering', 'MLOps', 'BI Services'];
  const headings = page.getByRole('heading', { level: 2 });
  for (const domain of domains) {
    await expect(headings.filter({ hasText: new RegExp(`^${domain}$`) })).toBeVisible();
  }
  // Side by side, in the configured order.
  const xs = await Promise.all(domains.map(async d => (await headings.filter({ hasText: new RegExp(`^${d}$`) }).boundingBox())!.x));
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  await expect(page.getByText(new RegExp(`${declaredServices()} services`))).toBeVisible();
  // Services appear as tiles under their domain, linked to their entity pages.
  for (const service of ['Apache Kafka', 'Trino', 'MLflow', 'Apache Superset']) {
    await expect(page.getByRole('link', { name: new RegExp(`^${service}`) }).first()).toBeVisible();
  }
  await shot(page, 'data-infra-ownership-map');
});

test('the Kafka page names its owner, its availability SLA and whom an alert pages first', async ({ page }) => {
  await page.goto('/catalog/default/dataservice/kafka');
  await expect(page.getByRole('heading', { name: 'Apache Kafka' }).first()).toBeVisible();
  const ownership = page.locator('article, .MuiCard-root').filter({ has: page.getByText('Ownership', { exact: true }) }).first();
  await expect(ownership.getByText('Data Platform').first()).toBeVisible();
  const sla = page.locator('.MuiCard-root').filter({ has: page.getByText('SLA', { exact: true }) }).first();
  await expect(sla.getByText(/99\.95\s?%/).first()).toBeVisible();
  const escalation = page.locator('.MuiCard-root').filter({ has: page.getByText('Escalation path', { exact: true }) }).first();
  // The first level pages the Data Platform rotation's primary: one of its two members.
  await expect(escalation.getByRole('link', { name: /Lukas Weber|Priya Raman/ }).first()).toBeVisible();
  await shot(page, 'data-infra-kafka');
});

test('a rotation shows its upcoming shifts', async ({ page }) => {
  await page.goto('/catalog/default/rotation/data-platform-oncall');
  await expect(page.getByRole('heading', { name: 'Data Platform on-call' }).first()).toBeVisible();
  const shifts = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Person' }) }).first();
  await expect(shifts).toBeVisible();
  await expect(shifts.getByRole('row').nth(2)).toBeVisible();
  await expect(shifts.getByText(/Lukas Weber|Priya Raman/).first()).toBeVisible();
  await shot(page, 'data-infra-rotation');
});

test('searching for kafka leads to the Kafka entity page', async ({ page }) => {
  await page.goto('/search');
  const box = page.getByRole('textbox').first();
  await box.fill('kafka');
  await box.press('Enter');
  const result = page.getByRole('link', { name: /Apache Kafka/ }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page).toHaveURL(/dataservice\/kafka/);
  await expect(page.getByText('Data Platform').first()).toBeVisible();
  await shot(page, 'data-infra-search-kafka');
});

test('the Domain filter on the search page narrows results to one domain', async ({ page }) => {
  await page.goto('/search');
  const box = page.getByRole('textbox').first();
  await box.fill('mlflow');
  await box.press('Enter');
  await expect(page.getByRole('link', { name: /MLflow/ }).first()).toBeVisible();

  const chooseDomain = async (name: string) => {
    await page.getByLabel('Domain', { exact: true }).getByRole('button').click();
    await page.getByRole('option', { name }).click();
  };
  // MLflow belongs to MLOps: it stays under that domain and is gone under another.
  await chooseDomain('MLOps');
  await expect(page.getByRole('link', { name: /MLflow/ }).first()).toBeVisible();
  await shot(page, 'data-infra-search-domain-filter');
  await chooseDomain('Data Platform');
  await expect(page.getByRole('link', { name: /MLflow/ })).toHaveCount(0);
});
