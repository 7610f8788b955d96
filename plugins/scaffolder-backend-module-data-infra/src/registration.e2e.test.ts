/* eslint-disable no-script-url -- a test feeds a script URL on purpose */
/*
 * End to end: the real scaffolder and catalog backends with our catalog
 * module and this module, the real "Register a data service" template from
 * this package's templates/, and the local publishing path (no SCM integration).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { backendClient } from './__testUtils__/backendClient';
import { ScaffolderBackend, startScaffolderBackend } from './__testUtils__/scaffolderBackend';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
const allYaml = path.join(repoRoot, 'catalog-info/all.yaml');
const templateYaml = path.resolve(
  __dirname,
  '../templates/register-data-service/template.yaml',
);

const invalidService = `apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: broken-service
spec:
  type: cache
  lifecycle: production
  owner: subteam:default/bi-services
  tier: 7
`;

const validService = invalidService
  .replace('broken-service', 'imported-service')
  .replace('tier: 7', 'tier: 3');

describe('registering a data service through the scaffolder', () => {
  const mockDir = createMockDirectory();
  let backend: ScaffolderBackend;
  let fileServer: http.Server;
  let fileServerUrl: string;
  let baseUrl: string;
  const { call, waitFor, entity } = backendClient(() => baseUrl);
  const published = () => mockDir.resolve('published');

  beforeAll(async () => {
    mockDir.setContent({ published: {} });
    // Serves catalog-info files over HTTP for the "Register existing
    // component" flow, which registers URL locations.
    const files: Record<string, string> = {
      '/valid.yaml': validService,
      '/invalid.yaml': invalidService,
    };
    fileServer = http.createServer((req, res) => {
      const body = files[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/yaml' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>(resolve =>
      fileServer.listen(0, '127.0.0.1', resolve),
    );
    const { port } = fileServer.address() as AddressInfo;
    fileServerUrl = `http://localhost:${port}`;

    backend = await startScaffolderBackend({
      config: {
        backend: { reading: { allow: [{ host: `localhost:${port}` }] } },
        catalog: {
          rules: [
            {
              allow: [
                'Component',
                'API',
                'Location',
                'User',
                'Group',
                'Subteam',
                'DataService',
                'Rotation',
                'Template',
              ],
            },
          ],
          locations: [
            { type: 'file', target: allYaml },
            { type: 'file', target: templateYaml },
            { type: 'file', target: path.join(published(), '*.yaml') },
          ],
          processingInterval: { seconds: 1 },
        },
        dataInfra: { registration: { localDirectory: published() } },
      },
    });
    baseUrl = backend.baseUrl;
    // the template and the seeded catalog are in
    await waitFor('the template', () =>
      entity('template:default/register-data-service'),
    );
    await waitFor('trino', () => entity('dataservice:default/trino'));
  });

  afterAll(async () => {
    await backend?.stop();
    await new Promise(resolve => fileServer?.close(resolve));
  });


  async function runTask(values: object) {
    const created = await call('POST', '/scaffolder/v2/tasks', {
      templateRef: 'template:default/register-data-service',
      values,
    });
    expect(created.status).toBe(201);
    const task = await waitFor('the task to finish', async () => {
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
    const completion = (events.body as any[]).find(
      e => e.type === 'completion',
    );
    task.output = completion?.body?.output ?? task.output;
    const log = (events.body as any[])
      .map(e => e.body?.message)
      .filter(Boolean)
      .join('\n');
    return { task, log };
  }

  it('registers a new DataService from the template and finds it with its relations', async () => {
    const { task, log } = await runTask({
      name: 'lineage-api',
      title: 'Lineage API',
      description: 'Column-level lineage for the lakehouse.',
      type: 'metadata',
      owner: 'subteam:default/bi-services',
      technology: 'OpenLineage',
      tier: 2,
      availability: 99.8,
      escalationMode: 'inherited',
      runbook: 'https://runbooks.example.com/lineage-api',
      dependsOn: ['dataservice:default/trino'],
      publishMethod: 'local',
    });
    expect(`${task.status}\n${log}`).toMatch(/^completed/);

    const file = path.join(published(), 'lineage-api.yaml');
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('kind: DataService');
    expect(text).toContain('availability: 99.8');
    expect(task.output.links).toEqual([
      {
        title: 'Open the service in the catalog',
        icon: 'catalog',
        entityRef: 'dataservice:default/lineage-api',
      },
    ]);
    expect(task.output.text).toEqual([
      expect.objectContaining({
        title: 'catalog-info.yaml',
        content: expect.stringContaining(`\`\`\`yaml\n${text}`),
      }),
      expect.objectContaining({
        title: 'Published file',
        content: expect.stringContaining(file),
      }),
    ]);

    const registered = await waitFor(
      'lineage-api with its relations',
      async () => {
        const e = await entity('dataservice:default/lineage-api');
        return e?.relations?.some(r => r.type === 'dependsOn') ? e : undefined;
      },
    );
    expect(registered.spec).toMatchObject({
      owner: 'subteam:default/bi-services',
      tier: 2,
      sla: {
        availability: 99.8,
        supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' },
        responseTime: { sev1: 'PT1H' },
      },
    });
    expect(registered.relations).toEqual(
      expect.arrayContaining([
        { type: 'ownedBy', targetRef: 'subteam:default/bi-services' },
        { type: 'dependsOn', targetRef: 'dataservice:default/trino' },
      ]),
    );
    const trino = await waitFor('trino to list its new dependant', async () => {
      const e = await entity('dataservice:default/trino');
      return e?.relations?.some(
        r =>
          r.type === 'dependencyOf' &&
          r.targetRef === 'dataservice:default/lineage-api',
      )
        ? e
        : undefined;
    });
    expect(trino).toBeDefined();

    // The same name again: the file is never overwritten, the step fails.
    const again = await runTask({
      name: 'lineage-api',
      type: 'metadata',
      owner: 'subteam:default/bi-services',
      tier: 3,
    });
    expect(again.task.status).toBe('failed');
    expect(again.log).toMatch(/Refusing to overwrite/);
    await expect(fs.readFile(file, 'utf8')).resolves.toBe(text);
  });

  it('rejects values the form schema forbids before any step runs', async () => {
    const created = await call('POST', '/scaffolder/v2/tasks', {
      templateRef: 'template:default/register-data-service',
      values: {
        name: 'too-available',
        type: 'cache',
        owner: 'subteam:default/bi-services',
        tier: 1,
        availability: 120,
      },
    });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toMatch(/availability/);
  });

  it('fails the render step naming the field, and publishes nothing', async () => {
    const { task, log } = await runTask({
      name: 'bad-zone',
      type: 'cache',
      owner: 'subteam:default/bi-services',
      tier: 2,
      timezone: 'EST',
    });
    expect(task.status).toBe('failed');
    expect(log).toMatch(
      /dataservice:default\/bad-zone: spec\.sla\.supportHours\.timezone: /,
    );
    await expect(fs.readdir(published())).resolves.not.toContain(
      'bad-zone.yaml',
    );
  });

  it('previews without publishing when previewOnly is set', async () => {
    const { task } = await runTask({
      name: 'preview-only',
      type: 'cache',
      owner: 'subteam:default/bi-services',
      tier: 3,
      escalationMode: 'custom',
      escalationLevels: [
        { after: 'PT0M', target: 'user:default/jonas.lindqvist' },
        { after: 'PT30M', target: 'subteam:default/bi-services' },
      ],
      escalationRepeat: 1,
      previewOnly: true,
    });
    expect(task.status).toBe('completed');
    const content = task.output.text[0].content as string;
    expect(content).toMatch(/^Preview only: nothing was published/);
    const rendered = parse(content.split('```yaml\n')[1].split('```')[0]);
    expect(rendered.metadata.name).toBe('preview-only');
    expect(rendered.spec.escalation).toEqual({
      repeat: 1,
      levels: [
        { after: 'PT0M', target: { user: 'user:default/jonas.lindqvist' } },
        {
          after: 'PT30M',
          target: { subteamLead: 'subteam:default/bi-services' },
        },
      ],
    });
    expect(task.output.links).toEqual([]);
    await expect(fs.readdir(published())).resolves.not.toContain(
      'preview-only.yaml',
    );
  });

  it.each([
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'https://runbooks.example.com/x\nSet-Cookie: a',
  ])(
    'refuses a runbook %j in the form itself, before any step runs (scaffolder dry run)',
    async runbook => {
      const template = parse(await fs.readFile(templateYaml, 'utf8'));
      const { status, body } = await call('POST', '/scaffolder/v2/dry-run', {
        template,
        values: {
          name: 'bad-runbook',
          type: 'cache',
          owner: 'subteam:default/bi-services',
          tier: 2,
          publishMethod: 'local',
          runbook,
        },
        directoryContents: [],
      });
      expect(status).toBe(400);
      // The scaffolder validates the form's values against the template's
      // parameter schema: the runbook's own pattern refuses it.
      expect(body.errors.map((e: any) => [e.path.join('.'), e.name])).toEqual([
        ['runbook', 'pattern'],
      ]);
    },
  );

  it('accepts an https runbook in the form (scaffolder dry run)', async () => {
    const template = parse(await fs.readFile(templateYaml, 'utf8'));
    const { status } = await call('POST', '/scaffolder/v2/dry-run', {
      template,
      values: {
        name: 'good-runbook',
        type: 'cache',
        owner: 'subteam:default/bi-services',
        tier: 2,
        publishMethod: 'local',
        previewOnly: true,
        runbook: 'https://runbooks.example.com/good',
      },
      directoryContents: [],
    });
    expect(status).toBe(200);
  });

  it('takes the pull-request path when asked, rendering the catalog:register URL (scaffolder dry run)', async () => {
    const template = parse(await fs.readFile(templateYaml, 'utf8'));
    const { status, body } = await call('POST', '/scaffolder/v2/dry-run', {
      template,
      values: {
        name: 'pr-service',
        type: 'cache',
        owner: 'subteam:default/bi-services',
        tier: 2,
        publishMethod: 'pull-request',
        repoUrl: 'github.com?owner=acme&repo=catalog',
        targetBranch: 'main',
        repoPath: 'catalog-info/services',
      },
      directoryContents: [],
    });
    expect(JSON.stringify({ status, body })).toMatch(/^{"status":200/);
    const log = (body.log as any[]).map(l => l.body?.message).join('\n');
    expect(log).toContain('Performing dry run of creating pull request');
    expect(log).toContain(
      '"catalogInfoUrl": "https://github.com/acme/catalog/blob/main/catalog-info/services/pr-service/catalog-info.yaml"',
    );
    expect(log).toMatch(
      /Skipping step publish-local because its if condition was false/,
    );
    expect(body.directoryContents.map((f: any) => f.path)).toEqual([
      'catalog-info.yaml',
    ]);
    await expect(fs.readdir(published())).resolves.not.toContain(
      'pr-service.yaml',
    );
  });

  it('takes the merge-request path for a repository on a GitLab integration (scaffolder dry run)', async () => {
    const template = parse(await fs.readFile(templateYaml, 'utf8'));
    const { status, body } = await call('POST', '/scaffolder/v2/dry-run', {
      template,
      values: {
        name: 'mr-service',
        type: 'cache',
        owner: 'subteam:default/bi-services',
        tier: 2,
        publishMethod: 'pull-request',
        repoUrl: 'gitlab.example.com?owner=data%2Fplatform&repo=catalog',
        targetBranch: 'main',
        repoPath: 'catalog-info/services',
      },
      directoryContents: [],
    });
    expect(JSON.stringify({ status, body })).toMatch(/^{"status":200/);
    const log = (body.log as any[]).map(l => l.body?.message).join('\n');
    expect(log).toMatch(
      /Running publish:gitlab:merge-request in dry-run mode with inputs/,
    );
    expect(log).toContain('"targetPath": "catalog-info/services/mr-service"');
    expect(log).toContain('"commitAction": "create"');
    expect(log).toContain(
      'Skipping because publish:gitlab:merge-request does not support dry-run',
    );
    expect(log).toMatch(
      /Skipping step publish-pr because its if condition was false/,
    );
    expect(log).toContain(
      '"catalogInfoUrl": "https://gitlab.example.com/data/platform/catalog/-/blob/main/catalog-info/services/mr-service/catalog-info.yaml"',
    );
    expect(body.directoryContents.map((f: any) => f.path)).toEqual([
      'catalog-info.yaml',
    ]);
  });

  it('refuses a repository on a host with no GitHub or GitLab integration (scaffolder dry run)', async () => {
    const template = parse(await fs.readFile(templateYaml, 'utf8'));
    const { status, body } = await call('POST', '/scaffolder/v2/dry-run', {
      template,
      values: {
        name: 'nowhere-service',
        type: 'cache',
        owner: 'subteam:default/bi-services',
        tier: 2,
        publishMethod: 'pull-request',
        repoUrl: 'git.example.com?owner=a&repo=b',
        targetBranch: 'main',
        repoPath: 'catalog-info/services',
      },
      directoryContents: [],
    });
    // The step's InputError is the dry run's answer: a 400 naming the field.
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'repoUrl: "git.example.com" is neither in integrations.gitlab nor in integrations.github',
    );
  });

  describe('the standard "Register existing component" flow', () => {
    it('accepts a URL location with a DataService in a dry run', async () => {
      const { status, body } = await call(
        'POST',
        '/catalog/locations?dryRun=true',
        {
          type: 'url',
          target: `${fileServerUrl}/valid.yaml`,
        },
      );
      expect(status).toBe(201);
      expect(body.entities).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'DataService',
            metadata: expect.objectContaining({ name: 'imported-service' }),
            spec: expect.objectContaining({ tier: 3 }),
          }),
        ]),
      );
    });

    it('rejects an invalid DataService naming the field, and loses nothing', async () => {
      const before = await call('GET', '/catalog/entities/by-query?limit=1');
      const { status, body } = await call(
        'POST',
        '/catalog/locations?dryRun=true',
        {
          type: 'url',
          target: `${fileServerUrl}/invalid.yaml`,
        },
      );
      expect(status).toBe(400);
      expect(body.error.message).toContain(
        'threw an error while validating the entity dataservice:default/broken-service; caused by InputError: dataservice:default/broken-service: spec.tier: must be 1, 2 or 3, got 7',
      );
      const after = await call('GET', '/catalog/entities/by-query?limit=1');
      expect(after.body.totalItems).toBe(before.body.totalItems);
      await expect(entity('dataservice:default/trino')).resolves.toBeDefined();
    });

    it('refuses runtime file locations (the reason publish:local refreshes a configured location)', async () => {
      const { status, body } = await call('POST', '/catalog/locations', {
        type: 'file',
        target: path.join(published(), 'x.yaml'),
      });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(
        /must be of an allowed type \["url"\]/,
      );
    });
  });
});
