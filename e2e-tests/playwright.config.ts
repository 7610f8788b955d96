/*
 * End-to-end tests against the real instance: the standard backend
 * (packages/backend, app-config.yaml) serving the built app, on a free port
 * chosen by scripts/test-e2e (E2E_PORT), driven in Debian's Chromium.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions, viewport } from './chromium';

const port = Number(process.env.E2E_PORT ?? 7007);
const baseURL = `http://localhost:${port}`;
const root = path.resolve(__dirname, '..');

/** Set by scripts/test-e2e when Prometheus is installed: the demo Prometheus's port. */
const prometheusPort = process.env.E2E_PROMETHEUS_PORT;

export default defineConfig({
  // The specs in tests/, and the crawl of every page (crawl/), which
  // scripts/crawl also runs on its own against another instance.
  testDir: __dirname,
  testMatch: ['tests/**/*.spec.ts', 'crawl/**/*.spec.ts'],
  // Waits for the catalog and the data-infra backend to have catalog-info/.
  globalSetup: require.resolve('./globalSetup'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(__dirname, 'results'),
  webServer: [
    // A month of the seed's exporter metrics with known incidents, first:
    // the backend measures SLAs against it.
    ...(prometheusPort
      ? [
          {
            command: `node --require @backstage/cli/config/nodeTransform.cjs packages/prometheus-testkit/src/dev.ts --port ${prometheusPort} --dir ${path.join(root, 'e2e-tests', 'results', 'prometheus')}`,
            cwd: root,
            url: `http://127.0.0.1:${prometheusPort}/-/ready`,
            reuseExistingServer: false,
            timeout: 120_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    {
      command: 'scripts/run-backend --config ../../app-config.yaml',
      cwd: root,
      url: `${baseURL}/.backstage/health/v1/readiness`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        // Same entry point and app-config.yaml as `make start`, moved to a
        // free port; the backend serves the built app (packages/app/dist).
        APP_CONFIG_backend_baseUrl: baseURL,
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_app_baseUrl: baseURL,
        APP_CONFIG_backend_cors_origin: baseURL,
        ...(prometheusPort
          ? { APP_CONFIG_dataInfra_metrics_prometheus_baseUrl: `http://127.0.0.1:${prometheusPort}` }
          : {}),
        NODE_ENV: 'development',
      },
    },
  ],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    viewport,
    launchOptions: chromiumLaunchOptions,
  },
});
