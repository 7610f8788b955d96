/**
 * Remembers values that hold for a whole interval of instants, per key: an
 * answer computed once is right for every instant in [from, until). Used for
 * a rotation's on-call assignments and its next hand-off, keyed by the
 * rotation's exact state (ref and etag), so that answers for "now" cost a
 * lookup until the next hand-off instead of a schedule computation per
 * rotation and second.
 */
export class IntervalMemo<T> {
  readonly #entries = new Map<string, { from: number; until: number; value: T }>();

  constructor(private readonly maxEntries = 20_000) {}

  get(key: string, at: number): T | undefined {
    const known = this.#entries.get(key);
    return known && known.from <= at && at < known.until ? known.value : undefined;
  }

  set(key: string, from: number, until: number, value: T) {
    // Entries of changed rotations are never read again; dropping everything
    // now and then bounds them without bookkeeping per entry.
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, { from, until, value });
  }
}
