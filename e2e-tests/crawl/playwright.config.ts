/*
 * The crawl on its own, against an instance that is already running
 * (scripts/crawl <baseURL> sets CRAWL_BASE_URL). No web server is started.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions, viewport } from '../chromium';

const baseURL = process.env.CRAWL_BASE_URL;
if (!baseURL) throw new Error('CRAWL_BASE_URL is not set; run scripts/crawl <baseURL>');

export default defineConfig({
  testDir: __dirname,
  testMatch: 'crawl.spec.ts',
  timeout: 30 * 60_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(__dirname, '..', 'results', 'crawl'),
  use: { baseURL, viewport, launchOptions: chromiumLaunchOptions },
});
