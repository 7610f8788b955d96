/*
 * Production shape: two backend replicas on one PostgreSQL database, run as
 * production runs them (NODE_ENV=production, app-config.production.yaml),
 * must sign people in with GitLab only, give the same answers, share one
 * search index on the PostgreSQL engine (with the Domain filter), see the
 * same catalog changes, and lose nothing when one stops. Skipped, with the
 * reason, where no PostgreSQL server is reachable.
 *
 * Sign-in in this test: GitLab is not reachable from here, so the test calls
 * the APIs with a static external-access token that only its own config file
 * defines (see `testToken` below); no user signs in.
 */
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { screenshotDir } from './helpers';
import { BackendProcess, copyCatalog, freePort, reachable, repoRoot } from './replicas';

const pg = {
  host: process.env.POSTGRES_HOST ?? '127.0.0.1',
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER ?? 'postgres',
  password: process.env.POSTGRES_PASSWORD ?? '',
};

test.describe.configure({ mode: 'serial', timeout: 600_000 });

test('two replicas on one PostgreSQL database answer identically and survive one stopping', async ({ page }) => {
  const up = await reachable(pg.host, pg.port);
  test.skip(!up, `no PostgreSQL server reachable at ${pg.host}:${pg.port} (set POSTGRES_HOST/POSTGRES_PORT); skipping the replica test`);

  // One database per run, a schema per plugin inside it; dropped at the end.
  const database = `data_infra_replicas_${Date.now()}_${process.pid}`;
  const admin = new Client({ ...pg, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);

  const catalogDir = copyCatalog();
  const configFile = path.join(path.dirname(catalogDir), 'app-config.replicas.yaml');
  // The test-only sign-in path: production signs people in with GitLab,
  // which this machine cannot reach, and refuses guests. The test calls the
  // APIs with a static token of its own instead (Backstage's external
  // access: a service principal, which the allow-all policy lets read
  // everything), configured in this file only.
  const testToken = randomBytes(24).toString('hex');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        database: { pluginDivisionMode: 'schema', connection: { database } },
        auth: { externalAccess: [{ type: 'static', options: { token: testToken, subject: 'replica-test' } }] },
      },
      catalog: {
        locations: [{ type: 'file', target: path.join(catalogDir, 'all.yaml') }],
        processingInterval: { seconds: 2 },
      },
      // Each replica follows the database within this many seconds.
      dataInfra: { cache: { refresh: 2 } },
    }),
  );
  // The production configuration, as a deployment runs it: PostgreSQL from
  // the POSTGRES_* variables, the pg search engine; the file above only adds
  // this run's database, the test catalog and faster refreshes.
  const production = path.join(repoRoot, 'app-config.production.yaml');
  const env = {
    NODE_ENV: 'production',
    POSTGRES_HOST: pg.host,
    POSTGRES_PORT: String(pg.port),
    POSTGRES_USER: pg.user,
    POSTGRES_PASSWORD: pg.password,
    AUTH_GITLAB_URL: 'https://gitlab.example.com',
    AUTH_GITLAB_CLIENT_ID: 'replica-test-client',
    AUTH_GITLAB_CLIENT_SECRET: 'replica-test-secret',
  };
  const replicas = [
    new BackendProcess(await freePort(), [production, configFile], env),
    new BackendProcess(await freePort(), [production, configFile], env),
  ];
  try {
    // One after the other: the first creates the schemas, as in a rollout.
    for (const replica of replicas) await replica.start();
    const tokens = replicas.map(() => testToken);

    // Production sign-in: guests are refused, GitLab is offered and sends
    // the browser to the configured GitLab with this deployment's client.
    await expect(replicas[0].guestToken()).rejects.toThrow(/guest refresh on \d+ answered (403|501)/);
    const start = await fetch(`${replicas[0].baseUrl}/api/auth/gitlab/start?env=production&scope=read_user`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://gitlab.example.com/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe('replica-test-client');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${replicas[0].baseUrl}/api/auth/gitlab/handler/frame`);
    await page.goto(replicas[0].baseUrl);
    await expect(page.getByText('Sign in with your GitLab account')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);
    await page.screenshot({ path: path.join(screenshotDir, 'production-sign-in.png') });

    // Wait for both to see the whole seeded catalog.
    await expect
      .poll(async () => (await replicas[0].get('/api/data-infra/services?limit=200', tokens[0])).body.totalItems ?? 0, { timeout: 120_000 })
      .toBeGreaterThan(30);

    const at = '2026-03-10T12:00:00Z';
    for (const route of [`/api/data-infra/escalation?entityRef=dataservice:default/kafka&at=${at}`, `/api/data-infra/oncall?at=${at}`, '/api/data-infra/map']) {
      // Each replica refreshes its own state of the catalog (every 2 s here)
      // while the catalog is still stitching: they agree once both have.
      const both = async () => {
        const [a, b] = await Promise.all(replicas.map((r, i) => r.get(route, tokens[i])));
        expect(a.status, route).toBe(200);
        // /map is computed for "now": compare everything but its instant.
        const { at: _a, ...bodyA } = a.body;
        const { at: _b, ...bodyB } = b.body;
        return { bodyA, bodyB };
      };
      await expect
        .poll(async () => {
          const { bodyA, bodyB } = await both();
          return JSON.stringify(bodyA) === JSON.stringify(bodyB) ? 'identical' : JSON.stringify({ bodyA, bodyB }).slice(0, 2000);
        }, { message: `${route} answers the same on both replicas`, timeout: 60_000 })
        .toBe('identical');
    }

    // Search runs on the PostgreSQL engine here (one index in the shared
    // database, written by whichever replica runs the collator): both
    // replicas find MLflow under its domain and not under another.
    const mlflowIn = async (replica: BackendProcess, token: string, domain: string) => {
      const { status, body } = await replica.get(`/api/search/query?term=mlflow&types[0]=software-catalog&filters[domain]=${domain}`, token);
      expect(status, `search with domain ${domain}`).toBe(200);
      return body.results.some((r: any) => r.document.location === '/catalog/default/dataservice/mlflow');
    };
    for (const [i, replica] of replicas.entries()) {
      await expect.poll(() => mlflowIn(replica, tokens[i], 'mlops'), { message: 'MLflow is found under MLOps', timeout: 120_000 }).toBe(true);
      expect(await mlflowIn(replica, tokens[i], 'data-platform'), 'MLflow is not under Data Platform').toBe(false);
    }
    // The index those answers came from is the one in PostgreSQL.
    const indexed = new Client({ ...pg, database });
    await indexed.connect();
    try {
      const { rows } = await indexed.query(`SELECT count(*)::int AS n FROM search.documents WHERE document->>'location' = '/catalog/default/dataservice/mlflow'`);
      expect(rows[0].n, 'MLflow is in the PostgreSQL search index').toBe(1);
    } finally {
      await indexed.end();
    }

    // A change to a Rotation file reaches both replicas after a refresh.
    const rotationFile = path.join(catalogDir, 'rotations', 'data-platform-oncall.yaml');
    const original = fs.readFileSync(rotationFile, 'utf8');
    const participants = /participants:\s*\n((?:\s+- .*\n)+)/.exec(original);
    expect(participants, 'the rotation lists its participants as a block').not.toBeNull();
    const lines = participants![1].trimEnd().split('\n');
    const swapped = original.replace(participants![1], `${[...lines].reverse().join('\n')}\n`);
    fs.writeFileSync(rotationFile, swapped);
    const onCallAt = `/api/data-infra/oncall?at=${at}`;
    const primary = (body: any) =>
      body.rotations.find((r: any) => r.rotation.ref === 'rotation:default/data-platform-oncall')?.onCall.find((o: any) => o.role === 'primary')?.user.ref;
    const before = primary((await replicas[0].get(onCallAt, tokens[0])).body);
    expect(await replicas[1].post('/api/catalog/refresh', tokens[1], { entityRef: 'rotation:default/data-platform-oncall' })).toBeLessThan(300);
    for (const [i, replica] of replicas.entries()) {
      await expect.poll(async () => primary((await replica.get(onCallAt, tokens[i])).body), { timeout: 120_000 }).not.toBe(before);
    }

    // Stopping one replica loses nothing: the other answers as before.
    const servicesBefore = (await replicas[1].get('/api/data-infra/services?limit=200', tokens[1])).body;
    const mapBefore = (await replicas[1].get('/api/data-infra/map', tokens[1])).body;
    await replicas[0].stop();
    const servicesAfter = (await replicas[1].get('/api/data-infra/services?limit=200', tokens[1])).body;
    expect(servicesAfter.totalItems).toBe(servicesBefore.totalItems);
    expect((await replicas[1].get('/api/data-infra/map', tokens[1])).body.totals).toEqual(mapBefore.totals);
  } finally {
    for (const replica of replicas) await replica.stop();
    fs.rmSync(path.dirname(catalogDir), { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});
