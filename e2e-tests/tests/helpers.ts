import { Page, expect } from '@playwright/test';
import path from 'node:path';

/** Screenshots land here (git-ignored) for a person to look at. */
export const screenshotDir = path.resolve(__dirname, '..', 'screenshots');

/** Signs in with the guest provider, as a person does on the sign-in page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  // The nav element itself has no box of its own; its links do.
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** A backend token for API calls, as the signed-in guest's frontend gets it. */
export async function guestToken(baseURL: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest refresh answered ${res.status}`);
  const body = await res.json();
  return body.backstageIdentity.token;
}
