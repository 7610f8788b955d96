/*
 * Measured SLAs in the browser, against the demo Prometheus scripts/test-e2e
 * starts (a month of the seed's exporter metrics with known incidents). The
 * achieved availability expected on Kafka's page is computed here from the
 * scenario's minutes, not read from the backend.
 */
import { test, expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { demoMetrics, increaseInWindow } from '../../packages/prometheus-testkit/src/demo';
import { guestToken, screenshotDir, signInAsGuest } from './helpers';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

test.skip(!process.env.E2E_PROMETHEUS_PORT, 'Prometheus is not installed (scripts/ensure-prometheus could not install Debian\'s prometheus package)');

test.beforeEach(async ({ page }) => {
  await signInAsGuest(page);
});

test("the Kafka page shows the availability Kafka achieved, as measured in Prometheus", async ({ page, baseURL }) => {
  await page.goto('/catalog/default/dataservice/kafka');
  const sla = page.locator('.MuiCard-root').filter({ has: page.getByText('SLA', { exact: true }) }).first();
  const achieved = sla.getByText('Achieved', { exact: true }).locator('xpath=following-sibling::*[1]');
  await expect(achieved).toContainText('against 99.95 %', { timeout: 60_000 });

  // What the backend measured at, and what the scenario says for that instant.
  const token = await guestToken(baseURL!);
  const res = await fetch(`${baseURL}/api/data-infra/sla?entityRef=dataservice:default/kafka`, { headers: { Authorization: `Bearer ${token}` } });
  const { measurement } = await res.json();
  const { now } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'results', 'prometheus', 'demo.json'), 'utf8'));
  const demo = demoMetrics(now);
  const at = Date.parse(measurement.measuredAt);
  const inc = (name: string) => increaseInWindow(demo, `kafka_server_brokertopicmetrics_${name}_total`, at, 30 * 86_400_000);
  const bad = inc('failedproducerequests') + inc('failedfetchrequests');
  const total = inc('totalproducerequests') + inc('totalfetchrequests');
  const expected = ((1 - bad / total) * 100).toFixed(3);
  await expect(achieved).toContainText(`${expected} % against 99.95 %`);
  await expect(sla.getByRole('img', { name: /^Budget left over 30d/ })).toBeVisible();
  await expect(sla.getByText('Burn rate', { exact: true }).locator('xpath=following-sibling::*[1]')).toContainText('Not burning');
  await shot(page, 'data-infra-kafka-measured');
});

test('the service catalog sorts by budget left, and the map colours tiles with a legend', async ({ page }) => {
  await page.goto('/data-infra/services');
  const trino = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Trino', exact: true }) });
  await expect(trino).toContainText('Burning fast', { timeout: 60_000 });
  const cdc = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'CDC stream ingestion' }) });
  await expect(cdc).toContainText('Budget exhausted');
  await shot(page, 'data-infra-service-catalog-budget');

  await page.goto('/data-infra');
  await expect(page.getByRole('list', { name: 'Error budget legend' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Select Trino' })).toHaveAttribute('title', /^Burning fast/);
  await shot(page, 'data-infra-map-budget');
});
