/*
 * "My on-call" (issue 17): the dev guest, Priya Raman, opens
 * /data-infra/me and sees her next shifts and the services whose
 * escalation reaches her now, at the level the catalog puts her; she gets
 * her personal calendar link and a calendar client fetches it without any
 * Backstage token. What she should see is computed here from the catalog
 * (read through the catalog API) with the common package's functions, for
 * the very instant and window the page asked about, so nothing drifts with
 * the date.
 */
import { test, expect, Page } from '@playwright/test';
import type { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';
import path from 'node:path';
import {
  entityRefOf,
  escalationPathAt,
  isDataServiceEntity,
  isRotationEntity,
  PersonOnCallResponse,
  rotationShifts,
} from '../../plugins/data-infra-common/src';
import { guestToken, screenshotDir, signInAsGuest } from './helpers';

const PRIYA = 'user:default/priya.raman';
/** The viewer's zone: not the rotation's, so the page must convert. */
const VIEWER_ZONE = 'America/New_York';

test.use({ timezoneId: VIEWER_ZONE });

/** Every entity of these kinds, as the catalog API lists them to the guest. */
async function catalog(baseURL: string, kinds: string[]): Promise<Entity[]> {
  const token = await guestToken(baseURL);
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '500' });
    if (cursor) params.set('cursor', cursor);
    else for (const kind of kinds) params.append('filter', `kind=${kind}`);
    const res = await fetch(`${baseURL}/api/catalog/entities/by-query?${params}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    items.push(...body.items);
    cursor = body.pageInfo?.nextCursor;
  } while (cursor);
  return items;
}

/** 'Mon 7 Dec, 09:00' in the viewer's zone, as the page's tables write instants. */
const local = (ms: number) => DateTime.fromMillis(ms, { zone: VIEWER_ZONE }).setLocale('en-GB').toFormat('ccc d LLL, HH:mm');

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

test("My on-call shows Priya's next shifts, the services whose escalation reaches her and her personal calendar link", async ({ page, baseURL }) => {
  await signInAsGuest(page);
  const answered = page.waitForResponse(r => r.url().includes('/api/data-infra/people/default/priya.raman/oncall') && r.ok());
  await page.goto('/data-infra/me');
  const answer: PersonOnCallResponse = await (await answered).json();
  const at = Date.parse(answer.at);
  const from = Date.parse(answer.from);
  const to = Date.parse(answer.to);
  // The page asks for four weeks from the start of the viewer's day.
  expect(DateTime.fromMillis(from, { zone: VIEWER_ZONE }).toFormat('HH:mm')).toBe('00:00');
  expect(to - from).toBeGreaterThanOrEqual(28 * 86_400_000 - 3_600_000);

  // What the catalog says, for that instant and window.
  const entities = await catalog(baseURL!, ['Rotation', 'DataService', 'Subteam', 'User']);
  const byRef = new Map(entities.map(e => [entityRefOf(e), e]));
  const lookup = (ref: string) => byRef.get(ref.toLocaleLowerCase('en-US'));
  const rotations = entities.filter(isRotationEntity);
  const expectedShifts = rotations
    .flatMap(rotation => rotationShifts(rotation, from, to).shifts.map(shift => ({ rotation, shift })))
    .filter(({ shift }) => shift.user === PRIYA)
    .sort((a, b) => a.shift.start - b.shift.start);
  expect(expectedShifts.length, 'catalog-info/ gives Priya shifts in any four weeks').toBeGreaterThan(0);
  const expectedEscalations = entities
    .filter(isDataServiceEntity)
    .map(service => {
      const path = escalationPathAt(service, at, lookup);
      const levels = path.levels.filter(l => l.people.some(p => p.user === PRIYA));
      return { title: service.metadata.title ?? service.metadata.name, levels, count: path.levels.length };
    })
    .filter(e => e.levels.length > 0)
    .sort((a, b) => a.levels[0].index - b.levels[0].index || a.title.localeCompare(b.title, 'en'));
  expect(expectedEscalations.length, "some service's path reaches Priya now").toBeGreaterThan(0);

  // Her shifts: one row each, in order, the one under way marked now.
  const shiftRows = page.getByRole('table', { name: 'Next shifts' }).getByRole('row');
  await expect(shiftRows).toHaveCount(expectedShifts.length + 1);
  for (const [i, { rotation, shift }] of expectedShifts.entries()) {
    const row = shiftRows.nth(i + 1);
    await expect(row).toContainText(rotation.metadata.title ?? rotation.metadata.name);
    await expect(row).toContainText(shift.role);
    // Starts may reach back before the window (the shift under way); ends are the window's.
    await expect(row.getByRole('cell').nth(3)).toHaveText(local(shift.end));
  }
  const current = expectedShifts.find(({ shift }) => shift.start <= at && at < shift.end);
  if (current) {
    await expect(page.getByText(new RegExp(`^${current.shift.role === 'primary' ? 'Primary' : 'Secondary'} in ${current.rotation.metadata.title} until`))).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /^Timeline of the shifts/ }).first()).toBeVisible();

  // The services, at the level the catalog puts her.
  const services = page.getByRole('table', { name: 'Services whose escalation reaches you now' }).getByRole('row');
  await expect(services).toHaveCount(Math.min(expectedEscalations.length, 100) + 1);
  for (const [i, expected] of expectedEscalations.slice(0, 100).entries()) {
    const row = services.nth(i + 1);
    await expect(row.getByRole('cell').first()).toHaveText(expected.title);
    for (const level of expected.levels) {
      await expect(row).toContainText(`Level ${level.index + 1} of ${expected.count}`);
    }
  }
  await expect(page.getByRole('tab', { name: 'My on-call' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'my-on-call');

  // Her personal calendar link, fetched as a calendar client does: no token.
  await page.getByRole('button', { name: 'Get my calendar link' }).click();
  const link = await page.getByRole('textbox', { name: 'Calendar link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/api/data-infra/calendar-feeds/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\.ics$`));
  await page.getByRole('textbox', { name: 'Calendar link' }).scrollIntoViewIfNeeded();
  await shot(page, 'my-on-call-calendar-link');
  const feed = await fetch(link);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text).toMatch(/\r\nNAME:Priya Raman on-call\r\n/);
  // Her shifts only, from every rotation that names her; the next one among them.
  const users = [...text.matchAll(/\r\nX-DATA-INFRA-USER:(.*)\r\n/g)].map(m => m[1]);
  expect(users.length).toBeGreaterThan(0);
  expect(new Set(users)).toEqual(new Set([PRIYA]));
  const next = expectedShifts.find(({ shift }) => shift.start > at);
  if (next) {
    const start = DateTime.fromMillis(next.shift.start, { zone: next.rotation.spec.timezone }).toFormat("yyyyLLdd'T'HHmmss");
    expect(text).toContain(`DTSTART;TZID=${next.rotation.spec.timezone}:${start}`);
  }

  // Revoked on the page, the link stops working at once.
  await page.getByRole('button', { name: 'Revoke calendar link' }).click();
  await expect(page.getByText(/Your calendar link was revoked/)).toBeVisible();
  expect((await fetch(link)).status).toBe(401);
});

test("Priya's User page has her on-call card", async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/user/priya.raman');
  const card = page.locator('article, [class*="MuiCard-root"]').filter({ hasText: 'Escalation reaches them' }).first();
  await expect(card).toBeVisible();
  await expect(card.getByRole('table', { name: 'Next shifts' })).toBeVisible();
  await expect(card.getByText(/^(Primary|Secondary) in Data Platform on-call until/)).toBeVisible();
  // Her own page: her calendar link and the way to the whole page.
  await expect(card.getByRole('button', { name: 'Get my calendar link' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'my-on-call-user-card');
});
