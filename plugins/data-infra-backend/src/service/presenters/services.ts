/*
 * GET /services: the service catalog, filtered, sorted and paged on the
 * server (see ServiceTable); each row of the page with its escalation path
 * and who is on call at the instant.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  errorBudget,
  formatInstant,
  isSubteamEntity,
  OnCallRole,
  ServiceSortKey,
  ServiceSummary,
} from '@data-infra/backstage-plugin-data-infra-common';
import { titleOf } from '../refs';
import type { CatalogView } from '../state/CatalogSnapshot';
import type { DataInfraState } from '../state/DataInfraState';
import type { Scope } from '../state/scopes';
import type { ViewMemo } from '../state/ViewMemo';
import { targetTitle } from './escalationLevels';
import { escalationSummary } from './escalationText';
import { worst } from './findingIndex';
import { matchesFilter, ServiceFilter, ServiceTable, ServiceTableRow } from './serviceTable';

/** Filters, order and page of GET /services, validated. */
export interface ServiceQuery extends ServiceFilter {
  sort: ServiceSortKey;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ServicesPage {
  items: ServiceSummary[];
  totalItems: number;
  hasMore: boolean;
}

export class ServicesPresenter {
  /** The table behind /services, per view and measurement cycle. */
  readonly #tables: ViewMemo<ServiceTable>;

  constructor(private readonly state: DataInfraState) {
    this.#tables = state.perView<ServiceTable>(table => table.estimatedBytes);
  }

  /** Matches the filters, in the asked order; returns the page and the total. */
  async present(query: ServiceQuery, at: number, credentials: BackstageCredentials): Promise<ServicesPage> {
    const { state } = this;
    const scope = await state.scope(credentials);
    // Every viewer of the map asks for the same first page of each domain:
    // one computation per scope, question and second.
    return state.remember(scope, `services|${JSON.stringify(query)}|${at}`, () => this.#page(query, at, scope));
  }

  async #page(query: ServiceQuery, at: number, scope: Scope): Promise<ServicesPage> {
    const { state } = this;
    const view = await scope.view();
    // Every service's measurement is at hand (one cycle measures them all);
    // none is asked of Prometheus for this request.
    const measured = await state.meter.measurements(view.services);
    const version = state.meter.version;
    const findings = await state.findings(view, { measured });
    const table = this.#tables.get(view, version, () => new ServiceTable(view, findings, measured));
    const matching = table.ordered(query.sort, query.order).filter(row => matchesFilter(row, query));
    this.#tables.resized(view);
    const page = matching.slice(query.offset, query.offset + query.limit);
    return {
      items: page.map(row => this.#row(row, view, at)),
      totalItems: matching.length,
      hasMore: query.offset + query.limit < matching.length,
    };
  }

  /** A row of /services: the table's row and what depends on the instant. */
  #row(row: ServiceTableRow, view: CatalogView, at: number): ServiceSummary {
    const { state } = this;
    const { service, ref, ownerRef } = row;
    const owner = ownerRef ? view.byRef.get(ownerRef) : undefined;
    const path = state.safely(ref, 'escalation path', () => state.onCall.escalationPath(service, at, view.lookup));
    const budget = service.spec.sla?.availability !== undefined
      ? state.safely(ref, 'error budget', () => errorBudget(service.spec.sla!))
      : undefined;
    // "On call now" is whoever holds the first rotation level of the path.
    const rotationLevel = path?.levels.find(l => l.via === 'rotation' && l.people.length);
    const onCall: OnCallRole[] = (rotationLevel?.people ?? [])
      .filter(p => p.role && p.from !== undefined)
      .map(p => ({
        role: p.role!,
        user: view.people.person(p.user),
        from: formatInstant(p.from!),
        until: p.until === null || p.until === undefined ? null : formatInstant(p.until),
      }));
    const contact = owner && isSubteamEntity(owner) ? owner.spec.contact : undefined;
    const first = path?.levels[0];
    const gap = row.findings.find(f => f.check === 'escalation-gap');
    return {
      ref,
      name: service.metadata.name,
      title: titleOf(service, ref),
      ...(service.metadata.description ? { description: service.metadata.description } : {}),
      type: service.spec.type,
      lifecycle: service.spec.lifecycle,
      ...(service.spec.tier !== undefined ? { tier: service.spec.tier } : {}),
      ...(service.spec.technology ? { technology: service.spec.technology } : {}),
      domain: row.domain,
      owner: owner && ownerRef ? { ref: ownerRef, title: titleOf(owner, ownerRef) } : null,
      ...(service.spec.sla ? { sla: service.spec.sla } : {}),
      ...(budget ? { errorBudgetMs: budget.allowedDowntimeMs } : {}),
      ...(contact && state.config.showContactDetails ? { contact } : {}),
      ...(service.spec.runbook ? { runbook: service.spec.runbook } : {}),
      escalationSummary: path
        ? escalationSummary(path, r => targetTitle(r, r.startsWith('user:') ? 'user' : 'entity', view))
        : 'Escalation policy could not be resolved',
      escalation: {
        levels: path?.levels.length ?? 0,
        first: first
          ? {
              targetTitle: targetTitle(first.targetRef, first.via, view),
              ...('role' in first.target && first.via === 'rotation' ? { role: first.target.role ?? 'primary' } : {}),
              afterMs: first.afterMs,
            }
          : null,
        inherited: path?.inherited ?? false,
        repeat: path?.repeat ?? 0,
        gaps: gap ? gap.when ?? 'at some hours' : null,
      },
      onCall,
      worstFinding: worst(row.findings),
      findingCount: row.findings.length,
      ...(row.measured ? { measured: row.measured } : {}),
    };
  }
}
