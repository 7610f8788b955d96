import { MemoryBudget, sizeOf } from './MemoryBudget';

interface Entry<T> {
  key: string;
  from: number;
  until: number;
  value: T;
}

/**
 * Remembers values that hold for a whole interval of instants, per key: an
 * answer computed once is right for every instant in [from, until). Used for
 * a rotation's on-call assignments and its next hand-off, keyed by the
 * rotation's exact state (ref and etag), so that answers for "now" cost a
 * lookup until the next hand-off instead of a schedule computation per
 * rotation and second. Entries count against the plugin's memory budget.
 */
export class IntervalMemo<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #budget: MemoryBudget;

  constructor(budget?: MemoryBudget) {
    this.#budget = budget ?? new MemoryBudget();
  }

  get(key: string, at: number): T | undefined {
    const known = this.#entries.get(key);
    if (!known || !(known.from <= at && at < known.until)) return undefined;
    this.#budget.touch(known);
    return known.value;
  }

  set(key: string, from: number, until: number, value: T) {
    const previous = this.#entries.get(key);
    if (previous) this.#budget.forget(previous);
    const entry = { key, from, until, value };
    this.#entries.set(key, entry);
    // Entries of changed rotations are never read again; the budget drops
    // them when it needs room.
    this.#budget.track(entry, 64 + 2 * key.length + sizeOf(value), () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
  }
}
