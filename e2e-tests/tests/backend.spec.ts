import { test, expect } from '@playwright/test';
import { guestToken } from './helpers';

// The real backend (packages/backend with app-config.yaml) was started by
// the Playwright webServer and answered its readiness probe before this runs.
test.describe('the standard backend', () => {
  test('is ready and serves the organisation from catalog-info/ with no processing errors', async ({ baseURL }) => {
    const ready = await fetch(`${baseURL}/.backstage/health/v1/readiness`);
    expect(ready.status).toBe(200);

    const token = await guestToken(baseURL!);
    const get = async (path: string) => {
      const res = await fetch(`${baseURL}/api/catalog${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      return res.json();
    };

    // Ingestion runs in the background: wait until the org is stitched.
    let group: any;
    await expect
      .poll(async () => {
        const res = await fetch(`${baseURL}/api/catalog/entities/by-name/group/default/data-infrastructure`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        group = res.ok ? await res.json() : undefined;
        return group?.relations?.length ?? 0;
      }, { timeout: 60_000 })
      .toBeGreaterThan(0);

    expect(group.spec.profile.displayName).toBe('Data Infrastructure');
    // The group can be stitched before every one of its users is.
    let users: any;
    await expect
      .poll(async () => {
        users = await get('/entities/by-query?filter=kind=user&limit=100');
        return users.items.filter((u: any) => u.relations?.some((r: any) => r.targetRef === 'group:default/data-infrastructure')).length;
      }, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(9);
    const userNames = users.items.map((u: any) => u.metadata.name);
    expect(userNames).toContain('samira.haddad');
    expect(userNames.length).toBeGreaterThanOrEqual(9); // the lead and eight engineers
    for (const user of users.items) {
      expect(user.relations.map((r: any) => r.targetRef)).toContain('group:default/data-infrastructure');
    }

    // Processing errors show on the entities' status; none anywhere.
    const all = await get('/entities/by-query?limit=500&fields=kind,metadata.name,status');
    const errors = all.items.flatMap((e: any) =>
      (e.status?.items ?? []).filter((i: any) => i.level === 'error').map((i: any) => `${e.kind}:${e.metadata.name}: ${i.error?.message}`),
    );
    expect(errors).toEqual([]);
  });
});
