import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  CalendarSubscriptionResponse,
  ChecksResponse,
  EscalationResponse,
  MapDependenciesResponse,
  MapSubteamsResponse,
  OnCallResponse,
  OwnershipMapResponse,
  PersonOnCallResponse,
  RotationPlanResponse,
  ServiceSummary,
  ServicesResponse,
  ShiftsResponse,
  SlaResponse,
  SubteamsOnCallResponse,
} from '@data-infra/backstage-plugin-data-infra-common';
import { SERVICES_MAX_LIMIT } from '@data-infra/backstage-plugin-data-infra-common';
import type { DataInfraApi, ServicesQuery } from './DataInfraApi';

/** Guards against a backend that keeps handing out cursors. */
const MAX_PAGES = 10_000;

/**
 * Talks to the data-infra backend through the fetch API (which adds the
 * user's Backstage token) at the URL the discovery API gives for it.
 * @public
 */
export class DataInfraClient implements DataInfraApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;
  /**
   * Requests in flight by URL: cards on one page that ask the same question
   * at the same time (the Subteam and Checks cards) share one request.
   */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  getOnCall(options?: { at?: string; owner?: string; rotation?: string; load?: boolean }): Promise<OnCallResponse> {
    return this.#get('/oncall', {
      at: options?.at,
      owner: options?.owner,
      rotation: options?.rotation,
      load: options?.load ? 'true' : undefined,
    });
  }

  getSubteamsOnCall(options?: { at?: string }): Promise<SubteamsOnCallResponse> {
    return this.#get('/oncall/subteams', { at: options?.at });
  }

  getEscalation(
    entityRef: string,
    options?: { at?: string },
  ): Promise<EscalationResponse> {
    return this.#get('/escalation', { entityRef, at: options?.at });
  }

  getShifts(
    rotationRef: string,
    window: { from: string; to: string },
  ): Promise<ShiftsResponse> {
    return this.#get(`${rotationPath(rotationRef)}/shifts`, window);
  }

  async getCalendarUrl(rotationRef: string): Promise<string> {
    const base = await this.#discoveryApi.getBaseUrl('data-infra');
    return `${base}${rotationPath(rotationRef)}/calendar.ics`;
  }

  async subscribeToCalendar(rotationRef: string): Promise<CalendarSubscriptionResponse> {
    const response = await this.#send('POST', `${rotationPath(rotationRef)}/calendar-subscription`);
    return (await response.json()) as CalendarSubscriptionResponse;
  }

  async revokeCalendarSubscription(rotationRef: string): Promise<void> {
    await this.#send('DELETE', `${rotationPath(rotationRef)}/calendar-subscription`);
  }

  async #send(method: 'POST' | 'DELETE', path: string): Promise<Response> {
    const base = await this.#discoveryApi.getBaseUrl('data-infra');
    const response = await this.#fetchApi.fetch(`${base}${path}`, { method });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  getServices(query: ServicesQuery = {}): Promise<ServicesResponse> {
    return this.#get('/services', {
      domain: query.domain,
      owner: query.owner,
      tier: query.tier?.toString(),
      lifecycle: query.lifecycle,
      q: query.q,
      sort: query.sort,
      order: query.order,
      cursor: query.cursor,
      offset: query.offset?.toString(),
      limit: query.limit?.toString(),
    });
  }

  async getAllServices(
    query: Omit<ServicesQuery, 'cursor' | 'offset' | 'limit'> = {},
    onProgress?: (loaded: number, total: number) => void,
  ): Promise<ServiceSummary[]> {
    const items: ServiceSummary[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.getServices({ ...query, cursor, limit: SERVICES_MAX_LIMIT });
      items.push(...response.items);
      onProgress?.(items.length, response.totalItems);
      cursor = response.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  getMap(): Promise<OwnershipMapResponse> {
    return this.#get('/map', {});
  }

  getMapSubteams(query: { domain: string; offset?: number; limit?: number }): Promise<MapSubteamsResponse> {
    return this.#get('/map/subteams', {
      domain: query.domain,
      offset: query.offset?.toString(),
      limit: query.limit?.toString(),
    });
  }

  getMapDependencies(entityRef: string): Promise<MapDependenciesResponse> {
    return this.#get('/map/dependencies', { entityRef });
  }

  getChecks(options?: { entityRef?: string }): Promise<ChecksResponse> {
    return this.#get('/checks', { entityRef: options?.entityRef });
  }

  getSla(entityRef: string): Promise<SlaResponse> {
    return this.#get('/sla', { entityRef });
  }

  getPersonOnCall(
    userRef: string,
    options?: { at?: string; from?: string; to?: string },
  ): Promise<PersonOnCallResponse> {
    return this.#get(`${personPath(userRef)}/oncall`, { at: options?.at, from: options?.from, to: options?.to });
  }

  async subscribeToPersonalCalendar(userRef: string): Promise<CalendarSubscriptionResponse> {
    const response = await this.#send('POST', `${personPath(userRef)}/calendar-subscription`);
    return (await response.json()) as CalendarSubscriptionResponse;
  }

  async revokePersonalCalendarSubscription(userRef: string): Promise<void> {
    await this.#send('DELETE', `${personPath(userRef)}/calendar-subscription`);
  }

  getRotationPlan(options?: { at?: string }): Promise<RotationPlanResponse> {
    return this.#get('/rotation-plan', { at: options?.at });
  }

  async #get<T>(
    path: string,
    params: Record<string, string | undefined>,
  ): Promise<T> {
    const base = await this.#discoveryApi.getBaseUrl('data-infra');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') search.set(key, value);
    }
    const query = search.toString();
    const url = `${base}${path}${query ? `?${query}` : ''}`;
    let pending = this.#inFlight.get(url) as Promise<T> | undefined;
    if (!pending) {
      pending = this.#fetchJson<T>(url).finally(() => this.#inFlight.delete(url));
      this.#inFlight.set(url, pending);
    }
    return pending;
  }

  async #fetchJson<T>(url: string): Promise<T> {
    const response = await this.#fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function rotationPath(rotationRef: string): string {
  const { namespace, name } = parseEntityRef(rotationRef, {
    defaultKind: 'rotation',
    defaultNamespace: 'default',
  });
  return `/rotations/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}

function personPath(userRef: string): string {
  const { namespace, name } = parseEntityRef(userRef, {
    defaultKind: 'user',
    defaultNamespace: 'default',
  });
  return `/people/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
