import { entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { BudgetedMap, MemoryBudget, sizeOf } from './MemoryBudget';


/** What a listing needs to name an entity and its stitched state. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name', 'metadata.etag'];
/** The parts of our entities the computations read. */
const BODY_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
/** The parts of a User or Group shown to people. */
const PERSON_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.etag',
  'spec.profile.displayName',
  'spec.profile.email',
];
const PAGE_SIZE = 1000;
const REFS_CHUNK = 500;

/** A ref the caller may read, with the etag of its current stitched state. */
interface VisibleRef {
  ref: string;
  etag?: string;
}

/**
 * Reads the catalog on behalf of a caller. Every call carries the caller's
 * credentials, so entities they may not read are simply absent.
 *
 * Entity bodies are kept in a process-local map keyed by ref and etag. That
 * is safe to share between callers because a body is only served for a
 * ref@etag that the caller's own query just returned, and safe across
 * replicas because the key names the exact stitched state (the catalog
 * changes the etag whenever an entity or its relations change).
 */
export class CatalogReader {
  readonly #catalog: CatalogService;
  /** Counted against the plugin's memory budget, like every memo. */
  readonly #bodies: BudgetedMap<Entity>;

  constructor(catalog: CatalogService, budget: MemoryBudget = new MemoryBudget()) {
    this.#catalog = catalog;
    this.#bodies = new BudgetedMap(budget);
  }

  /** The refs and etags of every entity of these kinds the caller may read. */
  async visible(
    kinds: string[],
    credentials: BackstageCredentials,
  ): Promise<VisibleRef[]> {
    const out: VisibleRef[] = [];
    for await (const entity of this.#pages(kinds, REF_FIELDS, credentials)) {
      out.push({ ref: entityRefOf(entity), etag: entity.metadata.etag });
    }
    return out;
  }

  /**
   * Every entity of these kinds the caller may read, bodies included, in one
   * pass: cheaper than listing refs and then fetching every body when none
   * is known yet.
   */
  async bodies(
    kinds: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity>> {
    const out = new Map<string, Entity>();
    for await (const entity of this.#pages(kinds, BODY_FIELDS, credentials)) {
      const ref = entityRefOf(entity);
      out.set(ref, entity);
      this.#remember(ref, entity);
    }
    return out;
  }

  async *#pages(
    kinds: string[],
    fields: string[],
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity> {
    let cursor: string | undefined;
    do {
      // A cursor carries the first page's filter and fields.
      const page = await this.#catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE, fields }
          : { filter: { kind: kinds }, limit: PAGE_SIZE, fields, totalItems: 'exclude' },
        { credentials },
      );
      yield* page.items;
      cursor = page.items.length ? page.pageInfo.nextCursor : undefined;
    } while (cursor);
  }

  /**
   * The full entities of these kinds the caller may read: the visibility
   * query always runs with their credentials; the bodies come from the
   * shared map when their etag is known.
   */
  async entities(
    kinds: string[],
    credentials: BackstageCredentials,
  ): Promise<{ entities: Entity[]; fingerprint: string[] }> {
    const visible = await this.visible(kinds, credentials);
    const entities: Entity[] = [];
    const missing: string[] = [];
    for (const { ref, etag } of visible) {
      const body = etag ? this.#bodies.get(`${ref}@${etag}`) : undefined;
      if (body) entities.push(body);
      else missing.push(ref);
    }
    if (missing.length) {
      const fetched = await this.byRefs(missing, credentials);
      entities.push(...fetched.values());
    }
    return {
      entities,
      fingerprint: visible.map(v => `${v.ref}@${v.etag ?? '?'}`),
    };
  }

  /** Entities by ref (lower-cased full refs), as the caller may read them. */
  async byRefs(
    refs: Iterable<string>,
    credentials: BackstageCredentials,
    options?: { people?: boolean },
  ): Promise<Map<string, Entity>> {
    const unique = [...new Set(refs)];
    const out = new Map<string, Entity>();
    for (let i = 0; i < unique.length; i += REFS_CHUNK) {
      const { items } = await this.#catalog.getEntitiesByRefs(
        {
          entityRefs: unique.slice(i, i + REFS_CHUNK),
          fields: options?.people ? PERSON_FIELDS : BODY_FIELDS,
        },
        { credentials },
      );
      for (const entity of items) {
        if (!entity) continue;
        const ref = entityRefOf(entity);
        out.set(ref, entity);
        if (!options?.people) this.#remember(ref, entity);
      }
    }
    return out;
  }

  /** Rotations owned by a subteam, as the caller may read them. */
  async rotationsOwnedBy(
    subteamRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { items } = await this.#catalog.queryEntities(
      {
        filter: { kind: 'rotation', 'relations.ownedBy': subteamRef },
        fields: BODY_FIELDS,
        limit: PAGE_SIZE,
        totalItems: 'exclude',
      },
      { credentials },
    );
    for (const entity of items) this.#remember(entityRefOf(entity), entity);
    return items;
  }

  #remember(ref: string, entity: Entity) {
    const etag = entity.metadata.etag;
    if (!etag) return;
    this.#bodies.set(`${ref}@${etag}`, entity, sizeOf(entity));
  }
}
