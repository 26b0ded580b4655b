/**
 * The idempotency keys a store still remembers, oldest first. Retention is bounded two ways, whichever
 * bites first: a key is forgotten `ttlMs` after it was committed (a client retries within seconds or
 * minutes, not days), and only the newest `maxKeys` are kept (memory and snapshot size stay bounded
 * even under a flood of tiny batches). A retry after its key was forgotten counts again: that is the
 * documented price of the bound.
 */
export interface IdempotencyRetention {
  /** Default 24 hours. */
  ttlMs: number;
  /** Default 250,000 (about 30 MB of memory at 128-character keys). */
  maxKeys: number;
}

export const DEFAULT_RETENTION: IdempotencyRetention = { ttlMs: 24 * 60 * 60 * 1000, maxKeys: 250_000 };

export class IdempotencyWindow {
  /** A Map iterates in insertion order, so the oldest key is always first: eviction is O(evicted). */
  private readonly committedAt = new Map<string, number>();

  constructor(private readonly retention: IdempotencyRetention = DEFAULT_RETENTION) {}

  has(key: string): boolean {
    return this.committedAt.has(key);
  }

  get size(): number {
    return this.committedAt.size;
  }

  add(key: string, atMs: number): void {
    this.committedAt.set(key, atMs);
    this.evict(atMs);
  }

  /** Forgets keys older than the ttl (relative to `nowMs`) and the oldest beyond `maxKeys`. */
  evict(nowMs: number): void {
    const oldestKept = nowMs - this.retention.ttlMs;
    for (const [key, atMs] of this.committedAt) {
      if (this.committedAt.size <= this.retention.maxKeys && atMs >= oldestKept) break;
      this.committedAt.delete(key);
    }
  }

  /** Oldest first, as the snapshot stores them. */
  entries(): [string, number][] {
    return [...this.committedAt];
  }

  keys(): string[] {
    return [...this.committedAt.keys()];
  }
}
