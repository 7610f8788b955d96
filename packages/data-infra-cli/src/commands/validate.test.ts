import { fixtureDir, lineOf, MINI_ORG, runCli, SEEDED_CATALOG } from '../lib/testing';

describe('data-infra validate', () => {
  it('accepts the seeded catalog', async () => {
    const result = await runCli(['validate', SEEDED_CATALOG]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^OK: \d+ files, \d+ entities, 0 errors/m);
    expect(result.code).toBe(0);
  });

  it('points at the file, line and field of an invalid Rotation', async () => {
    const rotation = `apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata:
  name: core-oncall
spec:
  owner: subteam:default/core
  timezone: Europe/Berlin
  start: '2026-01-05T09:00'
  shiftLength: weekly
  participants: [user:default/ann, user:default/bob]
`;
    const dir = fixtureDir({ 'org.yaml': MINI_ORG, 'rotation.yaml': rotation });
    const result = await runCli(['validate', dir]);
    const line = lineOf(rotation, 'shiftLength: weekly');
    expect(result.stdout).toContain(
      `rotation.yaml:${line}: rotation:default/core-oncall: spec.shiftLength: must be an ISO-8601 duration`,
    );
    expect(result.stdout).toMatch(/^FAILED: 2 files, 5 entities, 1 error/m);
    expect(result.code).toBe(1);
  });

  it('refuses a javascript: runbook, a PT1S shift and a title with a line break, naming file, line and field', async () => {
    const text = `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: lineage
spec:
  type: metadata
  lifecycle: production
  owner: subteam:default/core
  runbook: 'javascript:alert(document.domain)'
---
apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata:
  name: fast
  title: "Fast\\r\\nBEGIN:VEVENT"
spec:
  owner: subteam:default/core
  timezone: UTC
  start: '2026-01-05T09:00'
  shiftLength: PT1S
  participants: [user:default/ann]
`;
    const dir = fixtureDir({ 'org.yaml': MINI_ORG, 'mine.yaml': text });
    const result = await runCli(['validate', dir]);
    expect(result.stdout).toContain(
      `mine.yaml:${lineOf(text, 'runbook:')}: dataservice:default/lineage: spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "javascript:alert(document.domain)"`,
    );
    expect(result.stdout).toContain(`mine.yaml:${lineOf(text, 'shiftLength: PT1S')}: rotation:default/fast: spec.shiftLength: must be at least PT15M, got "PT1S"`);
    expect(result.stdout).toContain(`mine.yaml:${lineOf(text, 'title:')}: rotation:default/fast: metadata.title: must not contain control characters or line breaks`);
    expect(result.code).toBe(1);
  });

  it('reports a YAML syntax error with its line and still validates the other documents', async () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: carol
spec:
  memberOf: nope
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: dave
  description: broken: here
spec: {}
`;
    const dir = fixtureDir({ 'users.yaml': text });
    const result = await runCli(['validate', '--no-refs', dir]);
    // The first document is checked by Backstage's own User validator…
    expect(result.stdout).toContain(`users.yaml:${lineOf(text, 'memberOf: nope')}: user:default/carol: spec.memberOf: must be array`);
    // …and the second one's syntax error is reported on its own line.
    expect(result.stdout).toMatch(new RegExp(`users.yaml:${lineOf(text, 'broken: here')}: document #2: \\(yaml\\): `));
    expect(result.code).toBe(1);
  });

  it('reports references to entities defined in none of the files, at the referencing field', async () => {
    const service = `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: kafka
spec:
  type: streaming
  lifecycle: production
  owner: subteam:default/core
  dependsOn:
    - dataservice:default/zookeeper
`;
    const dir = fixtureDir({ 'org.yaml': MINI_ORG, 'kafka.yaml': service });
    const result = await runCli(['validate', dir]);
    expect(result.stdout).toContain(
      `kafka.yaml:${lineOf(service, '- dataservice:default/zookeeper')}: dataservice:default/kafka: spec.dependsOn[0]: refers to dataservice:default/zookeeper, which is not defined`,
    );
    expect(result.code).toBe(1);

    // Adopters whose targets live elsewhere can switch the reference check off.
    const lenient = await runCli(['validate', '--no-refs', dir]);
    expect(lenient.code).toBe(0);
  });

  it('flags the same entity defined twice', async () => {
    const dir = fixtureDir({ 'a.yaml': MINI_ORG, 'b.yaml': MINI_ORG.split('---')[1] });
    const result = await runCli(['validate', dir]);
    expect(result.stdout).toMatch(/b\.yaml:\d+: user:default\/ann: metadata\.name: is already defined at \S*a\.yaml:\d+/);
    expect(result.code).toBe(1);
  });

  it('warns about kinds it cannot validate without failing', async () => {
    const template = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: new-pipeline
spec: {}
`;
    const result = await runCli(['validate', fixtureDir({ 't.yaml': template })]);
    expect(result.stdout).toContain('warning: template:default/new-pipeline: kind:');
    expect(result.code).toBe(0);
  });

  it('fails with one line and exit 2 for a path that does not exist', async () => {
    const result = await runCli(['validate', '/no/such/catalog']);
    expect(result.stderr).toBe('data-infra: /no/such/catalog: no such file or directory\n');
    expect(result.code).toBe(2);
  });
});
