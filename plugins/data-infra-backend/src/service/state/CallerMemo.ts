import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MemoryBudget, sizeOf } from './MemoryBudget';

/**
 * Who a request is for, as far as the catalog's permissions are concerned:
 * the user entity for user tokens, the calling service otherwise.
 */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { type?: string; userEntityRef?: string; subject?: string };
  if (principal.type === 'user') return `user:${principal.userEntityRef}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return 'none';
}

interface Entry {
  key: string;
  expires: number;
  value: Promise<unknown>;
}

/** Bytes an entry is counted for until its value is known. */
const PENDING_BYTES = 1024;

/**
 * Remembers answers per caller for a few seconds, and lets concurrent
 * requests of one caller share one computation.
 *
 * Under load one person's dashboard (or fifty of them) asks the same thing
 * many times a second; without this every request would query the catalog
 * and recompute. Keys always include the caller, so what one caller may
 * read never reaches another; the cost is that a catalog or permission
 * change shows up to one TTL late. Entries count against the plugin's
 * memory budget (dataInfra.cache.maxBytes) by the size of their value, and
 * are dropped least recently used first when it is full.
 */
export class CallerMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #budget: MemoryBudget;

  constructor(
    private readonly ttlMs: number,
    budget?: MemoryBudget,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.#budget = budget ?? new MemoryBudget();
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = this.clock();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) {
      this.#budget.touch(hit);
      return hit.value as Promise<T>;
    }
    if (hit) this.#drop(hit);
    if (this.#entries.size >= this.maxEntries) this.#evictExpired(now);
    const value = compute();
    const entry: Entry = { key, expires: now + this.ttlMs, value };
    this.#entries.set(key, entry);
    const evict = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    this.#budget.track(entry, PENDING_BYTES + 2 * key.length, evict);
    value.then(
      // Counted by what it holds once known.
      settled => {
        if (this.#entries.get(key) === entry) this.#budget.track(entry, 2 * key.length + sizeOf(settled), evict);
      },
      // A failure is not remembered: the next request tries again.
      () => {
        if (this.#entries.get(key) === entry) this.#drop(entry);
      },
    );
    return value;
  }

  #drop(entry: Entry) {
    this.#entries.delete(entry.key);
    this.#budget.forget(entry);
  }

  #evictExpired(now: number) {
    for (const entry of this.#entries.values()) {
      if (entry.expires <= now) this.#drop(entry);
    }
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.values().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest);
    }
  }
}
