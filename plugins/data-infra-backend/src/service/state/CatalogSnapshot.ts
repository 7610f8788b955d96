import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonArray } from '@backstage/types';
import {
  checkCatalog,
  DataServiceEntityV1alpha1,
  DomainInfo,
  SubteamRotationPolicy,
  EntityLookup,
  Finding,
  isDataServiceEntity,
  isRotationEntity,
  isSubteamEntity,
  RotationEntityV1alpha1,
  SubteamEntityV1alpha1, normaliseEntityRef, entityRefOf } from '@data-infra/backstage-plugin-data-infra-common';
import { createHash } from 'node:crypto';
import { CallerMemo, callerKey } from './CallerMemo';
import { CatalogReader } from './CatalogReader';
import { BudgetedMap, MemoryBudget, sizeOf } from './MemoryBudget';
import { PeopleDirectory } from './people';
import { peopleRefs, referencedRefs } from '../references';
import { stateOf } from '../refs';

const HOUR = 3600_000;
/** Hours of findings a view keeps (an /escalation asked about other instants). */
const FINDING_HOURS_PER_VIEW = 4;
/** The order of lists in answers (the same as String#localeCompare, faster). */
const collator = new Intl.Collator('en-US');

/**
 * What one caller can see of our part of the catalog, at one moment: the
 * data-infra entities, the people and groups they name, and the findings
 * computed over exactly that set.
 */
export interface CatalogView {
  subteams: SubteamEntityV1alpha1[];
  services: DataServiceEntityV1alpha1[];
  rotations: RotationEntityV1alpha1[];
  /** Every entity of the view by lower-cased ref, people included. */
  byRef: Map<string, Entity>;
  lookup: EntityLookup;
  people: PeopleDirectory;
  /**
   * The findings for the hour containing `at` (default: the hour the view
   * was assembled in), as the checks see a week of coverage from there.
   * Computed (or read from the cache) on first use; /oncall never needs them.
   */
  findings: (at?: number) => Promise<Finding[]>;
}

/** Resolves a ref as our common functions pass it (any case, full form). */
export function lookupIn(byRef: Map<string, Entity>): EntityLookup {
  return ref => {
    const exact = byRef.get(ref);
    if (exact) return exact;
    const key = ref.toLocaleLowerCase('en-US');
    return byRef.get(key) ?? byRef.get(normaliseEntityRef(ref, { defaultKind: 'user' }) ?? key);
  };
}

/**
 * Builds caller views. The findings of a view are shared between callers
 * through the cache service, keyed by a digest of exactly which entity
 * states the view holds: two callers who see the same entities share the
 * findings, a caller who sees fewer gets findings over their own set, and any
 * change in the catalog (new etag) is a new key.
 */
export class CatalogSnapshot {
  readonly #views: CallerMemo;
  readonly #lastViews: BudgetedMap<{ signature: string; view: CatalogView }>;

  constructor(
    private readonly reader: CatalogReader,
    private readonly cache: CacheService,
    private readonly logger: LoggerService,
    private readonly options: {
      domains: DomainInfo[];
      cacheTtlSeconds: number;
      showContactDetails: boolean;
      callerTtlSeconds?: number;
      maxOnCallShare?: number;
      /** dataInfra.policy.subteamRotation; the checks' defaults when absent. */
      subteamRotation?: SubteamRotationPolicy;
    },
    budget: MemoryBudget = new MemoryBudget(),
    /** The plugin's one clock (see DataInfraState). */
    private readonly clock: () => number = Date.now,
  ) {
    this.#views = new CallerMemo((options.callerTtlSeconds ?? 5) * 1000, budget, undefined, clock);
    this.#lastViews = new BudgetedMap(budget);
  }

  /** The whole data-infra view of the caller. */
  view(
    credentials: BackstageCredentials,
    kinds: string[] = ['subteam', 'dataservice', 'rotation'],
  ): Promise<CatalogView> {
    // Every route of one caller within the TTL shares one view (and so one
    // visibility query and one findings computation).
    const key = `${callerKey(credentials)}|${kinds.join(',')}`;
    return this.#views.get(key, async () => {
      const { entities, fingerprint } = await this.reader.entities(kinds, credentials);
      // When the caller still sees exactly the same entity states (and the
      // hour of the checks has not turned), the previous view, its people
      // and its findings are still right: keep them.
      const signature = createHash('sha256')
        .update(fingerprint.join('\n'))
        .update(`\n${Math.floor(this.clock() / HOUR)}`)
        .digest('hex');
      const previous = this.#lastViews.get(key);
      if (previous?.signature === signature) return previous.view;
      const view = await this.viewOf(entities, fingerprint, credentials);
      this.#lastViews.set(key, { signature, view }, sizeOf(view));
      return view;
    });
  }

  /** A view over a given set of entities (e.g. the neighbourhood of one service). */
  async viewOf(
    entities: Entity[],
    fingerprint: string[],
    credentials: BackstageCredentials,
  ): Promise<CatalogView> {
    const known = new Set(entities.map(entityRefOf));
    const others = peopleRefs(referencedRefs(entities)).filter(r => !known.has(r));
    const people = await this.reader.byRefs(others, credentials, { people: true });
    return this.assemble(entities, people, [
      ...fingerprint,
      ...[...people.values()].map(stateOf),
    ]);
  }

  /**
   * A view over entities and the people they name, already gathered;
   * `fingerprint` (`ref@etag` of all of them) keys the shared findings;
   * `now` is the instant whose hour the findings are for by default.
   */
  assemble(
    entities: Iterable<Entity>,
    people: Map<string, Entity>,
    fingerprint: string[],
    now: number = this.clock(),
  ): CatalogView {
    const byRef = new Map<string, Entity>();
    for (const entity of entities) byRef.set(entityRefOf(entity), entity);
    for (const [ref, entity] of people) if (!byRef.has(ref)) byRef.set(ref, entity);
    const sorted = [...byRef.keys()].sort(collator.compare).map(ref => byRef.get(ref)!);
    // Per hour, the most recent few: a view lives for one TTL or one state.
    const byHour = new Map<number, Promise<Finding[]>>();
    const findings = (at: number = now) => {
      const hour = Math.floor(at / HOUR) * HOUR;
      let known = byHour.get(hour);
      if (!known) {
        if (byHour.size >= FINDING_HOURS_PER_VIEW) byHour.delete(byHour.keys().next().value!);
        known = this.findings(sorted, fingerprint, hour);
        byHour.set(hour, known);
        known.catch(() => byHour.delete(hour));
      }
      return known;
    };
    return {
      subteams: sorted.filter(isSubteamEntity),
      services: sorted.filter(isDataServiceEntity),
      rotations: sorted.filter(isRotationEntity),
      byRef,
      lookup: lookupIn(byRef),
      people: new PeopleDirectory(byRef, this.options.showContactDetails),
      findings,
    };
  }

  async #compute(entities: Entity[], now: number): Promise<Finding[]> {
    return checkCatalog(entities, {
      domains: this.options.domains.map(d => d.id),
      now,
      maxOnCallShare: this.options.maxOnCallShare,
      ...(this.options.subteamRotation ? { subteamRotation: this.options.subteamRotation } : {}),
    });
  }

  private async findings(entities: Entity[], fingerprint: string[], now: number): Promise<Finding[]> {
    // Checks look at a whole week of coverage from `now` (an hour); it is
    // part of the key so every replica computes the same answer for it.
    const exact = !fingerprint.some(f => f.endsWith('@?'));
    const key = `checks:v1:${createHash('sha256')
      .update([...fingerprint].sort().join('\n'))
      .update(`\n${this.options.domains.map(d => d.id).join(',')}\n${this.options.maxOnCallShare ?? ''}\n${now}`)
      .update(`\n${JSON.stringify(this.options.subteamRotation ?? null)}`)
      .digest('hex')}`;
    if (exact) {
      const cached = await this.cache.get(key).catch(() => undefined);
      if (cached) return cached as unknown as Finding[];
    }
    let findings: Finding[];
    try {
      findings = await this.#compute(entities, now);
    } catch (error) {
      this.logger.error('data-infra: checking the catalog failed', {
        entityRefs: entities.length,
        error: String(error),
      });
      throw error;
    }
    if (exact) {
      await this.cache
        .set(key, findings as unknown as JsonArray, { ttl: this.options.cacheTtlSeconds * 1000 })
        .catch(error => this.logger.warn(`data-infra: cache write failed: ${error}`));
    }
    return findings;
  }
}
