/**
 * A map that remembers only its `capacity` most recently written keys: the oldest is forgotten first.
 * A live stream sends messages forever, so everything we remember about them must be bounded.
 * (A Map iterates in insertion order, so its first key is always the oldest write.)
 */
export class RecentMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`capacity must be a whole number >= 1, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    // Re-inserting moves the key to the young end, so a key in use is never the next one evicted.
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** Entries oldest first; safe to delete from while iterating. */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries[Symbol.iterator]();
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The message ids seen lately: `firstSighting(id)` is true once per id, as long as the id stays recent. */
export class RecentIds {
  private readonly seen: RecentMap<true>;

  constructor(capacity: number) {
    this.seen = new RecentMap(capacity);
  }

  get size(): number {
    return this.seen.size;
  }

  firstSighting(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }
}
