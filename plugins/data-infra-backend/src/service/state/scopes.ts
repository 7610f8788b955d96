import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { isRotationEntity, normaliseEntityRef } from '@data-infra/backstage-plugin-data-infra-common';
import { CallerMemo, callerKey } from './CallerMemo';
import { CatalogReader } from './CatalogReader';
import { CatalogSnapshot, CatalogView } from './CatalogSnapshot';
import type { MemoryBudget } from './MemoryBudget';
import { SharedCatalog, SharedState } from './SharedCatalog';
import { peopleRefs, referencedRefs } from '../references';
import { stateOf } from '../refs';

const HOUR = 3600_000;
const ALL_KINDS = ['subteam', 'dataservice', 'rotation'];

/**
 * What one request may see of the catalog, and how to read it. Every answer
 * is computed from a scope, and remembered under the scope's key, so an
 * answer is only ever reused for requests that may see the same things.
 */
export interface Scope {
  /** `shared@<version>` for callers who may read everything, else the caller. */
  key: string;
  /** Whether the caller may read every catalog entity (the shared scope). */
  everything: boolean;
  /** Our entities of these kinds, the people they name, and findings. */
  view(kinds?: string[]): Promise<CatalogView>;
  /** Our entities by lower-cased ref (full bodies); absent when not visible. */
  byRefs(refs: string[]): Promise<Map<string, Entity>>;
  /** Users and groups by lower-cased ref (what responses show of them). */
  people(refs: string[]): Promise<Map<string, Entity>>;
  rotationsOwnedBy(subteamRef: string): Promise<Entity[]>;
  /** A view over a set of our entities and the people they name. */
  viewOf(entities: Entity[]): Promise<CatalogView>;
  /**
   * How current the entities behind this scope's answers are: the shared
   * state's age, or 0 for a caller whose answers are read from the catalog
   * on their behalf (at most callerTtl ago).
   */
  freshness(): { ageMs: number; stale: boolean };
}

/**
 * Chooses the scope of a request. When the permission policy lets the
 * caller read every catalog entity unconditionally (the usual policy, and
 * Backstage's allow-all), the caller shares the in-memory state of the whole
 * catalog and every answer computed from it with all such callers: nothing
 * is read from the catalog per request. Any other decision (conditional,
 * e.g. "not this entity"; or an error) reads the catalog on the caller's
 * behalf, so the catalog applies the policy itself.
 */
export class Scopes {
  readonly #decisions: CallerMemo;
  /** The scope of the current shared state (and hour), built once. */
  #shared?: Scope;

  constructor(
    private readonly deps: {
      reader: CatalogReader;
      snapshot: CatalogSnapshot;
      shared: SharedCatalog;
      permissions: PermissionsService;
      logger: LoggerService;
      callerTtlMs: number;
      budget: MemoryBudget;
      /** The plugin's one clock (see DataInfraState). */
      clock: () => number;
    },
  ) {
    this.#decisions = new CallerMemo(Math.max(deps.callerTtlMs, 1000), deps.budget, undefined, deps.clock);
  }

  async of(credentials: BackstageCredentials): Promise<Scope> {
    const readsEverything = await this.#decisions.get(callerKey(credentials), () =>
      this.#readsEverything(credentials),
    );
    if (!readsEverything) return this.#callerScope(credentials);
    const state = await this.deps.shared.state();
    const hour = Math.floor(this.deps.clock() / HOUR);
    // Checks depend on the hour they run in: a new hour is a new scope.
    const key = `shared@${state.version}@${hour}`;
    if (this.#shared?.key !== key) this.#shared = this.#sharedScope(state, key, hour * HOUR);
    return this.#shared;
  }

  async #readsEverything(credentials: BackstageCredentials): Promise<boolean> {
    try {
      const [decision] = await this.deps.permissions.authorizeConditional(
        [{ permission: catalogEntityReadPermission }],
        { credentials },
      );
      return decision.result === AuthorizeResult.ALLOW;
    } catch (error) {
      // The catalog will apply the policy itself on the caller's queries.
      this.deps.logger.debug(`data-infra: permission decision failed, reading as the caller: ${error}`);
      return false;
    }
  }

  #sharedScope(state: SharedState, key: string, hour: number): Scope {
    const { snapshot } = this.deps;
    let whole: CatalogView | undefined;
    let rotationsByOwner: Map<string, Entity[]> | undefined;
    const view = () =>
      (whole ??= snapshot.assemble(state.entities.values(), state.people, state.fingerprint, hour));
    const pick = (from: Map<string, Entity>, refs: string[]) => {
      const out = new Map<string, Entity>();
      for (const ref of refs) {
        const entity = from.get(ref);
        if (entity) out.set(ref, entity);
      }
      return out;
    };
    return {
      key,
      everything: true,
      freshness: () => {
        const status = this.deps.shared.status();
        return { ageMs: status.ageMs ?? 0, stale: status.stale };
      },
      view: async () => view(),
      byRefs: async refs => pick(state.entities, refs),
      people: async refs => pick(state.people, refs),
      async rotationsOwnedBy(subteamRef) {
        if (!rotationsByOwner) {
          rotationsByOwner = new Map();
          for (const entity of state.entities.values()) {
            if (!isRotationEntity(entity)) continue;
            const owner = normaliseEntityRef(entity.spec.owner, { defaultKind: 'subteam', defaultNamespace: entity.metadata.namespace });
            if (!owner) continue;
            const list = rotationsByOwner.get(owner);
            if (list) list.push(entity);
            else rotationsByOwner.set(owner, [entity]);
          }
        }
        return rotationsByOwner.get(subteamRef) ?? [];
      },
      async viewOf(entities) {
        const people = pick(state.people, peopleRefs(referencedRefs(entities)));
        return snapshot.assemble(entities, people, [...entities.map(stateOf), ...[...people.values()].map(stateOf)], hour);
      },
    };
  }

  #callerScope(credentials: BackstageCredentials): Scope {
    const { reader, snapshot } = this.deps;
    return {
      key: callerKey(credentials),
      everything: false,
      freshness: () => ({ ageMs: 0, stale: false }),
      view: (kinds = ALL_KINDS) => snapshot.view(credentials, kinds),
      byRefs: refs => reader.byRefs(refs, credentials),
      people: refs => reader.byRefs(refs, credentials, { people: true }),
      rotationsOwnedBy: subteamRef => reader.rotationsOwnedBy(subteamRef, credentials),
      viewOf: entities => snapshot.viewOf(entities, entities.map(stateOf), credentials),
    };
  }
}
