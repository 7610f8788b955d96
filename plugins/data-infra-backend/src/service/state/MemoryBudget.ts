/*
 * One byte budget for every memo of the plugin (`dataInfra.cache.maxBytes`,
 * default 256 MiB). Entries of all memos share one least-recently-used
 * order; when a new or grown entry would exceed the budget, the least
 * recently used entries are dropped, whichever memo holds them. Self-
 * contained on purpose: the memos only call track/touch/forget.
 *
 * Sizes are estimates from above (see sizeOf): bodies that share a buffer
 * (the /map answers of one hand-off share their beginning) count it each
 * time, so the real memory held is at most the budget.
 */

/** What a memo registers for one of its entries. */
export interface BudgetEntry {
  bytes: number;
  /** Drops the entry from its memo (called by the budget when it evicts). */
  evict: () => void;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export class MemoryBudget {
  /** Map order is the LRU order: the first entry is the least recently used. */
  readonly #entries = new Map<object, BudgetEntry>();
  #used = 0;
  #peak = 0;
  #evictions = 0;

  constructor(readonly maxBytes: number = DEFAULT_MAX_BYTES) {}

  /** Records an entry (or its new size) as the most recently used, evicting others to fit. */
  track(handle: object, bytes: number, evict: () => void): void {
    this.forget(handle);
    if (bytes > this.maxBytes) {
      // Larger than the whole budget: not kept at all.
      this.#evictions += 1;
      evict();
      return;
    }
    while (this.#used + bytes > this.maxBytes) this.#evictOldest();
    this.#entries.set(handle, { bytes, evict });
    this.#used += bytes;
    this.#peak = Math.max(this.#peak, this.#used);
  }

  /** Marks an entry as just used. */
  touch(handle: object): void {
    const entry = this.#entries.get(handle);
    if (!entry) return;
    this.#entries.delete(handle);
    this.#entries.set(handle, entry);
  }

  /** The memo dropped the entry itself. */
  forget(handle: object): void {
    const entry = this.#entries.get(handle);
    if (!entry) return;
    this.#entries.delete(handle);
    this.#used -= entry.bytes;
  }

  #evictOldest() {
    const [handle, entry] = this.#entries.entries().next().value!;
    this.#entries.delete(handle);
    this.#used -= entry.bytes;
    this.#evictions += 1;
    entry.evict();
  }

  /** The budget's own count, as /health reports it. */
  stats() {
    return {
      maxBytes: this.maxBytes,
      usedBytes: this.#used,
      peakBytes: this.#peak,
      entries: this.#entries.size,
      evictions: this.#evictions,
    };
  }
}

/**
 * An estimate from above of the memory a value holds: strings at two bytes
 * a character, 8 bytes a number, 64 bytes of overhead per object or array
 * and 16 per property, Buffers at their length. Shared objects are counted
 * once per call; promises count nothing (their value is tracked when it
 * settles).
 */
export function sizeOf(value: unknown, seen = new Set<object>()): number {
  if (value === null || value === undefined) return 8;
  switch (typeof value) {
    case 'string':
      return 16 + 2 * value.length;
    case 'number':
    case 'boolean':
      return 8;
    case 'object':
      break;
    default:
      return 16;
  }
  const object = value as object;
  if (seen.has(object)) return 8;
  seen.add(object);
  // Values that know their size (prepared bodies) say so.
  const own = (object as { estimatedBytes?: unknown }).estimatedBytes;
  if (typeof own === 'number') return own;
  if (Buffer.isBuffer(object)) return 64 + object.length;
  if (object instanceof Promise) return 64;
  let bytes = 64;
  if (object instanceof Map) {
    for (const [k, v] of object) bytes += 16 + sizeOf(k, seen) + sizeOf(v, seen);
    return bytes;
  }
  if (Array.isArray(object)) {
    for (const item of object) bytes += 8 + sizeOf(item, seen);
    return bytes;
  }
  for (const [k, v] of Object.entries(object)) bytes += 16 + 2 * k.length + sizeOf(v, seen);
  return bytes;
}

/** A map whose entries count against a budget, by the size given when set. */
export class BudgetedMap<V> {
  readonly #entries = new Map<string, { value: V }>();

  constructor(private readonly budget: MemoryBudget) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry) this.budget.touch(entry);
    return entry?.value;
  }

  set(key: string, value: V, bytes: number): void {
    const previous = this.#entries.get(key);
    if (previous) this.budget.forget(previous);
    const entry = { value };
    this.#entries.set(key, entry);
    this.budget.track(entry, 64 + 2 * key.length + bytes, () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
  }
}
