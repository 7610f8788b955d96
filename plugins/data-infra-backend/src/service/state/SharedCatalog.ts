import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogReader } from './CatalogReader';
import { peopleRefs, referencedRefs } from '../references';
import { stateOf } from '../refs';

const OUR_KINDS = ['subteam', 'dataservice', 'rotation'];
/** Retries after failed refreshes wait twice as long each time, up to this. */
export const MAX_BACKOFF_MS = 60_000;

/** How current the shared state is, for /health and the answers' headers. */
export interface SharedStatus {
  /** Whether a state has been loaded at all. */
  loaded: boolean;
  /** Since the state was last confirmed current (a successful refresh), in ms. */
  ageMs: number | null;
  /** The last refresh failed: answers come from an older state. */
  stale: boolean;
  /** Failed refreshes in a row. */
  failures: number;
  /** When the next refresh may start, in ms from now (0: at the next request after the interval). */
  retryInMs: number;
}

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
  #failures = 0;
  #nextAttemptAt = 0;
  #lastError?: string;

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
    const now = this.clock();
    if (!this.#state) {
      // Nothing to answer from yet: try (unless backing off), else say when.
      if (!(this.#failures > 0 && now < this.#nextAttemptAt)) {
        try {
          await this.#refresh();
          return this.#state!;
        } catch {
          // counted and logged by #refresh
        }
      }
      throw new ServiceUnavailableError(
        `The data-infra state of the catalog could not be loaded yet (${this.#lastError}); retrying in ${Math.ceil(Math.max(0, this.#nextAttemptAt - this.clock()) / 1000)} s`,
      );
    }
    if (now - this.#refreshedAt >= this.refreshMs && now >= this.#nextAttemptAt) {
      // Failures are counted and logged by #refresh.
      this.#refresh().catch(() => undefined);
    }
    return this.#state;
  }

  status(): SharedStatus {
    const now = this.clock();
    return {
      loaded: this.#state !== undefined,
      ageMs: this.#state ? now - this.#refreshedAt : null,
      stale: this.#failures > 0,
      failures: this.#failures,
      retryInMs: Math.max(0, this.#nextAttemptAt - now),
    };
  }

  /**
   * One refresh at a time. A failure waits refresh × 2^failures (at most
   * MAX_BACKOFF_MS) before the next attempt; the logs say when refreshing
   * starts failing and when it recovers, not at every attempt.
   */
  #refresh(): Promise<void> {
    this.#refreshing ??= this.#load()
      .then(
        () => {
          if (this.#failures > 0) {
            this.logger.info(
              `data-infra: the shared catalog state is fresh again after ${this.#failures} failed refresh(es)`,
            );
          }
          this.#failures = 0;
          this.#nextAttemptAt = 0;
          this.#lastError = undefined;
        },
        error => {
          this.#failures += 1;
          this.#lastError = String(error);
          const delay = Math.min(MAX_BACKOFF_MS, this.refreshMs * 2 ** this.#failures);
          this.#nextAttemptAt = this.clock() + delay;
          if (this.#failures === 1) {
            this.logger.warn(
              this.#state
                ? `data-infra: refreshing the shared catalog state failed; answers now come from a state last refreshed ${Math.round((this.clock() - this.#refreshedAt) / 1000)} s ago and are marked stale; retrying with backoff (at most ${MAX_BACKOFF_MS / 1000} s): ${error}`
                : `data-infra: loading the shared catalog state failed; retrying with backoff (at most ${MAX_BACKOFF_MS / 1000} s): ${error}`,
            );
          } else {
            this.logger.debug(`data-infra: refresh ${this.#failures} of the shared catalog state failed again: ${error}`);
          }
          throw error;
        },
      )
      .finally(() => {
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
