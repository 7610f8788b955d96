/* eslint-disable no-script-url -- a test feeds a script URL on purpose */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { validateDataInfraEntity } from '@data-infra/backstage-plugin-data-infra-common';
import { parse } from 'yaml';
import { createRenderCatalogInfoAction } from './renderCatalogInfo';

const form = {
  name: 'lineage-api',
  title: 'Lineage API',
  description: 'Column-level lineage for the lakehouse.',
  type: 'metadata',
  owner: 'subteam:default/data-engineering',
  tier: 2,
  technology: 'OpenLineage',
  runbook: 'https://runbooks.example.com/lineage-api',
  dependsOn: ['dataservice:default/trino'],
  consumers: ['group:default/analytics'],
  escalation: { mode: 'inherited' as const },
};

describe('data-infra:catalog-info:render', () => {
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  async function render(input: object) {
    const workspacePath = mockDir.resolve('workspace');
    await fs.mkdir(workspacePath, { recursive: true });
    const ctx = createMockActionContext({ input: input as any, workspacePath });
    await createRenderCatalogInfoAction().handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    const file = await fs.readFile(
      path.join(workspacePath, 'catalog-info.yaml'),
      'utf8',
    );
    return { outputs, file };
  }

  it('renders a valid DataService, writes it and outputs its YAML and ref', async () => {
    const { outputs, file } = await render(form);
    expect(outputs.entityRef).toBe('dataservice:default/lineage-api');
    expect(outputs.yaml).toBe(file);
    const entity = parse(file);
    expect(validateDataInfraEntity(entity)).toEqual([]);
    expect(entity).toMatchObject({
      apiVersion: 'data-infra.io/v1alpha1',
      kind: 'DataService',
      metadata: { name: 'lineage-api', title: 'Lineage API' },
      spec: {
        type: 'metadata',
        lifecycle: 'production',
        owner: 'subteam:default/data-engineering',
        tier: 2,
        dependsOn: ['dataservice:default/trino'],
        consumers: ['group:default/analytics'],
      },
    });
    // inherited escalation: no policy of its own
    expect(entity.spec.escalation).toBeUndefined();
  });

  it.each([
    [
      1,
      {
        availability: 99.95,
        supportHours: { type: '24x7' },
        responseTime: { sev1: 'PT15M' },
      },
    ],
    [
      2,
      {
        availability: 99.9,
        supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' },
        responseTime: { sev1: 'PT1H' },
      },
    ],
    [
      3,
      {
        availability: 99.5,
        supportHours: { type: 'business-hours', timezone: 'Europe/Berlin' },
        responseTime: { sev1: 'PT4H' },
      },
    ],
  ])('fills the SLA from tier %s', async (tier, expected) => {
    const { file } = await render({ ...form, tier });
    expect(parse(file).spec.sla).toMatchObject({ window: '30d', ...expected });
  });

  it('lets the form override the tier defaults field by field', async () => {
    const { file } = await render({
      ...form,
      tier: '1',
      sla: {
        availability: 99.99,
        supportHours: 'business-hours',
        timezone: 'America/Chicago',
        responseTime: { sev1: 'PT5M', sev2: '' },
      },
    });
    expect(parse(file).spec.sla).toEqual({
      availability: 99.99,
      window: '30d',
      supportHours: { type: 'business-hours', timezone: 'America/Chicago' },
      responseTime: { sev1: 'PT5M', sev2: 'PT1H', sev3: 'PT8H' },
    });
  });

  it('turns custom escalation levels into targets by the kind of the ref', async () => {
    const { file } = await render({
      ...form,
      escalation: {
        mode: 'custom',
        repeat: 1,
        levels: [
          { after: 'PT0M', target: 'rotation:default/data-engineering-oncall' },
          {
            after: 'PT10M',
            target: 'rotation:default/data-engineering-oncall',
            role: 'secondary',
          },
          { after: 'PT30M', target: 'subteam:default/data-engineering' },
          { after: 'PT1H', target: 'user:default/samira.haddad' },
        ],
      },
    });
    expect(parse(file).spec.escalation).toEqual({
      repeat: 1,
      levels: [
        {
          after: 'PT0M',
          target: {
            rotation: 'rotation:default/data-engineering-oncall',
            role: 'primary',
          },
        },
        {
          after: 'PT10M',
          target: {
            rotation: 'rotation:default/data-engineering-oncall',
            role: 'secondary',
          },
        },
        {
          after: 'PT30M',
          target: { subteamLead: 'subteam:default/data-engineering' },
        },
        { after: 'PT1H', target: { user: 'user:default/samira.haddad' } },
      ],
    });
  });

  it('fails naming the field when the entity would be invalid, and writes nothing', async () => {
    const workspacePath = mockDir.resolve('workspace');
    await fs.mkdir(workspacePath, { recursive: true });
    const ctx = createMockActionContext({
      input: { ...form, sla: { availability: 120 } } as any,
      workspacePath,
    });
    await expect(createRenderCatalogInfoAction().handler(ctx)).rejects.toThrow(
      /dataservice:default\/lineage-api: spec\.sla\.availability: must be a percentage above 0 and at most 100, got 120/,
    );
    await expect(fs.readdir(workspacePath)).resolves.toEqual([]);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('reports every problem on its own line', async () => {
    const ctx = createMockActionContext({
      input: {
        ...form,
        tier: 7,
        runbook: 'not a url',
      } as any,
    });
    const error = await createRenderCatalogInfoAction()
      .handler(ctx)
      .catch(e => e);
    expect(error.name).toBe('InputError');
    const lines = error.message.split('\n').slice(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'dataservice:default/lineage-api: spec.tier: must be 1, 2 or 3, got 7',
        expect.stringMatching(
          /^dataservice:default\/lineage-api: spec\.runbook: /,
        ),
      ]),
    );
  });

  it('refuses a javascript: runbook, naming the field', async () => {
    const ctx = createMockActionContext({
      input: { ...form, runbook: 'javascript:alert(document.domain)' } as any,
    });
    await expect(createRenderCatalogInfoAction().handler(ctx)).rejects.toThrow(
      'dataservice:default/lineage-api: spec.runbook: must be an http(s) URL like https://runbooks.example.com/kafka, got "javascript:alert(document.domain)"',
    );
  });

  it('fails on escalation delays that do not increase', async () => {
    const ctx = createMockActionContext({
      input: {
        ...form,
        escalation: {
          mode: 'custom',
          levels: [
            { after: 'PT10M', target: 'user:default/a' },
            { after: 'PT5M', target: 'user:default/b' },
          ],
        },
      } as any,
    });
    await expect(createRenderCatalogInfoAction().handler(ctx)).rejects.toThrow(
      /spec\.escalation\.levels\[1\]\.after/,
    );
  });

  it('rejects a name Backstage would not accept', async () => {
    const ctx = createMockActionContext({
      input: { ...form, name: 'Lineage API!' } as any,
    });
    await expect(createRenderCatalogInfoAction().handler(ctx)).rejects.toThrow(
      /: metadata\.name: is not valid; expected .* but found "Lineage API!"/,
    );
  });
});
