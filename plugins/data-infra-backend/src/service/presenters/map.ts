/*
 * GET /map, /map/subteams and /map/dependencies: the ownership map as a
 * summary whose size does not grow with the catalog, and its parts on
 * demand. The services themselves are the rows of GET /services?domain=,
 * which the map pages through as it is scrolled.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  entityRefOf,
  formatInstant,
  measuredSummary,
  MAP_DEPENDENCIES_LIMIT,
  MAP_SUBTEAMS_PREVIEW,
  MapDependenciesResponse,
  MapSubteam,
  MapSubteamsResponse,
  OwnershipMapResponse,
  ServiceLevelMeasurement,
} from '@data-infra/backstage-plugin-data-infra-common';
import { titleOf } from '../refs';
import type { CatalogView } from '../state/CatalogSnapshot';
import type { DataInfraState } from '../state/DataInfraState';
import { sizeOf } from '../state/MemoryBudget';
import type { ViewMemo } from '../state/ViewMemo';
import { onCallRoles } from './onCallRoles';
import { buildMapIndex, dependenciesOf, findingsByDomain, IndexedSubteam, MapIndex } from './ownershipMap';

export class MapPresenter {
  readonly #indexes: ViewMemo<MapIndex>;

  constructor(private readonly state: DataInfraState) {
    // The view's entities are counted with the view.
    this.#indexes = state.perView<MapIndex>((index, view) => sizeOf(index, new Set<object>(view.byRef.values())));
  }

  /** The summary at `at`: counts, findings for the hour of `at`, the first subteams of each domain with who is on call. */
  async present(at: number, credentials: BackstageCredentials): Promise<OwnershipMapResponse> {
    const { state } = this;
    const scope = await state.scope(credentials);
    return state.remember(scope, `map|${at}`, async () => {
      const view = await scope.view();
      const measured = await state.meter.measurements(view.services);
      const index = this.#index(view, measured);
      const findings = await state.findings(view, { at, measured });
      const byDomain = findingsByDomain(index, findings);
      const totals: OwnershipMapResponse['totals'] = {
        domains: index.domains.length,
        subteams: 0,
        services: index.services.size,
        rotations: index.rotationCount,
        findings: { error: 0, warning: 0, info: 0 },
      };
      for (const f of findings) totals.findings[f.severity] += 1;
      return {
        at: formatInstant(at),
        domains: index.domains.map(domain => {
          totals.subteams += domain.subteams.length;
          return {
            ...domain.info,
            subteams: domain.subteams.slice(0, MAP_SUBTEAMS_PREVIEW).map(s => this.#subteamAt(s, at, view)),
            subteamCount: domain.subteams.length,
            serviceCount: domain.serviceCount,
            findings: byDomain.get(domain.info.id)!,
          };
        }),
        filters: index.filters,
        measured: index.measured,
        totals,
      };
    });
  }

  /** One page of a domain's subteams (by ref) with who is on call at `at`. */
  async subteams(
    query: { domain: string; offset: number; limit: number },
    at: number,
    credentials: BackstageCredentials,
  ): Promise<MapSubteamsResponse> {
    const view = await (await this.state.scope(credentials)).view();
    const domain = this.#index(view, await this.state.meter.measurements(view.services)).domains.find(d => d.info.id === query.domain)!;
    return {
      at: formatInstant(at),
      items: domain.subteams.slice(query.offset, query.offset + query.limit).map(s => this.#subteamAt(s, at, view)),
      totalItems: domain.subteams.length,
    };
  }

  /** A service's dependencies on services of other domains, both ways. */
  async dependencies(entityRef: string, credentials: BackstageCredentials): Promise<MapDependenciesResponse> {
    const view = await (await this.state.scope(credentials)).view();
    const index = this.#index(view, await this.state.meter.measurements(view.services));
    const service = index.services.get(entityRef);
    if (!service) throw new NotFoundError(`${entityRef} is not a service on the map`);
    return {
      ref: entityRef,
      dependsOn: dependenciesOf(index, service.dependsOn, MAP_DEPENDENCIES_LIMIT),
      dependsOnCount: service.dependsOn.length,
      usedBy: dependenciesOf(index, service.usedBy, MAP_DEPENDENCIES_LIMIT),
      usedByCount: service.usedBy.length,
    };
  }

  /** The view's index; `measured` as the caller already read it for this cycle. */
  #index(view: CatalogView, measured: Map<string, ServiceLevelMeasurement>): MapIndex {
    const { state } = this;
    return this.#indexes.get(view, state.meter.version, () => {
      const withBudget = [...measured].filter(([, m]) => measuredSummary(m)).map(([ref]) => ref);
      return buildMapIndex(view, state.config, new Set(withBudget));
    });
  }

  #subteamAt(subteam: IndexedSubteam, at: number, view: CatalogView): MapSubteam {
    return {
      ...subteam.head,
      rotations: subteam.rotations.map(rotation => {
        const ref = entityRefOf(rotation);
        return { ref, title: titleOf(rotation, ref), onCall: onCallRoles(this.state, rotation, at, view.people) };
      }),
    };
  }
}
