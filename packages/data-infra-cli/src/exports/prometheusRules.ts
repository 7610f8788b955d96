/*
 * `data-infra export prometheus-rules`: recording rules for every window of
 * every DataService's indicators, and the multi-window, multi-burn-rate
 * alerts of the SRE workbook on them, as one Prometheus rule file.
 */
import {
  BURN_ALERTS,
  burnRateThreshold,
  errorBudgetFraction,
  errorRatioQuery,
  freshnessQuery,
  freshnessTargetSeconds,
  latencyQuery,
  latencyThresholdSeconds,
  SLI_WINDOWS,
  slaWindowOf,
  windowMs,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { MeasuredService } from './services';
import { policySummary } from './services';

/** Record names: `data_infra:<what>:<how>`, after Prometheus's level:metric:operations convention. */
export const RECORD = {
  errorRatio: (window: string) => `data_infra:sli_error:ratio_rate${window}`,
  objective: 'data_infra:slo_objective:ratio',
  freshness: 'data_infra:sli_freshness:seconds',
  latency: 'data_infra:sli_latency:seconds',
};

/** Alert names, most urgent first. */
export const ALERT = {
  fast: 'DataInfraErrorBudgetFastBurn',
  slow: 'DataInfraErrorBudgetSlowBurn',
  ticket: 'DataInfraErrorBudgetTicketBurn',
  noData: 'DataInfraSliNoData',
  freshness: 'DataInfraFreshnessBreached',
  latency: 'DataInfraLatencyBreached',
};

/** Windows shorter than this are evaluated with the global interval, the others every 5 minutes. */
const LONG_WINDOW_MS = 24 * 3600_000;

type Rule = Record<string, unknown>;

const selector = (s: MeasuredService) => `{service=${JSON.stringify(s.ref)}}`;

function ruleLabels(s: MeasuredService): Record<string, string> {
  return { owner: s.ownerRef, service: s.ref };
}

function alertLabels(s: MeasuredService, severity: string, slo: string): Record<string, string> {
  return {
    owner: s.ownerRef,
    service: s.ref,
    severity,
    slo,
    ...(s.service.spec.tier !== undefined ? { tier: String(s.service.spec.tier) } : {}),
  };
}

function annotations(s: MeasuredService, summary: string, description: string): Record<string, string> {
  const escalation = policySummary(s.policy);
  return {
    summary,
    description,
    ...(escalation ? { escalation: `${escalation} (policy of ${s.policyRef})` } : {}),
    ...(s.service.spec.runbook ? { runbook_url: s.service.spec.runbook } : {}),
  };
}

/** The rule groups of one service: short windows and alerts, and the long windows (every 5 minutes). */
function serviceGroups(s: MeasuredService): Array<Record<string, unknown>> {
  const sla = s.service.spec.sla!;
  const indicators = sla.indicators!;
  const short: Rule[] = [];
  const long: Rule[] = [];
  const span = slaWindowOf(sla);
  const availability = indicators.availability;
  if (availability && span && typeof sla.availability === 'number') {
    const budget = errorBudgetFraction(sla.availability);
    const windows = [...new Set([...SLI_WINDOWS, span.window])];
    for (const w of windows) {
      (windowMs(w) < LONG_WINDOW_MS ? short : long).push({
        record: RECORD.errorRatio(w),
        expr: errorRatioQuery(availability, w),
        labels: ruleLabels(s),
      });
    }
    long.push({ record: RECORD.objective, expr: String(sla.availability / 100), labels: ruleLabels(s) });
    const target = `${sla.availability} %`;
    for (const policy of BURN_ALERTS) {
      const threshold = burnRateThreshold(policy, span.windowMs);
      const over = (w: string) => `${RECORD.errorRatio(w)}${selector(s)} > (${threshold} * ${budget})`;
      const pct = Math.round(policy.budgetShare * 100);
      short.push({
        alert: ALERT[policy.id],
        expr: `${over(policy.long)}\nand\n${over(policy.short)}`,
        labels: alertLabels(s, policy.severity, 'availability'),
        annotations: annotations(
          s,
          `${s.title} burns its error budget more than ${threshold}× as fast as its target allows (${policy.long} and ${policy.short})`,
          `Over the last ${policy.long}, {{ $value | humanizePercentage }} of ${s.title}'s events were bad, more than ${threshold}× the ` +
            `${target} target allows: at this rate ${pct} % of the ${span.window} error budget is gone in ${policy.long}.`,
        ),
      });
    }
    short.push({
      alert: ALERT.noData,
      expr: `absent(${RECORD.errorRatio('1h')}${selector(s)})`,
      for: '30m',
      labels: alertLabels(s, 'sev3', 'availability'),
      annotations: annotations(
        s,
        `${s.title}'s availability indicator has no data`,
        `spec.sla.indicators.availability of ${s.ref} returned nothing for 30 minutes; its burn-rate alerts cannot fire. Check the exporter and the metric names.`,
      ),
    });
  }
  const freshnessTarget = freshnessTargetSeconds(sla);
  if (indicators.freshness !== undefined && freshnessTarget !== undefined) {
    short.push({ record: RECORD.freshness, expr: freshnessQuery(indicators.freshness), labels: ruleLabels(s) });
    short.push({
      alert: ALERT.freshness,
      expr: `${RECORD.freshness}${selector(s)} > ${freshnessTarget}`,
      for: '5m',
      labels: alertLabels(s, 'sev2', 'freshness'),
      annotations: annotations(
        s,
        `${s.title}'s data is older than its ${sla.freshness} freshness SLA`,
        `${s.title}'s data is {{ $value | humanizeDuration }} old; spec.sla.freshness allows ${sla.freshness}.`,
      ),
    });
  }
  const latency = indicators.latency;
  const threshold = latency ? latencyThresholdSeconds(latency) : undefined;
  if (latency && threshold !== undefined) {
    short.push({ record: RECORD.latency, expr: latencyQuery(latency), labels: ruleLabels(s) });
    short.push({
      alert: ALERT.latency,
      expr: `${RECORD.latency}${selector(s)} > ${threshold}`,
      for: '10m',
      labels: alertLabels(s, 'sev3', 'latency'),
      annotations: annotations(
        s,
        `${s.title}'s latency is above its ${latency.threshold} threshold`,
        `${s.title}'s latency is {{ $value | humanizeDuration }}, above the ${threshold} s of spec.sla.indicators.latency.`,
      ),
    });
  }
  const name = `data-infra/${s.ref}`;
  return [
    ...(short.length ? [{ name, rules: short }] : []),
    ...(long.length ? [{ name: `${name}/long-windows`, interval: '5m', rules: long }] : []),
  ];
}

/** The rule file: `groups`, two per service at most, in ref order. */
export function prometheusRules(services: MeasuredService[]): { groups: Array<Record<string, unknown>> } {
  return { groups: services.flatMap(serviceGroups) };
}
