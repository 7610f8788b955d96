#!/usr/bin/env node
/*
 * Writes a synthetic catalog as catalog-info files, in the seed's shape:
 * Subteams in domains, each with members, a weekly 2-deep Rotation (or, like
 * the seed's MLOps and BI, none), DataServices with SLAs and dependencies,
 * stakeholder Groups and Users.
 *
 *   node bench/generate.mjs --out DIR [--services N] [--rotations N] [--subteams N]
 *                           [--total N] [--plain]
 *
 * --total N spreads N entities over the seed's proportions (of the 68
 * entities in catalog-info/: 42 DataServices, 2 Rotations, 4 Subteams,
 * 9 Users, 11 Groups). --plain writes the same entities as plain Backstage
 * kinds (DataService → Component, Subteam → Group, Rotation → Resource, with
 * the same fields) for comparison. --indicators N gives every DataService
 * an availability indicator on the Prometheus counters bench_requests_total
 * and bench_errors_total of shard (service number mod N), for bench/sla.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = opt('out');
if (!out) {
  console.error('generate: --out DIR is required');
  process.exit(2);
}
const plain = args.includes('--plain');
const shards = opt('indicators') ? Number(opt('indicators')) : 0;
const indicatorsOf = (i) => {
  const shard = `shard="${i % shards}"`;
  return { availability: { good: `sum(rate(bench_requests_total{${shard}}[{{.window}}])) - sum(rate(bench_errors_total{${shard}}[{{.window}}]))`, total: `sum(rate(bench_requests_total{${shard}}[{{.window}}]))` } };
};
const total = opt('total') ? Number(opt('total')) : undefined;
const share = (part) => Math.max(1, Math.round((total * part) / 68));
const counts = total
  ? { services: share(42), rotations: share(2), subteams: share(4), users: share(9), groups: share(11) }
  : {
      services: Number(opt('services', 10000)),
      rotations: Number(opt('rotations', 1000)),
      subteams: Number(opt('subteams', 200)),
    };
counts.users ??= Math.max(counts.subteams * 2, counts.rotations * 2);
counts.groups ??= Math.max(4, Math.round(counts.subteams / 2));

const domains = ['data-platform', 'data-engineering', 'mlops', 'bi-services'];
const types = ['storage', 'streaming', 'orchestration', 'compute', 'ingestion', 'quality', 'metadata', 'feature-store', 'model-serving', 'query-engine', 'olap', 'bi-dashboard', 'cache'];
const pad = (n) => String(n).padStart(5, '0');
const docs = { org: [], subteams: [], rotations: [], services: [] };

for (let g = 0; g < counts.groups; g++) {
  docs.org.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: `stakeholders-${pad(g)}` }, spec: { type: 'team', children: [] } });
}
docs.org.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'data-infrastructure' }, spec: { type: 'team', children: [] } });
for (let u = 0; u < counts.users; u++) {
  docs.org.push({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: `engineer-${pad(u)}` }, spec: { profile: { displayName: `Engineer ${u}` }, memberOf: ['data-infrastructure'] } });
}
const user = (i) => `user:default/engineer-${pad(i % counts.users)}`;
const subteamMembers = (s) => [user(2 * s), user(2 * s + 1)];
// Rotations go to the first subteams, as the seed starts with two of four.
const rotationOf = (s) => (s < counts.rotations ? `rotation:default/oncall-${pad(s)}` : undefined);

for (let s = 0; s < counts.subteams; s++) {
  const members = subteamMembers(s);
  const rotation = rotationOf(s);
  const levels = rotation
    ? [
        { after: 'PT0M', target: { rotation, role: 'primary' } },
        { after: 'PT15M', target: { rotation, role: 'secondary' } },
        { after: 'PT30M', target: { user: user(0) } },
      ]
    : [
        { after: 'PT0M', target: { user: members[0] } },
        { after: 'PT10M', target: { user: members[1] } },
      ];
  docs.subteams.push({ apiVersion: 'data-infra.io/v1alpha1', kind: 'Subteam', metadata: { name: `subteam-${pad(s)}`, description: `Subteam ${s}` }, spec: { domain: domains[s % 4], parent: 'group:default/data-infrastructure', members, stakeholders: [`group:default/stakeholders-${pad(s % counts.groups)}`], contact: { chat: `#subteam-${s}` }, handles: ['Outages'], escalation: { levels } } });
}
for (let r = 0; r < counts.rotations; r++) {
  const s = r % counts.subteams;
  docs.rotations.push({ apiVersion: 'data-infra.io/v1alpha1', kind: 'Rotation', metadata: { name: `oncall-${pad(r)}` }, spec: { owner: `subteam:default/subteam-${pad(s)}`, timezone: ['Europe/Berlin', 'America/Chicago', 'Asia/Tokyo'][r % 3], start: '2026-01-05T09:00', shiftLength: 'P1W', participants: subteamMembers(s) } });
}
for (let i = 0; i < counts.services; i++) {
  const s = i % counts.subteams;
  const tier = (i % 3) + 1;
  const deps = i > 0 ? [`dataservice:default/service-${pad(Math.floor(i / 2))}`] : [];
  docs.services.push({ apiVersion: 'data-infra.io/v1alpha1', kind: 'DataService', metadata: { name: `service-${pad(i)}`, title: `Service ${i}`, description: `Synthetic service ${i}`, tags: ['synthetic'] }, spec: { type: types[i % types.length], lifecycle: 'production', owner: `subteam:default/subteam-${pad(s)}`, tier, technology: 'Synthetic', dependsOn: deps, consumers: [`group:default/stakeholders-${pad(i % counts.groups)}`], runbook: `https://runbooks.example.com/service-${i}`, sla: { availability: [99.95, 99.9, 99.5][tier - 1], window: '30d', supportHours: { type: '24x7' }, responseTime: { sev1: 'PT15M', sev2: 'PT1H', sev3: 'P1D' }, ...(shards ? { indicators: indicatorsOf(i) } : {}) } } });
}

/*
 * The plain variant: each entity of ours as the Backstage kind closest to it,
 * with every field it has. Backstage's kind schemas accept extra spec fields
 * and the catalog stores and indexes them like any other, so the two
 * catalogs hold the same data; what differs is our processor (validation)
 * and the relations it emits that the built-in kinds do not have
 * (serves/consumerOf, hasParticipant/participatesIn, escalatesTo/For).
 */
const PLAIN_KIND = { Subteam: 'Group', DataService: 'Component', Rotation: 'Resource' };
const PLAIN_REF = { 'subteam:': 'group:', 'dataservice:': 'component:', 'rotation:': 'resource:' };
const plainRefs = (value) =>
  typeof value === 'string'
    ? value.replace(/^(subteam|dataservice|rotation):/, (m) => PLAIN_REF[m])
    : Array.isArray(value)
      ? value.map(plainRefs)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainRefs(v)]))
        : value;
function toPlain(doc) {
  if (!PLAIN_KIND[doc.kind]) return doc;
  const spec = plainRefs(doc.spec);
  if (doc.kind === 'Subteam') Object.assign(spec, { type: 'team', children: [], members: spec.members.map((m) => m.replace('user:default/', '')) });
  if (doc.kind === 'Rotation') spec.type = 'rotation';
  return { ...doc, apiVersion: 'backstage.io/v1alpha1', kind: PLAIN_KIND[doc.kind], spec };
}
if (plain) for (const list of Object.values(docs)) list.splice(0, list.length, ...list.map(toPlain));

// JSON is YAML: one document per line keeps the files quick to write and read.
fs.rmSync(out, { recursive: true, force: true });
// Each file gets a Location of its own, as a catalog of many catalog-info
// files has: one Location that emitted all 50,000 entities would hit
// SQLite's limit of 32,766 variables in the catalog's own queries.
const targets = [];
fs.mkdirSync(path.join(out, 'locations'), { recursive: true });
for (const [folder, list] of Object.entries(docs)) {
  fs.mkdirSync(path.join(out, folder), { recursive: true });
  for (let chunk = 0; chunk * 500 < list.length; chunk++) {
    const name = `${folder}-${pad(chunk)}`;
    fs.writeFileSync(path.join(out, folder, `${name}.yaml`), list.slice(chunk * 500, chunk * 500 + 500).map((d) => JSON.stringify(d)).join('\n---\n') + '\n');
    fs.writeFileSync(path.join(out, 'locations', `${name}.yaml`), JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name: `synthetic-${name}` }, spec: { targets: [`../${folder}/${name}.yaml`] } }) + '\n');
    targets.push(`./locations/${name}.yaml`);
  }
}
fs.writeFileSync(path.join(out, 'all.yaml'), JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'Location', metadata: { name: 'synthetic' }, spec: { targets } }) + '\n');
const entityCount = Object.values(docs).reduce((n, l) => n + l.length, 0);
console.log(JSON.stringify({ out, plain, entities: entityCount, ...Object.fromEntries(Object.entries(docs).map(([k, l]) => [k, l.length])) }));
