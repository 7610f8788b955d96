/*
 * GET /map: the ownership map at an instant. What does not depend on the
 * instant (the skeleton) is built once per view and measurement cycle; the
 * body before the instant once per set of on-call parts (i.e. until the
 * next hand-off), so an answer for another second only writes its end.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { DataInfraState } from '../state/DataInfraState';
import { sizeOf } from '../state/MemoryBudget';
import type { ViewMemo } from '../state/ViewMemo';
import { onCallRoles } from './onCallRoles';
import {
  buildMapSkeleton,
  mapJsonBeforeInstant,
  mapJsonInstant,
  MapSkeleton,
  onCallParts,
} from './ownershipMap';
import { SharedJsonPrefix, SplitJson } from './splitJson';

/** A view's map: its skeleton, and the last body before the instant with the on-call part it was written for. */
interface MapEntry {
  skeleton: Promise<MapSkeleton>;
  built?: MapSkeleton;
  last?: { onCall: string; prefix: SharedJsonPrefix };
}

export class MapPresenter {
  readonly #maps: ViewMemo<MapEntry>;

  constructor(private readonly state: DataInfraState) {
    // The view's entities are counted with the view; the skeleton once built.
    this.#maps = state.perView<MapEntry>((entry, view) =>
      entry.built ? sizeOf(entry.built, new Set<object>(view.byRef.values())) : 1024,
    );
  }

  /** The map at `at`, as JSON (megabytes at 10,000 services; built from parts). */
  async present(at: number, credentials: BackstageCredentials): Promise<SplitJson> {
    const { state } = this;
    const scope = await state.scope(credentials);
    return state.remember(scope, `map|${at}`, async () => {
      const view = await scope.view();
      const measured = await state.meter.measurements(view.services);
      const version = state.meter.version;
      const entry = this.#maps.get(view, version, () => {
        const skeleton = state
          .findings(view, { measured })
          .then(findings => buildMapSkeleton(view, findings, state.config, measured));
        const made: MapEntry = { skeleton };
        skeleton.then(
          built => {
            made.built = built;
            this.#maps.resized(view);
          },
          () => this.#maps.forget(view),
        );
        return made;
      });
      const built = await entry.skeleton;
      const parts = onCallParts(built, rotation => onCallRoles(state, rotation, at, view.people));
      // Each part is one JSON value, so the joined parts are equal exactly
      // when every part is.
      const onCall = parts.join('\n');
      if (entry.last?.onCall !== onCall) {
        entry.last = { onCall, prefix: { json: mapJsonBeforeInstant(built, parts) } };
      }
      return new SplitJson(entry.last.prefix, mapJsonInstant(at));
    });
  }
}
