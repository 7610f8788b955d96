import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DecoratorBase } from '@backstage/plugin-search-backend-node';
import type { DocumentDecoratorFactory, IndexableDocument } from '@backstage/plugin-search-common';
import { isSubteamEntity, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';

/** Kinds whose document takes the domain of its owner Subteam (`spec.owner`). */
const OWNED_KINDS = new Set(['dataservice', 'rotation']);

/**
 * How long a collation waits for owners it does not know. A fresh instance's
 * first collation runs a few seconds after start, while the catalog is still
 * ingesting: a service may be there before its Subteam. Then the Subteams
 * are read again, every `intervalMs`, at most `attempts` times per
 * collation (10 s in all by default). An owner still unknown after that
 * gets no domain in that collation, and later collations do not wait for it
 * again (a typo in `spec.owner` costs the wait once per process).
 */
export interface OwnerDomainRetry {
  /** Reloads of the Subteams per collation, while some owner is unknown. Default 5. */
  attempts: number;
  /** Time between two loads of the Subteams, in ms. Default 2,000. */
  intervalMs: number;
}

/**
 * How long the first collation of a process waits for the catalog to settle.
 * A fresh instance's catalog starts empty and ingests its locations for
 * several seconds, while the collator's first run comes 3 s after start (and
 * the next one 10 minutes later): a collation then indexes a part of the
 * catalog, and its services without their Subteams. So the first collation
 * starts once the catalog's entity count has stayed the same for
 * `stableMs` (it is read every `pollMs`), at most `maxWaitMs` after it was
 * due. A restarted instance whose catalog is in a database waits `stableMs`
 * once.
 */
export interface CatalogSettle {
  pollMs: number;
  stableMs: number;
  maxWaitMs: number;
}

/** Options of {@link OwnerDomainDecoratorFactory}. */
export interface OwnerDomainDecoratorOptions {
  /** Every Subteam entity of the catalog (at least kind, name, namespace, spec.domain). */
  loadSubteams: () => Promise<Entity[]>;
  /** How many entities the catalog holds (for the first collation's wait; without it, no wait). */
  countEntities?: () => Promise<number>;
  logger: LoggerService;
  retry?: Partial<OwnerDomainRetry>;
  settle?: Partial<CatalogSettle>;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Owners that stayed unknown after a collation's retries are not waited for again; bounded. */
const MAX_REMEMBERED_UNKNOWN = 10_000;

/** One collation's decorator: its own map of the Subteams, its own retry budget. */
class OwnerDomainDecorator extends DecoratorBase {
  #domains = new Map<string, string>();
  #loadedAt = 0;
  #attemptsLeft: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;

  constructor(
    private readonly options: OwnerDomainDecoratorOptions,
    private readonly retry: OwnerDomainRetry,
    /** Shared by the collations of this process. */
    private readonly unknown: Set<string>,
  ) {
    super();
    this.#attemptsLeft = retry.attempts;
    this.#sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    this.#now = options.now ?? Date.now;
  }

  /**
   * Reads the Subteams. If that fails, the collation fails, as it does when
   * the collator cannot read the catalog: the previous index stays, and the
   * next scheduled collation tries again.
   */
  async initialize(): Promise<void> {
    await this.#load();
  }

  async finalize(): Promise<void> {}

  async decorate(document: IndexableDocument): Promise<IndexableDocument> {
    const doc = document as IndexableDocument & { kind?: unknown; owner?: unknown; namespace?: unknown };
    if (typeof doc.kind !== 'string' || !OWNED_KINDS.has(doc.kind.toLocaleLowerCase('en-US'))) {
      return document;
    }
    const owner = normaliseEntityRef(doc.owner, {
      defaultKind: 'subteam',
      defaultNamespace: typeof doc.namespace === 'string' && doc.namespace ? doc.namespace : 'default',
    });
    const domain = owner?.startsWith('subteam:') ? await this.#domainOf(owner) : undefined;
    return { ...document, domain: domain ?? '' } as IndexableDocument;
  }

  async #domainOf(owner: string): Promise<string | undefined> {
    const known = this.#domains.get(owner);
    if (known !== undefined || this.unknown.has(owner)) return known;
    while (this.#attemptsLeft > 0) {
      this.#attemptsLeft -= 1;
      await this.#sleep(Math.max(0, this.#loadedAt + this.retry.intervalMs - this.#now()));
      try {
        await this.#load();
      } catch (error) {
        // The documents are already being built: go on without domains
        // rather than fail the collation halfway.
        this.options.logger.warn(`Could not reload the Subteams for search documents' domains: ${error}`);
        this.#attemptsLeft = 0;
        break;
      }
      const found = this.#domains.get(owner);
      if (found !== undefined) return found;
    }
    if (this.unknown.size >= MAX_REMEMBERED_UNKNOWN) this.unknown.clear();
    this.unknown.add(owner);
    return undefined;
  }

  async #load(): Promise<void> {
    this.#loadedAt = this.#now();
    const domains = new Map<string, string>();
    for (const entity of await this.options.loadSubteams()) {
      const domain = (entity.spec as { domain?: unknown } | undefined)?.domain;
      if (isSubteamEntity(entity) && typeof domain === 'string' && domain) {
        domains.set(stringifyEntityRef(entity).toLocaleLowerCase('en-US'), domain);
      }
    }
    this.#domains = domains;
    // An owner remembered as unknown that now exists is waited for again
    // should it ever disappear.
    for (const ref of domains.keys()) this.unknown.delete(ref);
  }
}

/**
 * Gives a DataService's or Rotation's search document (type
 * `software-catalog`) the domain of its owner Subteam, at collation time.
 *
 * A search decorator: the search backend runs it inside every collation of
 * the catalog collator, after our entity transformer (which cannot look
 * anything up: the collator calls it synchronously). Each collation reads
 * the catalog's Subteams once, when it starts, so documents are exactly as
 * fresh as the collation; see {@link OwnerDomainRetry} for owners it does
 * not find.
 */
export class OwnerDomainDecoratorFactory implements DocumentDecoratorFactory {
  readonly types = ['software-catalog'];
  readonly #options: OwnerDomainDecoratorOptions;
  readonly #retry: OwnerDomainRetry;
  readonly #settle: CatalogSettle;
  readonly #unknown = new Set<string>();
  #settled: Promise<void> | undefined;

  constructor(options: OwnerDomainDecoratorOptions) {
    this.#options = options;
    this.#retry = { attempts: 5, intervalMs: 2_000, ...options.retry };
    this.#settle = { pollMs: 1_000, stableMs: 4_000, maxWaitMs: 60_000, ...options.settle };
  }

  /**
   * Called by the search backend at the start of each collation, before the
   * collator reads the catalog: the first one waits for the catalog to
   * settle (see {@link CatalogSettle}).
   */
  async getDecorator(): Promise<DecoratorBase> {
    this.#settled ??= this.#waitForCatalogToSettle();
    await this.#settled;
    return new OwnerDomainDecorator(this.#options, this.#retry, this.#unknown);
  }

  async #waitForCatalogToSettle(): Promise<void> {
    const { countEntities, logger } = this.#options;
    if (!countEntities) return;
    const sleep = this.#options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    const now = this.#options.now ?? Date.now;
    const { pollMs, stableMs, maxWaitMs } = this.#settle;
    const start = now();
    let last = -1;
    let since = start;
    for (;;) {
      let count: number;
      try {
        count = await countEntities();
      } catch (error) {
        logger.warn(`Could not count the catalog's entities before the first collation: ${error}`);
        return;
      }
      if (count !== last || count === 0) {
        last = count;
        since = now();
      } else if (now() - since >= stableMs) {
        return;
      }
      if (now() - start >= maxWaitMs) {
        logger.warn(`The catalog was still changing ${maxWaitMs / 1000} s after the first collation was due (${count} entities); collating now`);
        return;
      }
      await sleep(pollMs);
    }
  }
}

/** The number of entities the catalog holds, read with the search plugin's own credentials. */
export function catalogEntityCounter(options: { auth: AuthService; catalog: CatalogService }): () => Promise<number> {
  const { auth, catalog } = options;
  return async () => {
    const credentials = await auth.getOwnServiceCredentials();
    const { totalItems } = await catalog.queryEntities({ limit: 1, fields: ['kind'] }, { credentials });
    return totalItems;
  };
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
