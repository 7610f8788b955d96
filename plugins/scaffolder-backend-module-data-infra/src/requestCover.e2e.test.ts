/*
 * End to end: the real scaffolder and catalog backends (with our catalog
 * module, this module and the GitHub and GitLab scaffolder modules) run the
 * real "Request on-call cover" template from templates/: its three publish
 * paths in the scaffolder's dry run (POST /api/scaffolder/v2/dry-run), and a
 * real local write into a copy of a Rotation file, which the catalog then
 * reads with the override.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory, mockServices } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { backendClient } from './__testUtils__/backendClient';
import { ScaffolderBackend, startScaffolderBackend } from './__testUtils__/scaffolderBackend';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
const orgYaml = path.join(repoRoot, 'catalog-info/org/engineers.yaml');
const templateYaml = path.resolve(
  __dirname,
  '../templates/request-cover/template.yaml',
);

const GITLAB_URL =
  'https://gitlab.example.com/data/org/-/blob/main/catalog-info/rotations/gl-oncall.yaml';
const GITHUB_URL =
  'https://github.com/acme/org/blob/main/catalog-info/rotations/gh-oncall.yaml';

function rotationYaml(name: string, annotation?: string) {
  return `# The ${name} rotation: this comment must survive an edit.
apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata:
  name: ${name}
${
  annotation
    ? `  annotations:\n    backstage.io/source-location: url:${annotation}\n`
    : ''
}spec:
  owner: subteam:default/data-platform
  timezone: Europe/Berlin
  start: '2026-01-05T09:00' # a Monday
  shiftLength: P1W
  depth: 2
  participants:
    - user:default/lukas.weber
    - user:default/priya.raman
`;
}

const files: Record<string, string> = {
  [GITLAB_URL]: rotationYaml('gl-oncall', GITLAB_URL),
  [GITHUB_URL]: rotationYaml('gh-oncall', GITHUB_URL),
};

describe('the "Request on-call cover" template', () => {
  const mockDir = createMockDirectory();
  let backend: ScaffolderBackend;
  let baseUrl: string;
  const { call, waitFor, entity } = backendClient(() => baseUrl);
  const urlReader = mockServices.urlReader.mock({
    readUrl: jest.fn(async (url: string) => {
      const text = files[url];
      if (text === undefined) throw new Error(`not found: ${url}`);
      return { buffer: async () => Buffer.from(text) } as any;
    }),
  });

  beforeAll(async () => {
    mockDir.setContent({
      rotations: {
        'local-oncall.yaml': rotationYaml('local-oncall'),
        'gl-oncall.yaml': files[GITLAB_URL],
        'gh-oncall.yaml': files[GITHUB_URL],
      },
    });
    backend = await startScaffolderBackend({
      features: [urlReader.factory],
      config: {
        catalog: {
          rules: [
            {
              allow: ['User', 'Group', 'Rotation', 'Template', 'Location'],
            },
          ],
          locations: [
            { type: 'file', target: orgYaml },
            { type: 'file', target: templateYaml },
            { type: 'file', target: mockDir.resolve('rotations/*.yaml') },
          ],
          processingInterval: { seconds: 1 },
        },
        dataInfra: {
          coverRequests: {
            localDirectories: [mockDir.resolve('rotations')],
          },
        },
      },
    });
    baseUrl = backend.baseUrl;
    for (const ref of [
      'template:default/request-cover',
      'rotation:default/local-oncall',
      'rotation:default/gl-oncall',
      'rotation:default/gh-oncall',
      'user:default/priya.raman',
    ]) {
      await waitFor(ref, () => entity(ref));
    }
  });

  afterAll(async () => {
    await backend?.stop();
  });


  // Week 9 of the schedule: Lukas is primary 2 to 9 March 2026 (hand-offs
  // alternate from Lukas on 5 January).
  const values = (rotation: string) => ({
    rotation,
    role: 'primary',
    start: '2026-03-04T09:00:00+01:00',
    end: '2026-03-06T18:00:00+01:00',
    user: 'user:default/mei.chen',
  });

  async function dryRun(v: object) {
    const template = parse(await fs.readFile(templateYaml, 'utf8'));
    const res = await call('POST', '/scaffolder/v2/dry-run', {
      template,
      values: v,
      directoryContents: [],
    });
    const log = ((res.body?.log ?? []) as any[])
      .map(l => l.body?.message)
      .join('\n');
    return { ...res, log };
  }

  function fileIn(body: any, p: string): string {
    const f = (body.directoryContents as any[]).find(d => d.path === p);
    return f ? Buffer.from(f.base64Content, 'base64').toString('utf8') : '';
  }

  it('opens a GitLab merge request for a Rotation whose file is on GitLab (dry run)', async () => {
    const { status, body, log } = await dryRun(
      values('rotation:default/gl-oncall'),
    );
    expect(`${status}\n${log}`).toMatch(/^200/);
    expect(log).toMatch(
      /Running publish:gitlab:merge-request in dry-run mode with inputs/,
    );
    expect(log).toContain(
      '"repoUrl": "gitlab.example.com?owner=data&repo=org"',
    );
    expect(log).toContain('"targetBranchName": "main"');
    expect(log).toContain('"commitAction": "update"');
    expect(log).toContain(
      'Skipping because publish:gitlab:merge-request does not support dry-run',
    );
    expect(log).toMatch(
      /Skipping step publish-github because its if condition was false/,
    );
    expect(log).toMatch(
      /Skipping step publish-local because its if condition was false/,
    );
    const edited = fileIn(body, 'catalog-info/rotations/gl-oncall.yaml');
    expect(edited).toContain('this comment must survive an edit');
    expect(edited).toContain("start: '2026-01-05T09:00' # a Monday");
    expect(parse(edited).spec.overrides).toEqual([
      {
        start: '2026-03-04T09:00',
        end: '2026-03-06T18:00',
        user: 'user:default/mei.chen',
        role: 'primary',
      },
    ]);
    expect(body.output.text[0].content).toMatch(
      /\| primary \| user:default\/mei\.chen \| Wed 4 Mar 2026 09:00 \| Fri 6 Mar 2026 18:00 \| \*\*override\*\* \|/,
    );
  });

  it('opens a GitHub pull request for a Rotation whose file is on GitHub (dry run)', async () => {
    const { status, body, log } = await dryRun(
      values('rotation:default/gh-oncall'),
    );
    expect(`${status}\n${log}`).toMatch(/^200/);
    expect(log).toContain('Performing dry run of creating pull request');
    expect(log).toContain('"repoUrl": "github.com?owner=acme&repo=org"');
    expect(log).toMatch(
      /Skipping step publish-gitlab because its if condition was false/,
    );
    expect(fileIn(body, 'catalog-info/rotations/gh-oncall.yaml')).toContain(
      'user: user:default/mei.chen',
    );
  });

  it('edits a local file in place for a file: location, and writes nothing in a dry run', async () => {
    const before = await fs.readFile(
      mockDir.resolve('rotations/local-oncall.yaml'),
      'utf8',
    );
    const { status, log } = await dryRun(
      values('rotation:default/local-oncall'),
    );
    expect(`${status}\n${log}`).toMatch(/^200/);
    expect(log).toMatch(
      /Running data-infra:rotation:publish-local in dry-run mode/,
    );
    expect(log).toMatch(
      /Skipping step publish-gitlab because its if condition was false/,
    );
    await expect(
      fs.readFile(mockDir.resolve('rotations/local-oncall.yaml'), 'utf8'),
    ).resolves.toBe(before);
  });

  it('refuses a reversed period before anything is published, naming the field (dry run)', async () => {
    const { status, body } = await dryRun({
      ...values('rotation:default/gl-oncall'),
      end: '2026-03-01T09:00:00+01:00',
    });
    // The step's InputError is the dry run's answer: a 400 naming the field.
    expect(status).toBe(400);
    expect(body.error).toEqual({
      name: 'InputError',
      message:
        'end: must be after start ("2026-03-04T09:00:00+01:00"), got "2026-03-01T09:00:00+01:00"',
    });
  });

  it('writes a local Rotation file for real, and the catalog reads the override', async () => {
    const created = await call('POST', '/scaffolder/v2/tasks', {
      templateRef: 'template:default/request-cover',
      values: values('rotation:default/local-oncall'),
    });
    expect(created.status).toBe(201);
    const task = await waitFor('the task', async () => {
      const { body } = await call(
        'GET',
        `/scaffolder/v2/tasks/${created.body.id}`,
      );
      return ['completed', 'failed', 'cancelled'].includes(body.status)
        ? body
        : undefined;
    });
    const events = await call(
      'GET',
      `/scaffolder/v2/tasks/${created.body.id}/events`,
    );
    const log = (events.body as any[])
      .map(e => e.body?.message)
      .filter(Boolean)
      .join('\n');
    expect(`${task.status}\n${log}`).toMatch(/^completed/);
    const text = await fs.readFile(
      mockDir.resolve('rotations/local-oncall.yaml'),
      'utf8',
    );
    expect(text).toContain('this comment must survive an edit');
    const rotation = await waitFor('the override in the catalog', async () => {
      const e = await entity('rotation:default/local-oncall');
      return (e?.spec as any)?.overrides?.length ? e : undefined;
    });
    expect((rotation.spec as any).overrides).toEqual([
      {
        start: '2026-03-04T09:00',
        end: '2026-03-06T18:00',
        user: 'user:default/mei.chen',
        role: 'primary',
      },
    ]);
  });
});
