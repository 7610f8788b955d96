import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { CatalogReader } from './CatalogReader';
import { peopleRefs, referencedRefs } from './references';
import { stateOf } from './refs';

const OUR_KINDS = ['subteam', 'dataservice', 'rotation'];

/** One state of our part of the catalog, as the plugin itself may read it. */
export interface SharedState {
  /** Changes whenever any entity (or a person it names) changes. */
  version: number;
  /** Our entities by lower-cased ref. */
  entities: Map<string, Entity>;
  /** The users and groups our entities name, by lower-cased ref. */
  people: Map<string, Entity>;
  /** `ref@etag` of every entity above, sorted: the state's identity. */
  fingerprint: string[];
}

/**
 * The data-infra entities of the whole catalog, kept in memory and refreshed
 * incrementally: every refresh lists refs and etags only, and fetches the
 * bodies of the entities whose etag changed (both through the same
 * CatalogReader the per-caller path uses).
 *
 * It is read with the plugin's own credentials, so it holds what any caller
 * might see; it is only ever served to callers whom the permission policy
 * allows to read every catalog entity (see CallerScope). Each replica keeps
 * its own copy; both follow the shared database within one refresh interval.
 */
export class SharedCatalog {
  #state?: SharedState;
  #refreshing?: Promise<void>;
  #refreshedAt = 0;
  #version = 0;

  constructor(
    private readonly reader: CatalogReader,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly refreshMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * The current state. The first call waits for the first load; later calls
   * get the state at hand at once and, when it is older than the refresh
   * interval, start a refresh in the background (stale-while-revalidate).
   */
  async state(): Promise<SharedState> {
    if (!this.#state) {
      await this.#refresh();
      return this.#state!;
    }
    if (this.clock() - this.#refreshedAt >= this.refreshMs) {
      this.#refresh().catch(error =>
        this.logger.warn(`data-infra: refreshing the shared catalog state failed: ${error}`),
      );
    }
    return this.#state;
  }

  #refresh(): Promise<void> {
    this.#refreshing ??= this.#load().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #load() {
    const startedAt = this.clock();
    const credentials = await this.auth.getOwnServiceCredentials();
    const previous = this.#state;

    let entities: Map<string, Entity>;
    let read: number;
    if (!previous) {
      // The first load needs every body: read them while listing.
      entities = await this.reader.bodies(OUR_KINDS, credentials);
      read = entities.size;
    } else {
      entities = new Map();
      const stale: string[] = [];
      for (const { ref, etag } of await this.reader.visible(OUR_KINDS, credentials)) {
        const known = previous.entities.get(ref);
        if (known && etag && known.metadata.etag === etag) entities.set(ref, known);
        else stale.push(ref);
      }
      for (const [ref, entity] of await this.reader.byRefs(stale, credentials)) {
        entities.set(ref, entity);
      }
      read = stale.length;
    }

    // People change rarely but are few: they are re-read with their etags
    // every time, which also notices a renamed person.
    const wanted = peopleRefs(referencedRefs(entities.values()));
    const people = await this.reader.byRefs(wanted, credentials, { people: true });

    const fingerprint = [...entities.values(), ...people.values()]
      .map(stateOf)
      .sort();
    const unchanged =
      previous &&
      previous.fingerprint.length === fingerprint.length &&
      previous.fingerprint.every((f, i) => f === fingerprint[i]);
    if (!unchanged) {
      this.#state = { version: ++this.#version, entities, people, fingerprint };
      this.logger.debug(
        `data-infra: shared catalog state ${this.#version}: ${entities.size} entities, ` +
          `${read} read, ${people.size} people, in ${this.clock() - startedAt} ms`,
      );
    }
    this.#refreshedAt = this.clock();
  }
}
