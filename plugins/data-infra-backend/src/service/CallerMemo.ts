import type { BackstageCredentials } from '@backstage/backend-plugin-api';

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

/**
 * Remembers answers per caller for a few seconds, and lets concurrent
 * requests of one caller share one computation.
 *
 * Under load one person's dashboard (or fifty of them) asks the same thing
 * many times a second; without this every request would query the catalog
 * and recompute. Keys always include the caller, so what one caller may
 * read never reaches another; the cost is that a catalog or permission
 * change shows up to one TTL late.
 */
export class CallerMemo {
  readonly #entries = new Map<string, { expires: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = this.clock();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value as Promise<T>;
    if (this.#entries.size >= this.maxEntries) this.#evict(now);
    const value = compute();
    this.#entries.set(key, { expires: now + this.ttlMs, value });
    // A failure is not remembered: the next request tries again.
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  #evict(now: number) {
    for (const [key, entry] of this.#entries) {
      if (entry.expires <= now) this.#entries.delete(key);
    }
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
