/*
 * The adopter test: someone else's Backstage, set up by our READMEs alone.
 *
 * 1. Builds and packs our published packages (and checks what each tarball holds),
 *    and runs the in-repo CLI after the build.
 * 2. Serves the tarballs from a local npm registry for the @data-infra scope.
 * 3. For each frontend system: creates a fresh app with @backstage/create-app
 *    (default template; --legacy), follows every install step of the READMEs
 *    (readmeSteps.ts), and checks the app: one copy of each framework package,
 *    on the Backstage release this repository pins; `yarn tsc`; the app
 *    build; its backend started with a few of our entities: ingestion without
 *    processing errors, our API, search, the auth module, the frontend config;
 *    then the page crawl (scripts/crawl).
 *
 * Run through scripts/test-adopter. Apps live outside the repository (so no
 * module resolves from our node_modules); yarn's cache and store live in
 * .cache/adopter/ (git-ignored), which makes later runs warm.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/replicas';
import { applyDiff } from './applyDiff';
import { duplicates, lockedVersions, misaligned } from './lockfile';
import { startRegistry } from './registry';
import { AppKind, installSteps, Step } from './readmeSteps';

const repoRoot = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(repoRoot, '.cache', 'adopter');
const workDir = path.resolve(process.env.ADOPTER_WORKDIR ?? path.join(os.tmpdir(), 'data-infra-adopter'));
const packDir = path.join(workDir, 'packs');
const logDir = path.join(workDir, 'logs');
const screenshotRoot = path.join(repoRoot, 'e2e-tests', 'screenshots', 'adopter');
const stepsOnly = process.argv.includes('--steps-only');
const onlyApp = process.argv.find(a => a.startsWith('--app='))?.slice('--app='.length);
/** ADOPTER_PORT=n: the registry listens on n, the apps' backends on n+1, n+2; default: free ports. */
const basePort = process.env.ADOPTER_PORT ? Number(process.env.ADOPTER_PORT) : undefined;

const APPS: { name: string; kind: AppKind; createAppArgs: string[] }[] = [
  { name: 'new-frontend-system', kind: 'new', createAppArgs: [] },
  { name: 'legacy-frontend-system', kind: 'legacy', createAppArgs: ['--legacy'] },
];

/** The entities the adopter apps are started with: a few of ours, copied from catalog-info/. */
const CATALOG_FILES = [
  'org/data-infrastructure.yaml',
  'org/engineers.yaml',
  'org/stakeholders.yaml',
  'subteams/data-platform.yaml',
  'rotations/data-platform-oncall.yaml',
  'services/data-platform.yaml',
];

/** Framework packages the app provides and our packages must not bring a second copy of. */
const isFramework = (name: string) =>
  name.startsWith('@backstage/') || name.startsWith('@data-infra/') || ['react', 'react-dom', 'react-router', 'react-router-dom', '@material-ui/core'].includes(name);

const timings: [string, number][] = [];
async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const start = Date.now();
  console.log(`adopter: ${name}…`);
  try {
    return await fn();
  } finally {
    timings.push([name, (Date.now() - start) / 1000]);
    console.log(`adopter: ${name} took ${((Date.now() - start) / 1000).toFixed(0)} s`);
  }
}

let logIndex = 0;
/**
 * Runs a command, its output into a log file; throws with the log's tail on
 * failure. Asynchronous: the registry in this process must keep answering.
 */
async function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; label: string }): Promise<string> {
  const log = path.join(logDir, `${String(++logIndex).padStart(2, '0')}-${opts.label.replace(/[^\w.-]+/g, '_')}.log`);
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  fs.writeFileSync(log, `$ ${cmd} ${args.join(' ')}\n(in ${opts.cwd})\n\n${output}`);
  if (code !== 0) {
    throw new Error(`${opts.label} failed (exit ${code}); log: ${log}\n${output.split('\n').slice(-40).join('\n')}`);
  }
  return output;
}

/**
 * The adopter's environment: yarn's cache and hardlink store persist in
 * .cache/adopter, and the @data-infra scope
 * comes from `registryUrl` for npm as for yarn (see main).
 */
function adopterEnv(registryUrl: string): NodeJS.ProcessEnv {
  fs.mkdirSync(cacheDir, { recursive: true });
  // The store is hardlinked into each app; that needs one file system.
  const sameDevice = fs.statSync(cacheDir).dev === fs.statSync(workDir).dev;
  return {
    ...process.env,
    YARN_CACHE_FOLDER: path.join(cacheDir, 'yarn-cache'),
    YARN_GLOBAL_FOLDER: path.join(cacheDir, 'yarn-global'),
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    // No second copy of every package in the global folder.
    YARN_ENABLE_MIRROR: 'false',
    YARN_NM_MODE: sameDevice ? 'hardlinks-global' : 'classic',
    // A developer's machine, not CI: yarn add/up may write the lockfile.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: 'false',
    'npm_config_@data-infra:registry': `${registryUrl}/`,
    // Fresh each run: npx would reuse a package it installed before.
    npm_config_cache: path.join(workDir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/**
 * Yarn keeps what it fetched by name and version, and our packages keep
 * their version from one run to the next: drop them (and what yarn cached
 * of our registry's answers), or a run would install the previous build.
 */
function forgetOurPackages() {
  for (const dir of [path.join(cacheDir, 'yarn-cache'), path.join(cacheDir, 'yarn-global', 'cache')]) {
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (file.startsWith('@data-infra-')) fs.rmSync(path.join(dir, file));
    }
  }
  const metadata = path.join(cacheDir, 'yarn-global', 'metadata', 'npm');
  for (const dir of fs.existsSync(metadata) ? fs.readdirSync(metadata) : []) {
    fs.rmSync(path.join(metadata, dir, '127.0.0.1'), { recursive: true, force: true });
  }
}

/** Build, pack and check the tarballs; the in-repo CLI must still run after the build. */
async function packAll() {
  await run('yarn', ['tsc'], { cwd: repoRoot, label: 'repo-tsc' });
  await run('yarn', ['build:packages'], { cwd: repoRoot, label: 'repo-build' });
  // Issue 15: a built dist/ used to break `yarn data-infra` inside the repository.
  await run('yarn', ['data-infra', 'validate', 'catalog-info'], { cwd: repoRoot, label: 'repo-cli-after-build' });
  // All at once: `backstage-cli package prepack` loads each build, which is
  // slow; yarn's own `workspaces foreach --parallel pack` runs them one by one.
  await Promise.all(
    publishedPackageDirs().map(dir =>
      run('yarn', ['pack', '--out', `${packDir}/%s-%v.tgz`], { cwd: path.join(repoRoot, dir), label: `pack-${path.basename(dir)}` }),
    ),
  );
  const tarballs = fs.readdirSync(packDir).filter(f => f.endsWith('.tgz'));
  const expected = publishedPackageDirs().length;
  if (tarballs.length !== expected) throw new Error(`expected ${expected} tarballs, got ${tarballs.join(', ')}`);
  for (const tarball of tarballs) checkTarball(path.join(packDir, tarball));
}

/**
 * What a published package may hold: its build, its config schema, docs, the
 * scaffolder's templates and the backend's database migrations (run from the
 * package at start, as Backstage's own backends do).
 */
const ALLOWED_IN_TARBALL = [/^package\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^dist\//, /^config\.schema\.json$/, /^config\.d\.ts$/, /^bin\/data-infra$/, /^templates\/[^/]+\/(template\.yaml|README\.md)$/, /^migrations\/[^/]+\.js$/];

function checkTarball(file: string) {
  const entries = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(e => e.replace(/^package\//, ''));
  const stray = entries.filter(e => !ALLOWED_IN_TARBALL.some(re => re.test(e)));
  if (stray.length) throw new Error(`${path.basename(file)} holds files that do not belong in a published package: ${stray.join(', ')}`);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' }));
  if (manifest.private) throw new Error(`${manifest.name} is private`);
  const deps = JSON.stringify({ ...manifest.dependencies, ...manifest.peerDependencies });
  if (/workspace:|link:|file:/.test(deps)) throw new Error(`${manifest.name} depends on a local protocol: ${deps}`);
  if (!String(manifest.main ?? '').startsWith('./dist/') && !String(manifest.main ?? '').startsWith('dist/')) {
    throw new Error(`${manifest.name}: main ${manifest.main} is not the build`);
  }
}

/**
 * The README steps, applied to a fresh app. Returns what the app's lockfile
 * held before the first step that installs one of our packages (after the
 * upgrade): the baseline our packages are judged against.
 */
async function followSteps(appDir: string, steps: Step[], env: NodeJS.ProcessEnv) {
  const app = path.basename(appDir);
  let beforeOurs: Map<string, Set<string>> | undefined;
  for (const step of steps) {
    if (!beforeOurs && step.lang === 'sh' && step.body.includes('@data-infra/') && !stepsOnly) {
      beforeOurs = lockedVersions(path.join(appDir, 'yarn.lock'));
    }
    try {
      if (step.lang === 'diff') {
        const file = applyDiff(appDir, step.body);
        console.log(`adopter:   ${app}: edited ${file} (${step.source})`);
      } else if (stepsOnly) {
        console.log(`adopter:   ${app}: would run: ${step.body.trim().split('\n').join(' ; ')} (${step.source})`);
      } else {
        console.log(`adopter:   ${app}: $ ${step.body.trim().split('\n').filter(l => !l.startsWith('#')).join(' ; ')} (${step.source})`);
        await run('bash', ['-euo', 'pipefail', '-c', step.body], { cwd: appDir, env, label: `step-${app}` });
      }
    } catch (e) {
      throw new Error(`${app}: README step failed: ${step.source}\n${(e as Error).message}`);
    }
  }
  return beforeOurs ?? new Map();
}

/** Our entities in the app's catalog-info/, as an adopter keeps their own. */
function addTestCatalogFiles(appDir: string) {
  const target = path.join(appDir, 'catalog-info');
  for (const file of CATALOG_FILES) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'catalog-info', file), path.join(target, file));
  }
  fs.writeFileSync(
    path.join(target, 'all.yaml'),
    `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: adopter-test\nspec:\n  targets:\n${CATALOG_FILES.map(f => `    - ./${f}`).join('\n')}\n`,
  );
}

/**
 * Registers them through the app's org file, as an adopter keeps their
 * people and teams: a Location entity appended to examples/org.yaml. The
 * catalog matches rules against the origin location, so the test's Users,
 * Groups, Subteams and Rotations are admitted only by the rule the catalog
 * module's README step gives that location; its DataServices by the global
 * one. A README without those rules fails ingestion here.
 */
function registerTestCatalog(appDir: string) {
  const org = path.join(appDir, 'examples', 'org.yaml');
  if (!fs.existsSync(org)) throw new Error('create-app no longer makes examples/org.yaml; the catalog module README names it');
  fs.appendFileSync(
    org,
    '\n---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: data-infra-adopter-test\nspec:\n  targets:\n    - ../catalog-info/all.yaml\n',
  );
}

/**
 * Our packages add no second copy of a framework package: every package the
 * app has in several versions already had them before our first install
 * (create-app's legacy app does: its @backstage/app-defaults still requires
 * frontend-plugin-api 0.18).
 */
function checkDependencies(appDir: string, beforeOurs: Map<string, Set<string>>) {
  const app = lockedVersions(path.join(appDir, 'yarn.lock'));
  const added = (name: string) => [...(app.get(name) ?? [])].some(v => !beforeOurs.get(name)?.has(v));
  const twice = duplicates(app, name => isFramework(name) && added(name));
  if (twice.length) throw new Error(`our packages brought second copies of framework packages:\n  ${twice.join('\n  ')}`);
  const already = duplicates(beforeOurs, isFramework);
  if (already.length) console.log(`adopter:   ${path.basename(appDir)}: twice before our packages (create-app's own): ${already.join(', ')}`);
  const ours = lockedVersions(path.join(repoRoot, 'yarn.lock'));
  // A second, older copy create-app's own packages already required after the
  // upgrade (beside the pinned one) is theirs, not a release mismatch.
  const upgraded = new Map(
    [...app].map(([name, versions]) => {
      const stale = (v: string) => versions.size > 1 && !!beforeOurs.get(name)?.has(v);
      return [name, new Set([...versions].filter(v => !stale(v)))] as const;
    }),
  );
  const off = misaligned(upgraded, ours, name => name.startsWith('@backstage/'));
  if (off.length) {
    throw new Error(
      `after the README's upgrade the app is not on the Backstage release this repository pins (backstage.json ${pinnedRelease()}). ` +
        `If the registry's newest release moved on, bump the pin so this test proves the release adopters get:\n  ${off.join('\n  ')}`,
    );
  }
  const missing = ['@data-infra/backstage-plugin-data-infra-common'].filter(n => !app.has(n));
  if (missing.length) throw new Error(`not installed: ${missing.join(', ')}`);
}

const pinnedRelease = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'backstage.json'), 'utf8')).version;

/** The workspaces we publish: every package under plugins/ and packages/ that is not private. */
function publishedPackageDirs(): string[] {
  return ['plugins', 'packages'].flatMap(dir =>
    fs
      .readdirSync(path.join(repoRoot, dir))
      .map(name => path.join(dir, name))
      .filter(d => fs.existsSync(path.join(repoRoot, d, 'package.json')))
      .filter(d => !JSON.parse(fs.readFileSync(path.join(repoRoot, d, 'package.json'), 'utf8')).private),
  );
}

/** Every package README says, in its first lines, which Backstage releases it supports: the one we pin, or later. */
function checkReleaseStatements() {
  const [major, minor] = pinnedRelease().split('.');
  const claim = `Backstage ${major}.${minor} or later`;
  const readmes = publishedPackageDirs().map(d => path.join(d, 'README.md'));
  const wrong = readmes.filter(file => {
    const head = fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n').slice(0, 12).join(' ');
    return !head.replace(/[>*]/g, ' ').replace(/\s+/g, ' ').includes(claim);
  });
  if (wrong.length) throw new Error(`these READMEs do not state "${claim}" in their first lines: ${wrong.join(', ')}`);
}

class AppBackend {
  private child?: ChildProcess;
  private log = '';
  constructor(readonly appDir: string, readonly port: number, readonly env: NodeJS.ProcessEnv) {}
  get baseUrl() {
    return `http://localhost:${this.port}`;
  }

  async start(timeoutMs = 300_000) {
    const configs = [path.join(this.appDir, 'app-config.yaml'), path.join(__dirname, 'app-config.adopter-test.yaml')];
    this.child = spawn('yarn', ['workspace', 'backend', 'start', ...configs.flatMap(c => ['--config', c])], {
      cwd: this.appDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...this.env,
        APP_CONFIG_backend_listen_port: String(this.port),
        APP_CONFIG_backend_baseUrl: this.baseUrl,
        APP_CONFIG_app_baseUrl: this.baseUrl,
        APP_CONFIG_backend_cors_origin: this.baseUrl,
      },
    });
    const logFile = fs.createWriteStream(path.join(logDir, `backend-${path.basename(this.appDir)}.log`));
    const keep = (chunk: Buffer) => {
      logFile.write(chunk);
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the backend exited:\n${this.log.slice(-5000)}`);
      const ok = await fetch(`${this.baseUrl}/.backstage/health/v1/readiness`).then(r => r.ok, () => false);
      if (ok) return;
      await new Promise(r => setTimeout(r, 1000));
    }
    throw new Error(`the backend was not ready within ${timeoutMs / 1000} s:\n${this.log.slice(-5000)}`);
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise(resolve => this.child!.once('exit', resolve));
    process.kill(-this.child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) process.kill(-this.child.pid!, 'SIGKILL');
  }

  async json(pathAndQuery: string, token?: string) {
    const res = await fetch(`${this.baseUrl}${pathAndQuery}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!res.ok) throw new Error(`GET ${pathAndQuery} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    return res.json();
  }

  async text(pathAndQuery: string) {
    const res = await fetch(`${this.baseUrl}${pathAndQuery}`);
    if (!res.ok) throw new Error(`GET ${pathAndQuery} answered ${res.status}`);
    return res.text();
  }
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${last ? `: ${(last as Error).message}` : ''}`);
}

/** The refs the test's catalog files declare, by kind. */
function declaredRefs(): string[] {
  const refs: string[] = [];
  for (const file of CATALOG_FILES) {
    const text = fs.readFileSync(path.join(repoRoot, 'catalog-info', file), 'utf8');
    for (const doc of text.split(/^---$/m)) {
      const kind = doc.match(/^kind:\s*(\S+)/m)?.[1];
      const name = doc.match(/^\s{2}name:\s*(\S+)/m)?.[1];
      const namespace = doc.match(/^\s{2}namespace:\s*(\S+)/m)?.[1] ?? 'default';
      if (kind && name) refs.push(`${kind}:${namespace}/${name}`.toLowerCase());
    }
  }
  return refs;
}

async function checkRunningApp(backend: AppBackend) {
  const guest = await eventually('the guest sign-in as a catalog user', async () => {
    const body = await backend.json('/api/auth/guest/refresh');
    return body.backstageIdentity.identity.ownershipEntityRefs.includes('subteam:default/data-platform') ? body : undefined;
  });
  const token = guest.backstageIdentity.token;
  // Auth module: the signed-in member owns what their Subteam owns.
  console.log(`adopter:   ${path.basename(backend.appDir)}: guest owns ${guest.backstageIdentity.identity.ownershipEntityRefs.join(', ')}`);

  // Ingestion: every entity of the test's files, none with a processing error.
  const expected = declaredRefs();
  const entities = await eventually('ingestion of the test entities', async () => {
    const found: any[] = [];
    for (const kind of ['subteam', 'dataservice', 'rotation', 'user', 'group']) {
      const body = await backend.json(`/api/catalog/entities/by-query?filter=kind=${kind}&limit=500`, token);
      found.push(...body.items);
    }
    const refs = new Set(found.map(e => `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase()));
    return expected.every(r => refs.has(r)) ? found : undefined;
  });
  const withErrors = entities.filter(e => (e.status?.items ?? []).some((i: any) => i.level === 'error'));
  if (withErrors.length) {
    throw new Error(`processing errors: ${withErrors.map(e => `${e.kind}:${e.metadata.name}: ${e.status.items.map((i: any) => i.error?.message).join('; ')}`).join('\n')}`);
  }
  const templates = await backend.json('/api/catalog/entities/by-query?filter=kind=template,metadata.name=register-data-service', token);
  if (templates.items.length !== 1) throw new Error('the "Register a data service" template from the scaffolder module is not in the catalog');

  // Our API. Its state, loaded as the backend starts, follows the catalog
  // within dataInfra.cache.refresh seconds (10): wait for the ingestion there too.
  const at = '2026-03-10T12:00:00Z';
  const services = expected.filter(r => r.startsWith('dataservice:')).length;
  await eventually('the data-infra state holding the test entities', async () => {
    const body = await backend.json('/api/data-infra/services?limit=1', token);
    return body.totalItems === services ? body : undefined;
  });
  const oncall = await backend.json(`/api/data-infra/oncall?at=${at}`, token);
  const rotation = oncall.rotations.find((r: any) => r.rotation.ref === 'rotation:default/data-platform-oncall');
  if (!rotation?.onCall?.length) throw new Error(`/oncall: nobody on call in data-platform-oncall at ${at}: ${JSON.stringify(oncall).slice(0, 500)}`);
  const escalation = await backend.json(`/api/data-infra/escalation?entityRef=${encodeURIComponent('dataservice:default/kafka')}&at=${at}`, token);
  if (!escalation.levels?.length) throw new Error('/escalation of kafka has no levels');
  for (const route of ['/api/data-infra/map', '/api/data-infra/services', '/api/data-infra/checks']) await backend.json(route, token);

  // Search module: our fields on the catalog's documents.
  await eventually('search results for "kafka" with our fields', async () => {
    const body = await backend.json('/api/search/query?term=kafka&types%5B0%5D=software-catalog', token);
    return body.results.find((r: any) => r.document.kind === 'DataService' && r.document.domain === 'data-platform');
  });

  // The frontend sees dataInfra.domains (declared @visibility frontend by our packages).
  const html = await backend.text('/');
  if (!html.includes('Platform (adopter test)')) throw new Error('the served app does not carry dataInfra.domains (frontend visibility)');
}

/** One crawl at a time: Playwright's results folder is shared. */
let crawling: Promise<unknown> = Promise.resolve();

async function crawl(app: string, baseUrl: string) {
  const turn = crawling.then(() => crawlNow(app, baseUrl));
  crawling = turn.catch(() => undefined);
  return turn;
}

async function crawlNow(app: string, baseUrl: string) {
  const crawlScript = path.join(repoRoot, 'scripts', 'crawl');
  if (!fs.existsSync(crawlScript)) {
    console.log(`adopter:   NOT CRAWLED: scripts/crawl is not in this tree yet (issue 13); the ${app} app's pages were not opened in a browser`);
    return;
  }
  await run(crawlScript, [baseUrl], {
    cwd: repoRoot,
    env: { ...process.env, CRAWL_SCREENSHOT_DIR: path.join(screenshotRoot, app) },
    label: `crawl-${app}`,
  });
}

async function adopt(app: (typeof APPS)[number], env: NodeJS.ProcessEnv) {
  const appDir = path.join(workDir, app.name);
  await phase(`${app.name}: create-app`, () =>
    run('yarn', ['backstage-create-app', '--skip-install', '--path', appDir, ...app.createAppArgs], {
      cwd: repoRoot,
      env: { ...env, BACKSTAGE_APP_NAME: 'adopter' },
      label: `create-app-${app.name}`,
    }),
  );
  // The adopter's own catalog-info files, before our steps (the CLI step checks them).
  addTestCatalogFiles(appDir);
  const steps = installSteps(repoRoot, app.kind);
  const beforeOurs = await phase(`${app.name}: README steps (${steps.length})`, () => followSteps(appDir, steps, env));
  if (stepsOnly) return;
  registerTestCatalog(appDir);
  await phase(`${app.name}: dependencies`, async () => {
    checkDependencies(appDir, beforeOurs);
    // For a person reading the logs: what `yarn why` says about two framework packages.
    for (const pkg of ['@backstage/frontend-plugin-api', '@backstage/backend-plugin-api']) {
      await run('yarn', ['why', pkg], { cwd: appDir, env, label: `why-${pkg}` });
    }
  });
  await phase(`${app.name}: yarn tsc`, () => run('yarn', ['tsc'], { cwd: appDir, env, label: `tsc-${app.name}` }));
  await phase(`${app.name}: build the app`, () => run('yarn', ['workspace', 'app', 'build'], { cwd: appDir, env, label: `build-${app.name}` }));
  const backend = new AppBackend(appDir, basePort ? basePort + 1 + APPS.indexOf(app) : await freePort(), env);
  try {
    await phase(`${app.name}: start the backend`, () => backend.start());
    await phase(`${app.name}: ingestion and API`, () => checkRunningApp(backend));
    await phase(`${app.name}: crawl`, () => crawl(app.name, backend.baseUrl));
  } finally {
    await backend.stop();
  }
}

async function main() {
  const started = Date.now();
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  fs.mkdirSync(packDir, { recursive: true });
  console.log(`adopter: apps in ${workDir}, logs in ${logDir}, yarn cache in ${path.relative(repoRoot, cacheDir)}`);
  checkReleaseStatements();
  forgetOurPackages();
  if (!stepsOnly) await phase('build and pack our packages', packAll);
  const registry = stepsOnly ? undefined : await startRegistry(packDir, basePort ?? 0);
  const env = adopterEnv(registry?.url ?? 'http://127.0.0.1:0');
  try {
    // Where the @data-infra scope comes from, as an adopter's registry config
    // would say (a parent folder's .yarnrc.yml; the apps' own stay untouched).
    fs.writeFileSync(
      path.join(workDir, '.yarnrc.yml'),
      registry ? `npmScopes:\n  data-infra:\n    npmRegistryServer: "${registry.url}"\nunsafeHttpWhitelist:\n  - "127.0.0.1"\n` : '',
    );
    // Both apps at once: most of each app's time is single-threaded (the
    // install's native builds, tsc), so on two cores they overlap well.
    const apps = APPS.filter(a => !onlyApp || a.name === onlyApp || a.kind === onlyApp);
    const results = await Promise.allSettled(apps.map(app => adopt(app, env)));
    const failures = results.flatMap(r => (r.status === 'rejected' ? [r.reason] : []));
    if (failures.length) throw new Error(failures.map(f => (f instanceof Error ? f.message : String(f))).join('\n\n'));
  } finally {
    await registry?.close();
  }
  console.log('adopter: times');
  for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(0).padStart(5)} s  ${name}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s  total`);
}

main().catch(e => {
  console.error(`adopter: FAILED: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
