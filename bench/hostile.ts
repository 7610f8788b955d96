/*
 * /oncall and /map latency with a hostile Rotation in the catalog (issue 14):
 * the seeded catalog as it is, plus a PT1S rotation (which validation now
 * refuses, so it can only arrive by bypassing it: here the catalog is a mock
 * that does not validate), plus the worst rotation validation accepts
 * (PT15M, 100 participants, 500 overrides, 50 coverage windows). The data-infra
 * backend plugin runs in process (startTestBackend), answers are not reused
 * between requests (callerTtl 0) and every request asks about another
 * instant. Run through the toolchain:
 *
 *   scripts/with-toolchain node --require @backstage/cli/config/nodeTransform.cjs \
 *     bench/hostile.ts [--requests 300]
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { dataInfraPlugin } from '@data-infra/backstage-plugin-data-infra-backend/src/plugin';

const args = process.argv.slice(2);
const requests = Number(args[args.indexOf('--requests') + 1] || 300) || 300;

function seeded(): Entity[] {
  const out: Entity[] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (p.endsWith('.yaml') && !p.includes(`${path.sep}templates${path.sep}`)) {
        for (const doc of parseAllDocuments(fs.readFileSync(p, 'utf8'))) {
          const e = doc.toJS() as Entity | null;
          if (!e || e.kind === 'Location') continue;
          e.metadata.namespace ??= 'default';
          e.metadata.etag = `${e.metadata.name}-1`;
          out.push(e);
        }
      }
    }
  };
  walk(path.resolve(__dirname, '../catalog-info'));
  return out;
}

const rotation = (name: string, spec: Record<string, unknown>): Entity => ({
  apiVersion: 'data-infra.io/v1alpha1',
  kind: 'Rotation',
  metadata: { name, namespace: 'default', etag: `${name}-1` },
  spec: {
    owner: 'subteam:default/data-platform',
    timezone: 'Europe/Berlin',
    start: '2026-01-05T09:00',
    participants: ['user:default/lukas.weber', 'user:default/priya.raman'],
    ...spec,
  },
});

const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const worstValid = rotation('worst-valid', {
  shiftLength: 'PT15M',
  participants: Array.from({ length: 100 }, (_, i) => ['user:default/lukas.weber', 'user:default/priya.raman'][i % 2]),
  coverage: Array.from({ length: 50 }, (_, i) => ({ days: [['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][i % 7]], from: `${String(i % 24).padStart(2, '0')}:00`, to: `${String((i % 24) + 1).padStart(2, '0')}:00` })),
  overrides: Array.from({ length: 500 }, (_, i) => {
    const start = Date.UTC(2026, 0, 10) + i * 17 * 3_600_000;
    return { start: local(start), end: local(start + 5 * 3_600_000), user: 'user:default/samira.haddad', role: i % 2 ? 'secondary' : 'primary' };
  }),
});

async function measure(label: string, entities: Entity[]) {
  const { server } = await startTestBackend({
    features: [
      dataInfraPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: { dataInfra: { cache: { callerTtl: 0 } } } }),
    ],
  });
  const results: Record<string, string> = {};
  for (const route of ['/oncall', '/map']) {
    const times: number[] = [];
    // Warm-up (first load of the catalog state), then distinct instants.
    await request(server).get(`/api/data-infra${route}`);
    for (let i = 0; i < requests; i++) {
      const at = new Date(Date.UTC(2026, 2, 1) + i * 3_700_000).toISOString();
      const began = process.hrtime.bigint();
      const res = await request(server).get(`/api/data-infra${route}?at=${at}`);
      times.push(Number(process.hrtime.bigint() - began) / 1e6);
      if (res.status !== 200) throw new Error(`${route} answered ${res.status}`);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    results[route] = `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times[times.length - 1].toFixed(1)} ms`;
  }
  await server.stop?.();
  console.log(`${label.padEnd(46)} /oncall ${results['/oncall'].padEnd(40)} /map ${results['/map']}`);
}

async function main() {
  const base = seeded();
  console.log(`${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${requests} requests per route, each at another instant, answers not reused`);
  await measure('seeded catalog', base);
  await measure('+ a PT1S rotation (bypassing validation)', [...base, rotation('pt1s', { shiftLength: 'PT1S' })]);
  await measure('+ the worst valid rotation (PT15M, 100/500/50)', [...base, worstValid]);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
