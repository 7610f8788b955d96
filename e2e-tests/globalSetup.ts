/*
 * Before the first test: the instance has read catalog-info/ and the
 * data-infra backend answers from it (its state follows the catalog within
 * dataInfra.cache.refresh seconds of a start), so no test sees a catalog
 * still loading.
 */
import type { FullConfig } from '@playwright/test';
import path from 'node:path';
import { catalogEntities, dataInfraServiceCount, declaredEntities, refOf } from './crawl/entities';

const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const declared = declaredEntities(root);
  const services = declared.filter(ref => ref.startsWith('dataservice:')).length;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const listed = (await catalogEntities(baseURL)).map(refOf);
    const answered = await dataInfraServiceCount(baseURL);
    if (listed.length === declared.length && answered === services) return;
    if (Date.now() > deadline) {
      throw new Error(
        `after 3 minutes the catalog lists ${listed.length} of ${declared.length} declared entities and /api/data-infra/services ${answered} of ${services} DataServices`,
      );
    }
    await sleep(1000);
  }
}
