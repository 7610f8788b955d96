import {
  findPrometheusTools,
  prometheusToolsOrSkip,
} from '@internal/prometheus-testkit';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { fixtureDir, MINI_ORG, runCli, SEEDED_CATALOG } from '../lib/testing';

const exec = promisify(execFile);
const tools = prometheusToolsOrSkip(
  'promtool and amtool checks of the exports',
);
const describeWithTools = tools ? describe : describe.skip;
const toolsOf = () =>
  findPrometheusTools() as Exclude<
    ReturnType<typeof findPrometheusTools>,
    { missing: string }
  >;

/** A service whose errors start at minute 120, every request failing. */
const CHECKOUT = `${MINI_ORG}---
apiVersion: data-infra.io/v1alpha1
kind: DataService
metadata:
  name: checkout
  title: Checkout
spec:
  type: api
  lifecycle: production
  owner: core
  tier: 1
  sla:
    availability: 99.9
    window: 30d
    indicators:
      availability:
        good: sum(rate(t_requests_total[{{.window}}])) - sum(rate(t_errors_total[{{.window}}]))
        total: sum(rate(t_requests_total[{{.window}}]))
  escalation:
    levels:
      - after: PT0M
        target: { user: user:default/ann }
`;

async function exported(target: string, catalog: string, extra: string[] = []) {
  const result = await runCli([
    'export',
    target,
    '--catalog',
    catalog,
    ...extra,
  ]);
  expect(
    result.stderr.split('\n').filter(l => l && !l.startsWith('warning:')),
  ).toEqual([]);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('export prometheus-rules', () => {
  it('is the same on every run, services in ref order, two groups each at most', async () => {
    const first = await exported('prometheus-rules', SEEDED_CATALOG);
    expect(await exported('prometheus-rules', SEEDED_CATALOG)).toBe(first);
    const { groups } = parse(first);
    const names = groups.map((g: any) => g.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('data-infra/dataservice:default/kafka');
    expect(names).toContain(
      'data-infra/dataservice:default/kafka/long-windows',
    );
    const kafka = groups.find(
      (g: any) => g.name === 'data-infra/dataservice:default/kafka',
    ).rules;
    const fast = kafka.find(
      (r: any) => r.alert === 'DataInfraErrorBudgetFastBurn',
    );
    expect(fast.labels).toEqual({
      owner: 'subteam:default/data-platform',
      service: 'dataservice:default/kafka',
      severity: 'sev1',
      slo: 'availability',
      tier: '1',
    });
    expect(fast.expr).toBe(
      'data_infra:sli_error:ratio_rate1h{service="dataservice:default/kafka"} > (14.4 * 0.0005)\nand\ndata_infra:sli_error:ratio_rate5m{service="dataservice:default/kafka"} > (14.4 * 0.0005)',
    );
    expect(
      kafka.find((r: any) => r.alert === 'DataInfraErrorBudgetSlowBurn').expr,
    ).toMatch(/ratio_rate6h.* > \(6 \* 0\.0005\)\nand\n.*ratio_rate30m/);
  });

  describeWithTools('with promtool', () => {
    it('passes promtool check rules', async () => {
      const dir = fixtureDir({
        'rules.yml': await exported('prometheus-rules', SEEDED_CATALOG),
      });
      const { stdout } = await exec(toolsOf().promtool, [
        'check',
        'rules',
        join(dir, 'rules.yml'),
      ]);
      expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
    });

    it('fires the fast-burn alert for a known outage (promtool test rules), and not before it', async () => {
      const catalog = fixtureDir({ 'catalog.yaml': CHECKOUT });
      const dir = fixtureDir({
        'rules.yml': await exported('prometheus-rules', catalog),
      });
      // 60 requests a minute from 0; from minute 121 on every one fails.
      writeFileSync(
        join(dir, 'test.yml'),
        `rule_files: [rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: t_requests_total
        values: '0+60x179'
      - series: t_errors_total
        values: '0x120 60+60x58'
    alert_rule_test:
      - eval_time: 100m
        alertname: DataInfraErrorBudgetFastBurn
        exp_alerts: []
      - eval_time: 150m
        alertname: DataInfraErrorBudgetFastBurn
        exp_alerts:
          - exp_labels:
              owner: subteam:default/core
              service: dataservice:default/checkout
              severity: sev1
              slo: availability
              tier: '1'
            exp_annotations:
              summary: Checkout burns its error budget more than 14.4× as fast as its target allows (1h and 5m)
              description: "Over the last 1h, 50% of Checkout's events were bad, more than 14.4× the 99.9 % target allows: at this rate 2 % of the 30d error budget is gone in 1h."
              escalation: 'PT0M: user:default/ann (policy of dataservice:default/checkout)'
`,
      );
      const { stdout } = await exec(toolsOf().promtool, [
        'test',
        'rules',
        join(dir, 'test.yml'),
      ]);
      expect(stdout).toMatch(/SUCCESS/);
    });
  });
});

describe('export alertmanager', () => {
  describeWithTools('with amtool', () => {
    it('passes amtool check-config and routes sev1 to the first level of the escalation path', async () => {
      const dir = fixtureDir({
        'alertmanager.yml': await exported('alertmanager', SEEDED_CATALOG),
      });
      const config = join(dir, 'alertmanager.yml');
      const { stdout } = await exec(toolsOf().amtool, ['check-config', config]);
      expect(stdout).toMatch(/SUCCESS/);
      const route = async (...labels: string[]) =>
        (
          await exec(toolsOf().amtool, [
            'config',
            'routes',
            'test',
            `--config.file=${config}`,
            ...labels,
          ])
        ).stdout.trim();
      // Kafka pages through its own policy's first level (the Data Platform pager) and tells the chat.
      expect(
        await route(
          'owner=subteam:default/data-platform',
          'service=dataservice:default/kafka',
          'severity=sev1',
        ),
      ).toBe(
        'escalation:dataservice:default/kafka,subteam:default/data-platform',
      );
      expect(
        await route(
          'owner=subteam:default/data-platform',
          'service=dataservice:default/kafka',
          'severity=sev2',
        ),
      ).toBe('subteam:default/data-platform');
      // vLLM inherits MLOps' policy, whose first level is a person: e-mail.
      expect(
        await route(
          'owner=subteam:default/mlops',
          'service=dataservice:default/vllm',
          'severity=sev1',
        ),
      ).toBe('escalation:subteam:default/mlops,subteam:default/mlops');
    });
  });

  it('names the contact each receiver reaches', async () => {
    const config = parse(await exported('alertmanager', SEEDED_CATALOG));
    const receiver = (name: string) =>
      config.receivers.find((r: any) => r.name === name);
    expect(receiver('subteam:default/data-platform').slack_configs).toEqual([
      { channel: '#data-platform', send_resolved: true },
    ]);
    expect(
      receiver('escalation:dataservice:default/kafka').webhook_configs,
    ).toEqual([
      {
        url: 'https://pager.example.com/services/data-platform',
        send_resolved: true,
      },
    ]);
    expect(receiver('escalation:subteam:default/mlops').email_configs).toEqual([
      { to: 'tomasz.kowalski@example.com', send_resolved: true },
    ]);
  });

  it('adds to an org’s own config with --base, keeping its global, root receiver and routes', async () => {
    const base = fixtureDir({
      'base.yml':
        'global:\n  resolve_timeout: 1m\nroute:\n  receiver: ops\n  routes:\n    - receiver: ops\n      matchers: [team="ops"]\nreceivers:\n  - name: ops\n',
    });
    const config = parse(
      await exported('alertmanager', SEEDED_CATALOG, [
        '--base',
        join(base, 'base.yml'),
      ]),
    );
    expect(config.global).toEqual({ resolve_timeout: '1m' });
    expect(config.route.receiver).toBe('ops');
    expect(config.route.routes.at(-1)).toEqual({
      receiver: 'ops',
      matchers: ['team="ops"'],
    });
    expect(config.receivers[0]).toEqual({ name: 'ops' });
    const clash = fixtureDir({
      'base.yml':
        'route:\n  receiver: x\nreceivers:\n  - name: subteam:default/mlops\n',
    });
    const result = await runCli([
      'export',
      'alertmanager',
      '--catalog',
      SEEDED_CATALOG,
      '--base',
      join(clash, 'base.yml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /already has a receiver named "subteam:default\/mlops"/,
    );
  });

  it('warns, and leaves out the route, when the owner has no contact', async () => {
    const catalog = fixtureDir({ 'catalog.yaml': CHECKOUT });
    const result = await runCli([
      'export',
      'alertmanager',
      '--catalog',
      catalog,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: subteam:default/core: no spec.contact.chat or spec.contact.email',
    );
    expect(parse(result.stdout).route.routes).toEqual([]);
  });
});

describe('export openslo', () => {
  it('writes an SLI and an SLO per indicator, each SLO naming its SLI', async () => {
    const text = await exported('openslo', SEEDED_CATALOG);
    expect(await exported('openslo', SEEDED_CATALOG)).toBe(text);
    const docs = parseAllDocuments(text).map(d => d.toJS());
    expect(docs.every(d => d.apiVersion === 'openslo/v1')).toBe(true);
    const names = docs.map(d => `${d.kind} ${d.metadata.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const slo of docs.filter(d => d.kind === 'SLO')) {
      expect(names).toContain(`SLI ${slo.spec.indicatorRef}`);
      expect(slo.spec.timeWindow).toEqual([
        { duration: '30d', isRolling: true },
      ]);
    }
    const kafka = docs.find(
      d => d.kind === 'SLO' && d.metadata.name === 'kafka-availability',
    );
    expect(kafka.spec).toMatchObject({
      service: 'kafka',
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.9995 }],
    });
    const kafkaSli = docs.find(
      d => d.kind === 'SLI' && d.metadata.name === 'kafka-availability',
    );
    expect(kafkaSli.spec.ratioMetric.good.metricSource.spec.query).toContain(
      'kafka_server_brokertopicmetrics_totalproducerequests_total{topic=""}[{{.window}}]',
    );
    const freshness = docs.find(
      d => d.kind === 'SLO' && d.metadata.name === 'cdc-ingestion-freshness',
    );
    expect(freshness.spec.objectives).toEqual([
      {
        displayName: 'data at most PT15M old',
        op: 'lte',
        value: 900,
        target: 0.9995,
        timeSliceTarget: 1,
        timeSliceWindow: '1m',
      },
    ]);
  });
});

describe('export: bad command lines', () => {
  it('refuses unknown targets (2) and catalogs that do not validate (1)', async () => {
    expect(
      (await runCli(['export', 'grafana', '--catalog', SEEDED_CATALOG])).code,
    ).toBe(2);
    const broken = fixtureDir({
      'catalog.yaml': CHECKOUT.replace(
        'sum(rate(t_requests_total[{{.window}}]))\n',
        'sum(rate(t_requests_total[5m]))\n',
      ),
    });
    const result = await runCli([
      'export',
      'prometheus-rules',
      '--catalog',
      broken,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/documents do not validate/);
  });
});
