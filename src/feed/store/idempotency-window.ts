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
  private readonly committedAt = new Map<string, number>();
  /**
   * The keys in commit order, the oldest at `head`. Eviction pops from here: a Map iterated from its start
   * walks past the slots of every key deleted since its last rehash, which made each commit cost up to
   * `maxKeys` steps once the window was full (17 s to recover a 64 MiB journal).
   */
  private order: string[] = [];
  private head = 0;
  /**
   * Keys restored from a snapshot, and those replayed after it, not in the Map yet. Indexing 250,000 keys
   * takes 0.1-0.2 s, and a restarted feed's first answers (/api/state, the overlays' snapshots) need none
   * of them: the first lookup or listing indexes them, then evicts as of the latest `evict` asked meanwhile.
   */
  private unindexed: [string, number][] | null = null;
  private deferredEvictAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly retention: IdempotencyRetention = DEFAULT_RETENTION) {}

  has(key: string): boolean {
    this.index();
    return this.committedAt.has(key);
  }

  get size(): number {
    this.index();
    return this.committedAt.size;
  }

  /** How many keys a restore brought back before the window's bounds apply, without indexing them. */
  get restoredBeforeBounds(): number {
    return this.unindexed?.length ?? this.committedAt.size;
  }

  add(key: string, atMs: number): void {
    if (this.unindexed) {
      this.unindexed.push([key, atMs]);
      this.deferredEvictAt = Math.max(this.deferredEvictAt, atMs);
      return;
    }
    if (!this.committedAt.has(key)) this.order.push(key);
    this.committedAt.set(key, atMs);
    this.evict(atMs);
  }

  /** Takes a snapshot's keys, oldest first (and owns the array): indexed at the first lookup. */
  restore(entries: [string, number][], nowMs: number): void {
    this.index();
    this.unindexed = entries;
    this.deferredEvictAt = Math.max(this.deferredEvictAt, nowMs);
  }

  /** Forgets keys older than the ttl (relative to `nowMs`) and the oldest beyond `maxKeys`. */
  evict(nowMs: number): void {
    if (this.unindexed) {
      this.deferredEvictAt = Math.max(this.deferredEvictAt, nowMs);
      return;
    }
    const oldestKept = nowMs - this.retention.ttlMs;
    while (this.head < this.order.length) {
      const key = this.order[this.head]!;
      if (this.committedAt.size <= this.retention.maxKeys && this.committedAt.get(key)! >= oldestKept) break;
      this.committedAt.delete(key);
      this.head += 1;
    }
    // Drop the popped front once it is most of the array: amortised O(1) per key.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  /** Oldest first, as the snapshot stores them. */
  entries(): [string, number][] {
    return this.keys().map((key) => [key, this.committedAt.get(key)!]);
  }

  keys(): string[] {
    this.index();
    return this.order.slice(this.head);
  }

  private index(): void {
    const entries = this.unindexed;
    if (!entries) return;
    this.unindexed = null;
    for (const [key, atMs] of entries) {
      if (!this.committedAt.has(key)) this.order.push(key);
      this.committedAt.set(key, atMs);
    }
    this.evict(this.deferredEvictAt);
  }
}
