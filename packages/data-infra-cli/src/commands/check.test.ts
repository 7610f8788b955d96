import { fixtureDir, MINI_ORG, runCli, SEEDED_CATALOG } from '../lib/testing';

describe('data-infra check', () => {
  it('finds the real gaps of the seeded catalog as warnings, and no error', async () => {
    const result = await runCli(['check', '--catalog', SEEDED_CATALOG, '--at', '2026-03-10T12:00:00Z', '--json']);
    const { findings } = JSON.parse(result.stdout);
    expect(findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    // MLOps and BI have no rotation yet: their services must show up.
    const refs = new Set(findings.filter((f: any) => f.severity === 'warning').map((f: any) => f.entityRef));
    expect(refs).toContain('dataservice:default/rag-api');
    expect(refs).toContain('dataservice:default/trino');
  });

  it('prints one line per cause: a subteam without a rotation once, with the services it affects', async () => {
    const result = await runCli(['check', '--catalog', SEEDED_CATALOG, '--at', '2026-03-10T12:00:00Z']);
    const noRotation = result.stdout.split('\n').filter(line => /MLOps has no Rotation/.test(line));
    expect(noRotation).toHaveLength(1);
    expect(noRotation[0]).toMatch(/^warning subteam:default\/mlops: MLOps has no Rotation: 16 services have nobody on call/);
    const affects = result.stdout.split('\n')[result.stdout.split('\n').indexOf(noRotation[0]) + 1];
    expect(affects).toMatch(/^ {8}affects dataservice:default\/agent-api, .*dataservice:default\/vllm$/);
    expect(affects.match(/dataservice:/g)).toHaveLength(16);
    // In March every member joined less than 6 months ago: 8 "not yet eligible".
    expect(result.stdout).toMatch(/0 errors, 36 warnings, 10 info \(18 problems to fix\)\n$/);
  });

  it('prints the on-call load findings: Priya in both roles over Christmas, the shares, 2 people 2 deep', async () => {
    const result = await runCli(['check', '--catalog', SEEDED_CATALOG, '--at', '2026-12-01T00:00:00Z']);
    const lines = result.stdout.split('\n');
    expect(lines.filter(l => / holds both primary and secondary /.test(l))).toEqual([
      'warning rotation:default/data-platform-oncall: spec.overrides[0]: Priya Raman (user:default/priya.raman) holds both primary and secondary ' +
        'from Wed 23 Dec 2026 18:00 to Mon 28 Dec 2026 09:00 (Europe/Berlin), so nobody backs them up then; let someone else cover one of the roles.',
    ]);
    expect(lines.filter(l => /of the next 13 weeks/.test(l))).toHaveLength(4);
    expect(lines.filter(l => /^info {4}rotation:.*2 deep with 2 people/.test(l))).toHaveLength(2);
    // The share is configurable: at 100 % nobody is over it.
    const relaxed = await runCli(['check', '--catalog', SEEDED_CATALOG, '--at', '2026-12-01T00:00:00Z', '--max-on-call-share', '1']);
    expect(relaxed.stdout).not.toMatch(/of the next 13 weeks/);
  });

  it.each(['1.5', '-0.1', 'half', ''])('refuses --max-on-call-share %j', async value => {
    const result = await runCli(['check', '--catalog', SEEDED_CATALOG, '--max-on-call-share', value]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--max-on-call-share must be a share between 0 and 1/);
  });

  it('reads the checks\' settings from app-config files as the backend does (--config, later files winning)', async () => {
    const at = ['--at', '2026-12-01T12:00:00Z'];
    const config = fixtureDir({
      'app-config.yaml': 'dataInfra:\n  checks:\n    maxOnCallShare: 1\n  policy:\n    subteamRotation:\n      min: P6M\n      max: P9M\n',
      'app-config.local.yaml': 'dataInfra:\n  policy:\n    subteamRotation:\n      max: P2Y\n',
      'bad.yaml': 'dataInfra:\n  policy:\n    subteamRotation:\n      max: soon\n',
    });
    const plain = await runCli(['check', '--catalog', SEEDED_CATALOG, ...at]);
    expect(plain.stdout).toMatch(/due to rotate since/);
    expect(plain.stdout).toMatch(/of the next 13 weeks/);
    // One file: the share of 100 % reports nobody; the policy is the default.
    const one = await runCli(['check', '--catalog', SEEDED_CATALOG, ...at, '--config', `${config}/app-config.yaml`]);
    expect(one.stdout).not.toMatch(/of the next 13 weeks/);
    expect(one.stdout).toMatch(/due to rotate since/);
    // A later file overrides: nobody joined two years ago.
    const two = await runCli(['check', '--catalog', SEEDED_CATALOG, ...at, '--config', `${config}/app-config.yaml`, `${config}/app-config.local.yaml`]);
    expect(two.stdout).not.toMatch(/due to rotate since/);
    expect(two.code).toBe(0);
    // The flag still wins over the file.
    const flag = await runCli(['check', '--catalog', SEEDED_CATALOG, ...at, '--config', `${config}/app-config.yaml`, '--max-on-call-share', '0.5']);
    expect(flag.stdout).toMatch(/of the next 13 weeks/);
    // A bad value or a missing file is a usage error naming it.
    const bad = await runCli(['check', '--catalog', SEEDED_CATALOG, '--config', `${config}/bad.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/dataInfra\.policy\.subteamRotation\.max must be an ISO-8601 duration like P9M, got "soon"/);
    const missing = await runCli(['check', '--catalog', SEEDED_CATALOG, '--config', `${config}/nope.yaml`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml/);
  });

  it('reports the rotation policy the seed org faces in December 2026', async () => {
    const result = await runCli(['check', '--catalog', SEEDED_CATALOG, '--at', '2026-12-01T12:00:00Z']);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      'warning subteam:default/data-platform: spec.members: All 2 members of this subteam are due to rotate at once; moving them together would lose all its context: stagger the moves, keeping one member until a newcomer is settled.',
    );
    expect(lines.filter(l => /due to rotate since/.test(l)).map(l => /^warning (\S+): spec\.members\[\d\]\.since: .*?\((user:\S+)\) joined/.exec(l)?.slice(1).join(' '))).toEqual([
      'subteam:default/bi-services user:default/jonas.lindqvist',
      'subteam:default/data-engineering user:default/diego.alvarez',
      'subteam:default/data-platform user:default/lukas.weber',
      'subteam:default/data-platform user:default/priya.raman',
      'subteam:default/mlops user:default/tomasz.kowalski',
    ]);
    expect(lines).toContain(
      'info    subteam:default/bi-services: spec.members[1].since: Aisha Rahman (user:default/aisha.rahman) joined this subteam on 2026-06-22 and is not eligible to rotate before 2026-12-22 (P6M); keep them here until then.',
    );
    // Every stakeholder group of the seed has a weekly or bi-weekly sync.
    expect(result.stdout).not.toMatch(/No sync is defined/);
    expect(result.stdout).toMatch(/0 errors, 43 warnings, 3 info \(18 problems to fix\)\n$/);
  });

  it('exits 1 on a catalog whose service has an unknown owner', async () => {
    const service = `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: kafka
spec:
  type: streaming
  lifecycle: production
  owner: subteam:default/ghost
`;
    const dir = fixtureDir({ 'org.yaml': MINI_ORG, 'kafka.yaml': service });
    const result = await runCli(['check', '--catalog', dir]);
    expect(result.stdout).toMatch(/^error\s+dataservice:default\/kafka: .*subteam:default\/ghost/m);
    expect(result.stdout).toMatch(/[1-9]\d* errors?/);
    expect(result.code).toBe(1);
  });

  it('counts an entity the catalog would reject as an error', async () => {
    const rotation = `apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata:
  name: core-oncall
spec:
  owner: subteam:default/core
  timezone: EST
  start: '2026-01-05T09:00'
  shiftLength: P1W
  participants: [user:default/ann, user:default/bob]
`;
    const result = await runCli(['check', '--catalog', fixtureDir({ 'org.yaml': MINI_ORG, 'r.yaml': rotation }), '--json']);
    const { findings } = JSON.parse(result.stdout);
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: 'error', check: 'invalid-entity', entityRef: 'rotation:default/core-oncall', path: 'spec.timezone' }),
    );
    expect(result.code).toBe(1);
  });

  it('rejects a catalog folder that does not exist', async () => {
    const result = await runCli(['check', '--catalog', '/no/such/dir']);
    expect(result.stderr).toBe('data-infra: --catalog /no/such/dir: no such directory\n');
    expect(result.code).toBe(2);
  });
});
