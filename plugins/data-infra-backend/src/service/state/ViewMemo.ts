import type { CatalogView } from './CatalogSnapshot';
import { MemoryBudget } from './MemoryBudget';

/**
 * Data derived from one catalog view (the /services table, the on-call
 * page's instant-independent part): kept while the view lives and its
 * `version` (of the measurements it includes) holds, and counted against
 * the plugin's memory budget like every memo, so the budget may drop it.
 */
export class ViewMemo<V> {
  readonly #entries = new WeakMap<CatalogView, { version: number; value: V }>();

  constructor(
    private readonly budget: MemoryBudget,
    /** An estimate from above of what the value holds beyond the view's own entities. */
    private readonly bytesOf: (value: V, view: CatalogView) => number,
  ) {}

  get(view: CatalogView, version: number, build: () => V): V {
    const known = this.#entries.get(view);
    if (known?.version === version) {
      this.budget.touch(known);
      return known.value;
    }
    const entry = { version, value: build() };
    if (known) this.budget.forget(known);
    this.#entries.set(view, entry);
    this.#track(view, entry);
    return entry.value;
  }

  /** The value has grown since it was built (e.g. another sort order): counts it again. */
  resized(view: CatalogView): void {
    const known = this.#entries.get(view);
    if (known) this.#track(view, known);
  }

  /** Drops what is kept for the view (e.g. a build that failed). */
  forget(view: CatalogView): void {
    const known = this.#entries.get(view);
    if (!known) return;
    this.budget.forget(known);
    this.#entries.delete(view);
  }

  #track(view: CatalogView, entry: { version: number; value: V }) {
    this.budget.track(entry, this.bytesOf(entry.value, view), () => {
      if (this.#entries.get(view) === entry) this.#entries.delete(view);
    });
  }
}
