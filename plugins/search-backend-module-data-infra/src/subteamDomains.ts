import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  isSubteamEntity,
  normaliseEntityRef,
} from '@data-infra/backstage-plugin-data-infra-common';

/**
 * The domain of an owner ref as written in a DataService's or Rotation's
 * `spec.owner` (a short ref takes kind Subteam and the given namespace);
 * undefined when the owner is not a known Subteam.
 *
 * @public
 */
export type OwnerDomainLookup = (
  ownerRef: string | undefined,
  namespace: string,
) => string | undefined;

/** Options of {@link SubteamDomains}. */
export interface SubteamDomainsOptions {
  /** Every Subteam entity of the catalog (at least kind, name, namespace, spec.domain). */
  loadSubteams: () => Promise<Entity[]>;
  logger?: LoggerService;
  /**
   * After a lookup of a Subteam that is not known, reload at most this often
   * (ms). Default 5 s.
   */
  reloadOnMissAfterMs?: number;
  /**
   * Called after a load found Subteams that lookups had missed: documents
   * built before it carry no domain and are worth rebuilding.
   */
  onMissesResolved?: () => void;
  /** For tests. */
  now?: () => number;
}

/**
 * The catalog's Subteam → domain map, for the search transformer.
 *
 * The catalog collator calls its entity transformer synchronously, one
 * entity at a time, so the transformer cannot ask the catalog for an owner.
 * This map is loaded ahead (the module refreshes it every minute) and looked
 * up synchronously. A lookup of a Subteam the map does not know (e.g. one
 * added since the last load, or every lookup before the first load) returns
 * undefined and starts a reload in the background, at most every
 * `reloadOnMissAfterMs`; the next collation then has it.
 */
export class SubteamDomains {
  readonly #options: SubteamDomainsOptions;
  #domains = new Map<string, string>();
  #loading: Promise<void> | undefined;
  #lastReloadOnMiss = -Infinity;
  /** Subteam refs looked up while unknown, until a load finds them. */
  readonly #missed = new Set<string>();

  constructor(options: SubteamDomainsOptions) {
    this.#options = options;
  }

  /** The lookup to give the transformer. */
  readonly lookup: OwnerDomainLookup = (ownerRef, namespace) => {
    const key = normaliseEntityRef(ownerRef, {
      defaultKind: 'subteam',
      defaultNamespace: namespace,
    });
    if (!key?.startsWith('subteam:')) return undefined;
    const domain = this.#domains.get(key);
    if (domain === undefined) {
      this.#missed.add(key);
      this.#reloadOnMiss();
    }
    return domain;
  };

  /**
   * Loads every Subteam and replaces the map. Concurrent calls share one
   * load. On failure the previous map stays and the error is thrown.
   */
  async refresh(): Promise<void> {
    if (!this.#loading) {
      this.#loading = this.#load().finally(() => {
        this.#loading = undefined;
      });
    }
    return this.#loading;
  }

  async #load(): Promise<void> {
    const entities = await this.#options.loadSubteams();
    const domains = new Map<string, string>();
    for (const entity of entities) {
      const domain = (entity.spec as { domain?: unknown } | undefined)?.domain;
      if (isSubteamEntity(entity) && typeof domain === 'string' && domain) {
        domains.set(stringifyEntityRef(entity).toLocaleLowerCase('en-US'), domain);
      }
    }
    const firstFound = this.#domains.size === 0 && domains.size > 0;
    this.#domains = domains;
    const resolved = [...this.#missed].filter(key => domains.has(key));
    resolved.forEach(key => this.#missed.delete(key));
    // Refs that never resolve (a typo in spec.owner) must not pile up.
    if (this.#missed.size > 10_000) this.#missed.clear();
    // The first Subteams found: a collation that ran before (on a fresh
    // instance, while the catalog was still empty) indexed nothing with a
    // domain, and may have looked nothing up to miss.
    if (resolved.length || firstFound) this.#options.onMissesResolved?.();
  }

  #reloadOnMiss(): void {
    const now = (this.#options.now ?? Date.now)();
    if (now - this.#lastReloadOnMiss < (this.#options.reloadOnMissAfterMs ?? 5_000)) {
      return;
    }
    this.#lastReloadOnMiss = now;
    this.refresh().catch(error => {
      this.#options.logger?.warn(
        `Could not load the Subteams for search documents' domains: ${error}`,
      );
    });
  }
}

/**
 * Loads every Subteam (only the fields the map needs) from the catalog, with
 * the search plugin's own service credentials: the same identity the catalog
 * collator reads the catalog with.
 */
export function catalogSubteamLoader(options: {
  auth: AuthService;
  catalog: CatalogService;
}): () => Promise<Entity[]> {
  const { auth, catalog } = options;
  const fields = ['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'spec.domain'];
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const items: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor ? { cursor, fields, limit: 500 } : { filter: { kind: 'subteam' }, fields, limit: 500 },
        { credentials },
      );
      items.push(...page.items);
      cursor = page.items.length ? page.pageInfo.nextCursor : undefined;
    } while (cursor);
    return items;
  };
}
