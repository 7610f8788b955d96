import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  rotationShifts,
  RotationEntityV1alpha1,
  validateDataInfraEntity,
} from '@data-infra/backstage-plugin-data-infra-common';
import { parse, parseAllDocuments } from 'yaml';
import { createAddOverrideAction } from './addOverrideAction';
import { createPublishRotationLocalAction } from './publishRotationLocalAction';

const ROTATION_YAML = `# The streaming on-call rotation. Keep this comment.
apiVersion: data-infra.io/v1alpha1
kind: Rotation
metadata:
  name: streaming-oncall
spec:
  owner: subteam:default/streaming
  timezone: Europe/Berlin
  # Monday 5 January 2026.
  start: '2026-01-05T09:00'
  shiftLength: P1W
  depth: 2
  participants:
    - user:default/ann # first
    - user:default/bob
    - user:default/cem
---
# Another document in the same file, untouched.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: other
spec:
  type: service
  lifecycle: production
  owner: group:default/x
`;

const users = ['ann', 'bob', 'cem', 'dee'];

function rotationOf(text: string): RotationEntityV1alpha1 {
  return parseAllDocuments(text)[0].toJS() as RotationEntityV1alpha1;
}

describe('data-infra:rotation:add-override', () => {
  const mockDir = createMockDirectory();
  let rotationsDir: string;
  let file: string;

  beforeEach(() => {
    mockDir.setContent({
      rotations: { 'streaming-oncall.yaml': ROTATION_YAML },
      workspace: {},
    });
    rotationsDir = mockDir.resolve('rotations');
    file = path.join(rotationsDir, 'streaming-oncall.yaml');
  });

  function setup(
    options: {
      annotations?: Record<string, string>;
      text?: string;
      config?: object;
    } = {},
  ) {
    const text = options.text ?? ROTATION_YAML;
    const rotation: Entity = {
      ...rotationOf(text),
      metadata: {
        name: 'streaming-oncall',
        namespace: 'default',
        annotations: options.annotations ?? {
          'backstage.io/managed-by-location': `file:${file}`,
        },
      },
    };
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async (ref: any) => {
        const r = String(ref);
        if (r === 'rotation:default/streaming-oncall') return rotation;
        const name = r.replace('user:default/', '');
        return users.includes(name)
          ? {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name },
              spec: {},
            }
          : undefined;
      }),
      refreshEntity: jest.fn().mockResolvedValue(undefined),
    });
    const urlReader = mockServices.urlReader.mock({
      readUrl: jest.fn(async () => ({
        buffer: async () => Buffer.from(text),
      })) as any,
    });
    const config = mockServices.rootConfig({
      data: options.config ?? {
        dataInfra: { coverRequests: { localDirectories: [rotationsDir] } },
      },
    });
    return {
      catalog,
      urlReader,
      config,
      action: createAddOverrideAction({ config, catalog, urlReader }),
      publish: createPublishRotationLocalAction({ config, catalog, urlReader }),
    };
  }

  async function run(input: object, s = setup()) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: mockDir.resolve('workspace'),
    });
    await s.action.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    return { outputs, ctx, s };
  }

  /** Who holds `role` in the week starting at hand-off k (Monday 09:00 Berlin). */
  function weekOf(k: number) {
    const start = Date.UTC(2026, 0, 5, 8) + k * 7 * 86_400_000;
    return { start, end: start + 7 * 86_400_000 };
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  // 2026-03-09 is after the spring change; weeks 10.. in CEST would be 07:00Z.
  // Stay in winter weeks (before 29 March) so hand-offs are 08:00Z.
  const week2 = weekOf(2);
  const week3 = weekOf(3);

  it('adds the override to spec.overrides keeping every comment and the other documents', async () => {
    const { outputs } = await run({
      rotation: 'rotation:default/streaming-oncall',
      start: '2026-01-21T10:00:00+01:00',
      end: '2026-01-23T18:00:00+01:00',
      role: 'primary',
      user: 'user:default/dee',
    });
    const written = await fs.readFile(
      mockDir.resolve('workspace/streaming-oncall.yaml'),
      'utf8',
    );
    // Every comment line of the original survives, and the rest of the file too.
    for (const line of ROTATION_YAML.split('\n').filter(l => l.includes('#'))) {
      expect(written).toContain(line.trim());
    }
    expect(written).toContain('kind: Component');
    expect(written).toContain(
      `  overrides:\n    - start: '2026-01-21T10:00'\n      end: '2026-01-23T18:00'\n      user: user:default/dee\n      role: primary\n`,
    );
    const edited = rotationOf(written);
    expect(validateDataInfraEntity(edited)).toEqual([]);
    expect(outputs.publishVia).toBe('local');
    expect(outputs.filePath).toBe('streaming-oncall.yaml');
    expect(outputs.overrides).toEqual([
      {
        start: '2026-01-21T10:00',
        end: '2026-01-23T18:00',
        user: 'user:default/dee',
        role: 'primary',
      },
    ]);
    // The preview is the rotation's shifts, marked where the override holds.
    expect(outputs.preview).toMatch(
      /\| primary \| user:default\/dee \| Wed 21 Jan 2026 10:00 \| Fri 23 Jan 2026 18:00 \| \*\*override\*\* \|/,
    );
    expect(outputs.preview).toContain('**Today**');
    // The original file is untouched until the publish step.
    await expect(fs.readFile(file, 'utf8')).resolves.toBe(ROTATION_YAML);
  });

  it("converts the requester's zone to the rotation's local time", async () => {
    const { outputs } = await run({
      rotation: 'streaming-oncall',
      start: '2026-01-21T04:00:00-05:00', // 10:00 in Berlin
      end: '2026-01-21T17:00:00Z', // 18:00 in Berlin
      user: 'dee',
    });
    expect(outputs.overrides[0]).toMatchObject({
      start: '2026-01-21T10:00',
      end: '2026-01-21T18:00',
      user: 'user:default/dee',
    });
  });

  it("makes a swap two overrides: each takes the other's shift", async () => {
    const base = rotationOf(ROTATION_YAML);
    const holder = (w: { start: number; end: number }) =>
      rotationShifts(base, w.start, w.end).shifts.find(
        s => s.role === 'primary',
      )!.user;
    const a = holder(week2);
    const b = holder(week3);
    expect(a).not.toBe(b);
    const { outputs } = await run({
      rotation: 'rotation:default/streaming-oncall',
      start: iso(week2.start),
      end: iso(week2.end),
      user: b,
      swap: true,
      swapStart: iso(week3.start),
      swapEnd: iso(week3.end),
    });
    expect(outputs.overrides).toEqual([
      {
        start: '2026-01-19T09:00',
        end: '2026-01-26T09:00',
        user: b,
        role: 'primary',
      },
      {
        start: '2026-01-26T09:00',
        end: '2026-02-02T09:00',
        user: a,
        role: 'primary',
      },
    ]);
    const edited = rotationOf(
      await fs.readFile(
        mockDir.resolve('workspace/streaming-oncall.yaml'),
        'utf8',
      ),
    );
    const after = (w: { start: number; end: number }) =>
      rotationShifts(edited, w.start, w.end).shifts.filter(
        s => s.role === 'primary',
      );
    expect(after(week2)).toEqual([
      expect.objectContaining({ user: b, source: 'override' }),
    ]);
    expect(after(week3)).toEqual([
      expect.objectContaining({ user: a, source: 'override' }),
    ]);
    expect(outputs.title).toMatch(
      /^Swap in rotation:default\/streaming-oncall/,
    );
  });

  it('refuses a swap with someone who does not hold the shift taken in return', async () => {
    // dee is no participant, so holds no shift to give in return.
    await expect(
      run({
        rotation: 'streaming-oncall',
        start: iso(week2.start),
        end: iso(week2.end),
        user: 'dee',
        swap: true,
        swapStart: iso(week3.start),
        swapEnd: iso(week3.end),
      }),
    ).rejects.toThrow(
      /^swapStart: in a swap user:default\/dee must hold the primary role/,
    );
  });

  it("names the field when the whole Rotation would not be valid, with the catalog's message", async () => {
    const full = `${ROTATION_YAML.split('---')[0]}  overrides:\n${Array.from(
      { length: 500 },
      (_, i) =>
        `    - { start: '2027-01-01T00:00', end: '2027-01-01T01:00', user: user:default/ann, role: primary } # ${i}\n`,
    ).join('')}`;
    await fs.writeFile(file, full);
    const error = await run(
      {
        rotation: 'streaming-oncall',
        start: '2026-01-21T10:00:00+01:00',
        end: '2026-01-22T10:00:00+01:00',
        user: 'dee',
      },
      setup({ text: full }),
    ).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /^The Rotation would not be valid, nothing was published:\nrotation:default\/streaming-oncall: spec\.overrides: /,
    );
    await expect(fs.readdir(mockDir.resolve('workspace'))).resolves.toEqual([]);
  });

  it.each([
    [
      'a huge user',
      { user: `user:default/${'x'.repeat(1_000_000)}` },
      /^user: must be a User reference like user:default\/jane\.doe, got "user:default\/x{60}/,
    ],
    [
      'a user with control characters',
      { user: 'user:default/dee\n- start: x' },
      /^user: must be a User reference/,
    ],
    [
      'a group as the user',
      { user: 'group:default/dee' },
      /^user: must be a User reference/,
    ],
    [
      'an unknown user',
      { user: 'user:default/nobody' },
      /^user: there is no User user:default\/nobody in the catalog/,
    ],
    [
      'a reversed period',
      { start: '2026-01-22T10:00:00Z', end: '2026-01-21T10:00:00Z' },
      /^end: must be after start/,
    ],
    [
      'a period of years',
      { end: '2029-01-21T10:00:00Z' },
      /^end: a cover request spans at most 90 days, got 1099 days/,
    ],
    [
      'a date without offset',
      { start: '2026-01-21T10:00' },
      /^start: must be an ISO-8601 instant with an offset/,
    ],
    [
      'a huge date',
      { start: `2026-01-21T10:00:00Z${' '.repeat(10_000)}` },
      /^start: must be an ISO-8601 instant/,
    ],
    [
      'milliseconds',
      { start: '2026-01-21T10:00:00.5Z' },
      /^start: must be a whole second/,
    ],
    [
      'an unknown rotation',
      { rotation: 'rotation:default/nope' },
      /^rotation: there is no Rotation rotation:default\/nope/,
    ],
    [
      'a component as the rotation',
      { rotation: 'component:default/streaming-oncall' },
      /^rotation: must be a Rotation reference/,
    ],
    [
      'a swap without its period',
      { swap: true },
      /^swapStart: must be an ISO-8601 instant/,
    ],
    [
      'the person already on call',
      { user: 'OWN' },
      /^user: user:default\/\w+ already holds the primary role for the whole period/,
    ],
  ])('refuses %s, naming the field', async (_, change, message) => {
    const base = rotationOf(ROTATION_YAML);
    const own = rotationShifts(base, week2.start, week2.end).shifts.find(
      s => s.role === 'primary',
    )!.user;
    const input = {
      rotation: 'rotation:default/streaming-oncall',
      start: iso(week2.start),
      end: '2026-01-21T10:00:00Z',
      user: 'user:default/dee',
      ...change,
    };
    if (input.user === 'OWN') input.user = own;
    const error = await run(input).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(400);
    await expect(fs.readdir(mockDir.resolve('workspace'))).resolves.toEqual([]);
  });

  it('refuses secondary on a 1-deep rotation', async () => {
    const text = ROTATION_YAML.replace('depth: 2', 'depth: 1');
    await fs.writeFile(file, text);
    await expect(
      run(
        {
          rotation: 'streaming-oncall',
          start: iso(week2.start),
          end: iso(week2.end),
          user: 'dee',
          role: 'secondary',
        },
        setup({ text }),
      ),
    ).rejects.toThrow(
      /^role: rotation:default\/streaming-oncall has depth 1, so it has only a primary/,
    );
  });

  it('warns when the person covering would hold both roles at once', async () => {
    const base = rotationOf(ROTATION_YAML);
    const secondary = rotationShifts(base, week2.start, week2.end).shifts.find(
      s => s.role === 'secondary',
    )!.user;
    const { outputs } = await run({
      rotation: 'streaming-oncall',
      start: iso(week2.start),
      end: iso(week2.start + 86_400_000),
      user: secondary,
    });
    expect(outputs.preview).toMatch(/Warning:.*would hold both roles at once/);
  });

  describe('where it publishes', () => {
    const input = {
      rotation: 'streaming-oncall',
      start: '2026-01-21T10:00:00+01:00',
      end: '2026-01-22T10:00:00+01:00',
      user: 'dee',
    };
    const integrations = {
      gitlab: [
        {
          host: 'gitlab.example.com',
          token: 't',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
        },
      ],
      github: [
        {
          host: 'github.example.com',
          token: 't',
          apiBaseUrl: 'https://github.example.com/api/v3',
        },
      ],
    };

    it('opens a GitLab merge request for a file on an integrations.gitlab host (managed-by-location)', async () => {
      const url =
        'https://gitlab.example.com/data/platform/org/-/blob/main/catalog-info/rotations/streaming-oncall.yaml';
      const s = setup({
        annotations: { 'backstage.io/managed-by-location': `url:${url}` },
        config: { integrations },
      });
      const { outputs } = await run(input, s);
      expect(s.urlReader.readUrl).toHaveBeenCalledWith(url);
      expect(outputs).toMatchObject({
        publishVia: 'gitlab',
        repoUrl: 'gitlab.example.com?owner=data%2Fplatform&repo=org',
        targetBranch: 'main',
        filePath: 'catalog-info/rotations/streaming-oncall.yaml',
        fileUrl: url,
      });
      await expect(
        fs.readFile(
          mockDir.resolve(
            'workspace/catalog-info/rotations/streaming-oncall.yaml',
          ),
          'utf8',
        ),
      ).resolves.toContain('user: user:default/dee');
    });

    it('opens a GitHub pull request for a file on github.com, named by source-location', async () => {
      const url =
        'https://github.com/acme/org/blob/release/rotations/streaming-oncall.yml';
      const s = setup({
        annotations: {
          'backstage.io/source-location': `url:${url}`,
          'backstage.io/managed-by-location': `file:${file}`,
        },
        config: { integrations },
      });
      const { outputs } = await run(input, s);
      expect(outputs).toMatchObject({
        publishVia: 'github',
        repoUrl: 'github.com?owner=acme&repo=org',
        targetBranch: 'release',
        filePath: 'rotations/streaming-oncall.yml',
      });
    });

    it('uses managed-by-location when source-location is the folder the catalog sets', async () => {
      const s = setup({
        annotations: {
          'backstage.io/source-location':
            'url:https://github.example.com/acme/org/tree/main/rotations/',
          'backstage.io/managed-by-location':
            'url:https://github.example.com/acme/org/blob/main/rotations/streaming-oncall.yaml',
        },
        config: { integrations },
      });
      const { outputs } = await run(input, s);
      expect(outputs).toMatchObject({
        publishVia: 'github',
        repoUrl: 'github.example.com?owner=acme&repo=org',
      });
    });

    it('refuses a host that is no GitLab or GitHub integration', async () => {
      const s = setup({
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://git.example.com/acme/org/blob/main/r.yaml',
        },
        config: { integrations },
      });
      await expect(run(input, s)).rejects.toThrow(
        /^rotation: its file "https:\/\/git\.example\.com\/acme\/org\/blob\/main\/r\.yaml" is on "git\.example\.com", which is neither in integrations\.gitlab nor in integrations\.github/,
      );
    });

    it('refuses a local file outside dataInfra.coverRequests.localDirectories', async () => {
      const s = setup({
        config: {
          dataInfra: {
            coverRequests: { localDirectories: [mockDir.resolve('elsewhere')] },
          },
        },
      });
      await expect(run(input, s)).rejects.toThrow(
        /^rotation: its file .* is a local file outside dataInfra\.coverRequests\.localDirectories/,
      );
    });

    it('publishes locally in place, refreshing the rotation, and refuses when the file changed meanwhile', async () => {
      const s = setup();
      const { outputs } = await run(input, s);
      const publishCtx = () =>
        createMockActionContext({
          input: {
            rotation: 'streaming-oncall',
            expectedSha256: outputs.originalSha256,
          } as any,
          workspacePath: mockDir.resolve('workspace'),
        });
      const ctx = publishCtx();
      await s.publish.handler(ctx);
      const written = await fs.readFile(file, 'utf8');
      expect(parse(written.split('---')[0]).spec.overrides).toEqual([
        {
          start: '2026-01-21T10:00',
          end: '2026-01-22T10:00',
          user: 'user:default/dee',
          role: 'primary',
        },
      ]);
      expect(s.catalog.refreshEntity).toHaveBeenCalledWith(
        'rotation:default/streaming-oncall',
        expect.anything(),
      );
      // The file is now different from what the request was prepared on.
      await expect(s.publish.handler(publishCtx())).rejects.toThrow(
        /changed since this request was prepared/,
      );
    });
  });
});
