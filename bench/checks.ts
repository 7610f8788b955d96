/*
 * Times checkCatalog (the findings behind /checks, /services and the map's
 * worst finding) over a generated catalog, outside the backend: the backend
 * computes it on its event loop after every change of our entities, so its
 * time is a pause every request waits out. Run through the toolchain:
 *
 *   scripts/with-toolchain node --require @backstage/cli/config/nodeTransform.cjs \
 *     bench/checks.ts [--total 50000] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import { checkCatalog, DEFAULT_DOMAINS } from '@data-infra/backstage-plugin-data-infra-common';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const total = Number(opt('total', '50000'));
const runs = Number(opt('runs', '3'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checks-'));
execFileSync('node', [path.join(__dirname, 'generate.mjs'), '--out', dir, '--total', String(total)]);
const entities: Entity[] = [];
const read = (folder: string) => {
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (fs.statSync(file).isDirectory()) read(file);
    else if (file.endsWith('.yaml')) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const entity = doc.toJS() as Entity | null;
        if (!entity || entity.kind === 'Location') continue;
        // As the catalog serves them: namespaced, with an etag.
        entity.metadata.namespace ??= 'default';
        entity.metadata.etag = 'generated';
        entities.push(entity);
      }
    }
  }
};
read(dir);
fs.rmSync(dir, { recursive: true });

const domains = DEFAULT_DOMAINS.map(d => d.id);
const now = Date.parse('2026-11-23T00:00:00Z');
const times: number[] = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  findings = checkCatalog(entities, { domains, now }).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    entities: entities.length,
    findings,
    runs,
    medianMs: Math.round(times[Math.floor(runs / 2)]),
    minMs: Math.round(times[0]),
    maxMs: Math.round(times[runs - 1]),
  }),
);
