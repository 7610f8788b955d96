#!/usr/bin/env node
/*
 * Takes the screenshots linked from the frontend plugin's README
 * (plugins/data-infra/docs/), at 1440×900,
 * from an instance of this repository that is already running with the
 * seeded catalog (e.g. `make start`, or scripts/run-backend serving the
 * built app):
 *
 *   scripts/with-toolchain node e2e-tests/readme-screenshots.mjs http://localhost:3000 [file.png ...]
 *
 * (with file names, only those shots are retaken).
 *
 * Each shot shows the part of the page the README talks about (an entity
 * page is scrolled to our card), in the viewport only, to keep them small.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');
const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'plugins', 'data-infra', 'docs');

const shots = [
  { file: 'ownership-map.png', path: '/data-infra', ready: 'Apache Kafka' },
  { file: 'on-call.png', path: '/data-infra/on-call', ready: 'Escalation now' },
  { file: 'service-catalog.png', path: '/data-infra/services', ready: 'Apache Kafka' },
  { file: 'subteam-mlops.png', path: '/catalog/default/subteam/mlops', ready: 'Subteam overview', scrollTo: 'Subteam overview' },
  { file: 'dataservice-kafka.png', path: '/catalog/default/dataservice/kafka', ready: 'Escalation path', scrollTo: 'SLA' },
  { file: 'rotation.png', path: '/catalog/default/rotation/data-platform-oncall', ready: 'Participants, in order', scrollTo: 'Hands off' },
  { file: 'rotation-plan.png', path: '/data-infra/rotation-plan', ready: 'Due from' },
  { file: 'my-on-call.png', path: '/data-infra/me', ready: 'Services whose escalation reaches you now' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('navigation', { name: 'sidebar nav' }).waitFor({ state: 'attached' });
  const only = process.argv.slice(3);
  for (const shot of shots.filter(s => only.length === 0 || only.includes(s.file))) {
    await page.goto(`${base}${shot.path}`);
    await page.getByText(shot.ready).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    if (shot.scrollTo) {
      // The card's title at the top of the screen.
      await page
        .getByText(shot.scrollTo, { exact: true })
        .first()
        .evaluate(el => {
          const card = el.closest('.MuiCard-root');
          if (!card) return;
          card.style.scrollMarginTop = '24px';
          card.scrollIntoView({ block: 'start' });
        });
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(docs, shot.file) });
    console.log(`wrote ${path.join('plugins/data-infra/docs', shot.file)}`);
  }
} finally {
  await browser.close();
}
