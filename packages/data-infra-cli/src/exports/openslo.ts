/*
 * `data-infra export openslo`: OpenSLO v1 `SLI` and `SLO` documents for
 * every indicator, for tools that read OpenSLO (Sloth, OpenSLO's oslo,
 * vendors). Queries keep the {{.window}} placeholder, as Sloth expects it.
 */
import {
  DEFAULT_LATENCY_PERCENTILE,
  freshnessTargetSeconds,
  latencyQuery,
  latencyThresholdSeconds,
  slaWindowOf,
} from '@data-infra/backstage-plugin-data-infra-common';
import type { MeasuredService } from './services';

type Doc = Record<string, unknown>;

const prometheus = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

/** An OpenSLO name (a DNS label): the service's name, with its namespace unless it is default. */
function baseName(s: MeasuredService): string {
  const ns = s.service.metadata.namespace ?? 'default';
  return (ns === 'default' ? s.service.metadata.name : `${ns}-${s.service.metadata.name}`).toLocaleLowerCase('en-US');
}

function pair(s: MeasuredService, what: string, indicator: Doc, slo: Doc): Doc[] {
  const name = `${baseName(s)}-${what}`;
  const displayName = `${s.title} ${what}`;
  return [
    { apiVersion: 'openslo/v1', kind: 'SLI', metadata: { name, displayName }, spec: indicator },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name, displayName },
      spec: {
        description: `${s.title} (${s.ref}), owned by ${s.ownerRef}: from spec.sla of its catalog-info.`,
        service: baseName(s),
        indicatorRef: name,
        ...slo,
      },
    },
  ];
}

/** The documents, SLI before its SLO, services in ref order, availability, freshness, latency. */
export function openSloDocuments(services: MeasuredService[]): Doc[] {
  return services.flatMap(s => {
    const sla = s.service.spec.sla!;
    const indicators = sla.indicators!;
    const span = slaWindowOf(sla);
    if (!span) return [];
    const timeWindow = [{ duration: span.window, isRolling: true }];
    // Threshold SLOs count good minutes against the availability target (0.99 without one).
    const sliceTarget = typeof sla.availability === 'number' && sla.availability < 100 ? sla.availability / 100 : 0.99;
    const docs: Doc[] = [];
    const availability = indicators.availability;
    if (availability && typeof sla.availability === 'number') {
      const ratioMetric =
        'ratio' in availability
          ? { counter: false, rawType: 'success', raw: prometheus(availability.ratio) }
          : { counter: false, good: prometheus(availability.good), total: prometheus(availability.total) };
      docs.push(
        ...pair(s, 'availability', { ratioMetric }, {
          timeWindow,
          budgetingMethod: 'Occurrences',
          objectives: [{ displayName: `${sla.availability} % available`, target: sla.availability / 100 }],
        }),
      );
    }
    const freshness = freshnessTargetSeconds(sla);
    if (indicators.freshness !== undefined && freshness !== undefined) {
      docs.push(
        ...pair(s, 'freshness', { thresholdMetric: prometheus(indicators.freshness) }, {
          timeWindow,
          budgetingMethod: 'Timeslices',
          objectives: [
            { displayName: `data at most ${sla.freshness} old`, op: 'lte', value: freshness, target: sliceTarget, timeSliceTarget: 1, timeSliceWindow: '1m' },
          ],
        }),
      );
    }
    const latency = indicators.latency;
    const threshold = latency ? latencyThresholdSeconds(latency) : undefined;
    if (latency && threshold !== undefined) {
      const label = 'histogram' in latency ? `p${latency.percentile ?? DEFAULT_LATENCY_PERCENTILE} ` : '';
      docs.push(
        ...pair(s, 'latency', { thresholdMetric: prometheus(latencyQuery(latency)) }, {
          timeWindow,
          budgetingMethod: 'Timeslices',
          objectives: [
            { displayName: `${label}latency at most ${latency.threshold}`, op: 'lte', value: threshold, target: sliceTarget, timeSliceTarget: 1, timeSliceWindow: '1m' },
          ],
        }),
      );
    }
    return docs;
  });
}
