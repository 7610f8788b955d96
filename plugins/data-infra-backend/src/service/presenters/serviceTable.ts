/*
 * The service catalog as a table GET /services filters, sorts and pages on
 * the server: what each row is filtered and sorted by is computed once per
 * view and findings, and each sort order once, so a page costs a pass over
 * the rows and the rows of the page (10,000 services are never sent to
 * sort in the browser).
 */
import {
  DataServiceEntityV1alpha1,
  Finding,
  isSubteamEntity,
  MeasuredSummary,
  measuredSummary,
  parseIsoDuration,
  resolveEscalationPolicy,
  ServiceLevelMeasurement,
  ServiceSortKey, normaliseEntityRef, entityRefOf, severityRank } from '@data-infra/backstage-plugin-data-infra-common';
import type { CatalogView } from '../state/CatalogSnapshot';
import { findingsOf, worst } from './findingIndex';
import { sizeOf } from '../state/MemoryBudget';
import { titleOf } from '../refs';

/** One service with what the table filters and sorts it by. */
export interface ServiceTableRow {
  service: DataServiceEntityV1alpha1;
  ref: string;
  ownerRef?: string;
  domain: string | null;
  findings: Finding[];
  /** The budget as measured when the table was built (see SlaMeter). */
  measured?: MeasuredSummary;
  /** Lower-cased text `q` searches: name, title, description, technology, type, tags. */
  haystack: string;
  /** null: no value to sort by, last in either order. */
  sortValues: Record<ServiceSortKey, string | number | null>;
}

export interface ServiceFilter {
  domain?: string;
  owner?: string;
  tier?: number;
  lifecycle?: string;
  q?: string;
}

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });
const durationMs = (text: string | undefined) =>
  (text ? parseIsoDuration(text)?.toMillis() : undefined) ?? Number.MAX_SAFE_INTEGER;

export class ServiceTable {
  readonly rows: ServiceTableRow[];
  readonly #orders = new Map<string, ServiceTableRow[]>();
  readonly #rowBytes: number;

  /** `findings` and `measurements` of one measurement cycle: the table is rebuilt with the next. */
  constructor(view: CatalogView, findings: Finding[], measurements: Map<string, ServiceLevelMeasurement>) {
    this.rows = view.services.map(service => {
      const ref = entityRefOf(service);
      const spec = service.spec;
      const ownerRef = normaliseEntityRef(spec.owner, { defaultKind: 'subteam', defaultNamespace: service.metadata.namespace });
      const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
      const domain = owner && isSubteamEntity(owner) ? owner.spec.domain : null;
      const own = findingsOf(findings, ref);
      const worstFinding = worst(own);
      const policy = resolveEscalationPolicy(service, view.lookup).policy;
      const levels = Array.isArray(policy?.levels) ? policy!.levels : [];
      const sla = spec.sla;
      const title = titleOf(service, ref);
      const measured = measuredSummary(measurements.get(ref));
      return {
        service,
        ref,
        ownerRef,
        domain,
        findings: own,
        ...(measured ? { measured } : {}),
        haystack: [
          service.metadata.name,
          service.metadata.title,
          service.metadata.description,
          spec.technology,
          spec.type,
          ...(service.metadata.tags ?? []),
        ]
          .filter(Boolean)
          .join('\n')
          .toLocaleLowerCase('en-US'),
        sortValues: {
          title,
          domain: domain ?? '',
          owner: owner && ownerRef ? titleOf(owner, ownerRef) : '',
          tier: spec.tier ?? Number.MAX_SAFE_INTEGER,
          availability: sla?.availability ?? -1,
          errorBudget: sla?.availability === undefined ? -1 : 100 - sla.availability,
          // Least budget left first; unmeasured and unavailable last.
          budget: measured?.budgetLeft ?? null,
          supportHours: sla?.supportHours?.type ?? '',
          sev1: durationMs(sla?.responseTime?.sev1),
          // Fastest first page first; without a policy last.
          escalation: levels.length === 0 ? Number.MAX_SAFE_INTEGER : durationMs(levels[0]?.after),
          // Worst first when descending: severity, then how many findings.
          checks: severityRank(worstFinding) * 100_000 + own.length,
        },
      };
    });
    // The view's entities are counted with the view.
    this.#rowBytes = sizeOf(this.rows, new Set<object>(view.byRef.values()));
  }

  /** What the table holds beyond the view, for the memory budget (grows with each order). */
  get estimatedBytes(): number {
    return this.#rowBytes + this.#orders.size * (64 + 8 * this.rows.length);
  }

  /** The rows in one order, computed once; ties broken by title, then ref. */
  ordered(sort: ServiceSortKey, order: 'asc' | 'desc'): ServiceTableRow[] {
    const key = `${sort}|${order}`;
    let rows = this.#orders.get(key);
    if (!rows) {
      const sign = order === 'asc' ? 1 : -1;
      rows = [...this.rows].sort((a, b) => {
        const x = a.sortValues[sort];
        const y = b.sortValues[sort];
        // Rows without a value come last whatever the order.
        if ((x === null) !== (y === null)) return x === null ? 1 : -1;
        let primary = 0;
        if (typeof x === 'number' && typeof y === 'number') primary = x - y;
        else if (x !== null && y !== null) primary = collator.compare(String(x), String(y));
        return (
          sign * primary ||
          collator.compare(String(a.sortValues.title), String(b.sortValues.title)) ||
          (a.ref < b.ref ? -1 : 1)
        );
      });
      this.#orders.set(key, rows);
    }
    return rows;
  }
}

/** Whether a row passes the filters; `q` is matched lower-cased, as a substring. */
export function matchesFilter(row: ServiceTableRow, filter: ServiceFilter): boolean {
  if (filter.tier !== undefined && row.service.spec.tier !== filter.tier) return false;
  if (filter.lifecycle !== undefined && row.service.spec.lifecycle !== filter.lifecycle) return false;
  if (filter.owner && row.ownerRef !== filter.owner) return false;
  if (filter.domain && row.domain !== filter.domain) return false;
  return !filter.q || row.haystack.includes(filter.q.toLocaleLowerCase('en-US'));
}
