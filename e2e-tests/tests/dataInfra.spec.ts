import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { guestToken, screenshotDir, signInAsGuest } from './helpers';

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

  // A tile's cross-domain dependencies come from the backend on selection:
  // Trino (BI Services) reads Iceberg tables, which Data Engineering owns.
  await page.getByRole('button', { name: 'Select Trino' }).click();
  const panel = page.getByLabel('Cross-domain dependencies');
  await expect(panel.getByText('Depends on Iceberg lakehouse tables (Data Engineering)')).toBeVisible();
  await shot(page, 'data-infra-ownership-map-dependencies');

  // The filter asks the server: Data Platform keeps Kafka and what mentions it.
  await page.getByLabel('Filter services').fill('kafka');
  const platform = page.getByRole('region', { name: 'Data Platform' });
  await expect(platform.getByText(/^\d+ of \d+ services$/)).toBeVisible();
  await expect(platform.getByRole('link', { name: /^Apache Kafka/ })).toBeVisible();
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

test('a rotation shows when it hands off, its participants in order and four weeks as a timeline', async ({ page }) => {
  await page.goto('/catalog/default/rotation/data-platform-oncall');
  await expect(page.getByRole('heading', { name: 'Data Platform on-call' }).first()).toBeVisible();
  await expect(page.getByText('weekly, Mondays 09:00 (Europe/Berlin) · primary and secondary').first()).toBeVisible();
  await expect(page.getByText('Participants, in order').first()).toBeVisible();
  await expect(page.getByText('next primary').first()).toBeVisible();
  const timeline = page.getByRole('img', { name: /^Timeline of the shifts/ }).first();
  await expect(timeline).toBeVisible();
  await expect(timeline.getByTestId('shift-bar').first()).toHaveText(/Lukas Weber|Priya Raman/);
  // The table says the same, for keyboards and screen readers.
  await page.getByRole('button', { name: /The same shifts as a table/ }).first().click();
  const shifts = page.getByRole('table', { name: 'Upcoming shifts' }).first();
  await expect(shifts.getByRole('row').nth(2)).toBeVisible();
  await expect(shifts.getByText(/Lukas Weber|Priya Raman/).first()).toBeVisible();
  await shot(page, 'data-infra-rotation');
});

test('the on-call page names the Data Platform and Data Engineering primaries, how to page them and their runbooks', async ({ page, baseURL }) => {
  // Who is primary now, as the backend computes it (tested against the
  // on-call rules in the backend's and common package's tests).
  const token = await guestToken(baseURL!);
  const oncall = await (await fetch(`${baseURL}/api/data-infra/oncall`, { headers: { Authorization: `Bearer ${token}` } })).json();
  const primaryOf = (ref: string) =>
    oncall.rotations.find((r: any) => r.rotation.ref === ref).onCall.find((o: any) => o.role === 'primary').user.displayName;
  const platformPrimary = primaryOf('rotation:default/data-platform-oncall');
  const engineeringPrimary = primaryOf('rotation:default/data-engineering-oncall');
  expect(['Lukas Weber', 'Priya Raman']).toContain(platformPrimary);
  expect(['Diego Alvarez', 'Mei Chen']).toContain(engineeringPrimary);

  const requests: string[] = [];
  page.on('request', r => r.url().includes('/api/data-infra/') && requests.push(r.url()));
  await page.goto('/data-infra/on-call');
  const card = (title: string) =>
    page.locator('.MuiCard-root').filter({ has: page.getByRole('heading', { name: title, exact: true }) }).first();
  await expect(card('Data Platform')).toContainText(`Primary: ${platformPrimary}`);
  await expect(card('Data Engineering')).toContainText(`Primary: ${engineeringPrimary}`);
  await expect(card('Data Platform')).toContainText('Page: https://pager.example.com/services/data-platform');
  await expect(card('Data Platform').getByRole('link', { name: /^Apache Kafka/ })).toHaveAttribute('href', /runbooks/);
  await expect(card('MLOps')).toContainText('No rotation: alerts follow the escalation policy below.');
  expect(requests.map(u => new URL(u).pathname)).toEqual(['/api/data-infra/oncall/subteams']);
  await shot(page, 'data-infra-on-call');
});

test('the service catalog lists every service, and its CSV has the escalation and contact columns', async ({ page }) => {
  const total = declaredServices();
  await page.goto('/data-infra/services');
  await expect(page.getByRole('heading', { name: `Data services (${total})` })).toBeVisible();
  // One page of 50 holds them all.
  await expect(page.locator('tbody tr')).toHaveCount(total);
  const kafka = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: 'Apache Kafka', exact: true }) });
  await expect(kafka).toContainText('Data Platform on-call (primary), at once');
  await expect(kafka).toContainText('#data-platform');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Export CSV (${total})` }).click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(total + 1);
  expect(csv[0]).toContain('Escalation: first level');
  expect(csv[0]).toContain('Escalation: reaches nobody');
  expect(csv[0]).toContain('Pager');
  expect(csv.find(line => line.startsWith('Apache Kafka,'))).toContain('Data Platform on-call (primary), at once');

  // Sorting and filtering ask the server.
  await page.getByLabel('Domain').selectOption('mlops');
  await expect(page.getByRole('heading', { name: /^Data services \(\d+\)$/ })).not.toHaveText(`Data services (${total})`);
  await expect(page.getByRole('link', { name: 'Apache Kafka', exact: true })).toHaveCount(0);
  await shot(page, 'data-infra-services');
});

test('the MLOps page says once that MLOps has no rotation, and lists its services behind a toggle', async ({ page }) => {
  await page.goto('/catalog/default/subteam/mlops');
  await expect(page.getByRole('heading', { name: 'MLOps' }).first()).toBeVisible();
  const checks = page.getByRole('list', { name: 'Findings' });
  await expect(checks.getByText(/^MLOps has no Rotation: 16 services/)).toBeVisible();
  await expect(page.getByText(/has no Rotation/)).toHaveCount(1);
  await checks.getByRole('button', { name: 'Show the 16 services affected' }).click();
  await expect(checks.getByRole('link', { name: 'vLLM serving' })).toBeVisible();
  await expect(page.getByText(/problems? to fix, affecting/)).toBeVisible();
  await shot(page, 'data-infra-subteam-mlops');
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
