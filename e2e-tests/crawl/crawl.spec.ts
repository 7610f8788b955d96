/*
 * The crawl: signs in as a person does (the guest "Enter" button), opens
 * every page the data-infra plugins add, the search and create pages, and
 * the entity page of every Subteam, DataService and Rotation the instance's
 * catalog lists (with every tab of the first one of each kind), and the
 * signed-in user's own User page where the catalog has one (its on-call
 * card), and fails
 * on any error panel, uncaught page error, console error of our plugins,
 * API answer of 400 or more, or a page still loading after 30 seconds. On
 * the first Rotation it also opens the calendar link the card makes on click.
 *
 * `make test` runs it against this repository's app (the Playwright config's
 * backend), where the entity list must also equal catalog-info/;
 * `scripts/crawl <baseURL>` runs it against any running instance.
 */
import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { catalogEntities, dataInfraServiceCount, declaredEntities, entityPath, refOf, signedInUserPage } from './entities';
import { PageWatcher, Problem } from './watch';

const root = path.resolve(__dirname, '..', '..');
const screenshotDir = path.resolve(
  process.env.CRAWL_SCREENSHOT_DIR ?? path.join(root, 'e2e-tests', 'screenshots', 'crawl'),
);
/** Set by scripts/crawl: another instance, whose catalog is not catalog-info/. */
const externalTarget = Boolean(process.env.CRAWL_BASE_URL);

/** The pages the data-infra plugins add, and the app pages they show up in. */
const PLUGIN_PAGES = [
  { path: '/data-infra', shot: 'map' },
  { path: '/data-infra/on-call', shot: 'on-call' },
  { path: '/data-infra/services', shot: 'services' },
  { path: '/data-infra/rotation-plan', shot: 'rotation-plan' },
  { path: '/data-infra/me', shot: 'my-on-call' },
  { path: '/search?query=kafka', shot: 'search-kafka' },
  { path: '/create', shot: 'create' },
];

const SETTLE_TIMEOUT_MS = 30_000;

/** Signs in with the sign-in page's guest "Enter" button. */
async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(enter).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'sidebar nav' })).toBeAttached();
}

/**
 * Waits until the page has no API request open and shows no progress bar
 * for half a second; false if that never happens.
 */
async function settle(page: Page, watcher: PageWatcher): Promise<boolean> {
  await page.waitForLoadState('load');
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let quietSince: number | undefined;
  while (Date.now() < deadline) {
    const loading = await page
      .locator('[data-testid="progress"], [role="progressbar"]')
      .evaluateAll(els => els.filter(el => (el as HTMLElement).offsetParent !== null).length);
    if (loading === 0 && watcher.pendingRequests() === 0) {
      quietSince ??= Date.now();
      if (Date.now() - quietSince >= 500) return true;
    } else {
      quietSince = undefined;
    }
    await page.waitForTimeout(150);
  }
  return false;
}

/** What a person would read as "this page is broken". */
async function visibleFailures(page: Page): Promise<string[]> {
  const failures: string[] = [];
  // ErrorPanel and ResponseErrorPanel: a WarningPanel (role alert) titled "Error: …".
  for (const text of await page.getByRole('alert').allInnerTexts()) {
    if (/^\s*Error\b/.test(text)) failures.push(`error panel: ${text.trim().split('\n')[0].slice(0, 300)}`);
  }
  const body = await page.locator('body').innerText();
  if (/\bERROR 404\b/.test(body)) failures.push('page not found (ERROR 404)');
  if (/Entity not found/.test(body)) failures.push('entity not found');
  return failures;
}

/**
 * Opens a page and judges it. `inApp` navigates as a link click does, without
 * reloading the app (react-router follows the history), which is how a person
 * moves between entity pages and keeps the crawl fast.
 */
async function visit(
  page: Page,
  watcher: PageWatcher,
  target: { label: string; path: string; shot?: string; inApp?: boolean },
) {
  watcher.visiting(target.label);
  if (target.inApp) {
    await page.evaluate(p => {
      window.history.pushState({}, '', p);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, target.path);
  } else {
    await page.goto(target.path);
  }
  if (!(await settle(page, watcher))) {
    watcher.problems.push({ page: target.label, what: `still loading after ${SETTLE_TIMEOUT_MS / 1000} s` });
  }
  for (const what of await visibleFailures(page)) watcher.problems.push({ page: target.label, what });
  if (target.shot) {
    await page.screenshot({ path: path.join(screenshotDir, `${target.shot}.png`), fullPage: true });
  }
}

/**
 * The entity page's tabs other than the one shown (Escalation, On call…), as
 * paths: links below the entity's own path (the new frontend system's header
 * navigation and the legacy app's tabs both are such links).
 */
async function tabPaths(page: Page, entityPage: string): Promise<string[]> {
  const hrefs = await page
    .locator(`a[href^="${entityPage}/"]`)
    .evaluateAll(links => links.map(l => l.getAttribute('href')!));
  return [...new Set(hrefs.map(h => new URL(h, page.url()).pathname))];
}

/**
 * What a card shows only after a click, on the first entity of a kind: the
 * Rotation card's calendar subscription ("Get my calendar link" makes the
 * signed-in person's link, or shows the one they have; the crawl does not
 * revoke it, so a link someone uses keeps working).
 */
async function openClickOnlyParts(page: Page, watcher: PageWatcher, label: string, kind: string) {
  if (kind !== 'rotation') return;
  const button = page.getByRole('button', { name: 'Get my calendar link' });
  if ((await button.count()) === 0) {
    watcher.problems.push({ page: label, what: 'no "Get my calendar link" button on the Rotation card' });
    return;
  }
  watcher.visiting(`${label} (calendar link)`);
  await button.click();
  const shown = page.getByRole('textbox', { name: 'Calendar link' });
  const failed = page.getByRole('alert');
  await expect(shown.or(failed).first()).toBeVisible({ timeout: SETTLE_TIMEOUT_MS });
  await settle(page, watcher);
  if (!(await shown.isVisible())) {
    watcher.problems.push({ page: `${label} (calendar link)`, what: `no link: ${(await failed.allInnerTexts()).join(' ')}` });
  }
  for (const what of await visibleFailures(page)) watcher.problems.push({ page: `${label} (calendar link)`, what });
  await shown.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, `${kind}-calendar-link.png`), fullPage: true });
}

const report = (problems: Problem[]) =>
  problems.map(p => `  ${p.page}: ${p.what}`).join('\n');

test('every data-infra page and entity page opens without a problem', async ({ page, baseURL }) => {
  test.setTimeout(30 * 60_000);
  fs.mkdirSync(screenshotDir, { recursive: true });
  const watcher = new PageWatcher(page);
  await signIn(page);

  const entities = await catalogEntities(baseURL!);
  if (!externalTarget) {
    // Ingestion runs in the background: wait until catalog-info/ is all in.
    const declared = declaredEntities(root);
    let listed = entities;
    await expect
      .poll(async () => (listed = await catalogEntities(baseURL!)).map(refOf), { timeout: 120_000 })
      .toEqual(declared);
    entities.splice(0, entities.length, ...listed);
  }
  expect(entities.length, 'the catalog lists no Subteam, DataService or Rotation').toBeGreaterThan(0);
  // The data-infra backend follows the catalog within its refresh interval.
  const services = entities.filter(e => e.kind.toLocaleLowerCase('en-US') === 'dataservice').length;
  await expect.poll(() => dataInfraServiceCount(baseURL!), { timeout: 120_000 }).toBe(services);

  for (const target of PLUGIN_PAGES) {
    await test.step(target.path, () => visit(page, watcher, { label: target.path, ...target }));
  }

  const firstOfKind = new Set<string>();
  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const first = !firstOfKind.has(kind);
    firstOfKind.add(kind);
    const label = refOf(entity);
    const entityPage = entityPath(entity);
    await test.step(label, async () => {
      await visit(page, watcher, { label, path: entityPage, shot: first ? kind : undefined, inApp: true });
      if (!first) return;
      await openClickOnlyParts(page, watcher, label, kind);
      // Every tab of the first entity of each kind (ours are Escalation and On call).
      for (const tab of await tabPaths(page, entityPage)) {
        const name = tab.split('/').pop();
        await visit(page, watcher, { label: `${label} ${tab}`, path: tab, shot: `${kind}-${name}`, inApp: true });
      }
    });
  }

  // The signed-in user's own page, for its on-call card; in apps whose
  // guest has no User entity (create-app's) there is none to open.
  const userPage = await signedInUserPage(baseURL!);
  if (userPage) {
    await test.step(userPage.ref, () =>
      visit(page, watcher, { label: userPage.ref, path: userPage.path, shot: 'user', inApp: true }),
    );
  }

  const counts = [...watcher.dataInfraRequests].map(([p, urls]) => `  ${urls.length}  ${p}`).join('\n');
  console.log(`crawl: ${PLUGIN_PAGES.length} pages and ${entities.length} entities; data-infra API requests per page:\n${counts}`);
  if (watcher.otherConsoleErrors.length > 0) {
    console.log(`crawl: console errors not from data-infra (not failed):\n${report(watcher.otherConsoleErrors)}`);
  }
  expect(watcher.problems, `problems found:\n${report(watcher.problems)}`).toEqual([]);
});
