import type { FeedError } from '../../protocol/index.ts';
import type { JsonValue } from '../store/store.ts';
import type { Serial } from './serial.ts';
import type { ShowStateRecord, ShowStateStore } from './show-state.ts';

/** What a desk decides from the current state: the next state, no change (null), or a refusal. */
export type ShowDecision<T> = { ok: true; next: T | null } | { ok: false; error: FeedError };

export type ShowChange = { ok: true } | { ok: false; error: FeedError };

export interface ShowRecordOptions<T> {
  /** The store's key: also the setting name in the journal and in Redis. */
  key: string;
  /** Who speaks in the log lines: 'lower third', 'clock'. */
  label: string;
  store: ShowStateStore;
  serial: Serial;
  /** The state when nothing usable is saved. */
  initial: T;
  /** A saved value as this desk's state, or what is wrong with it. */
  read(saved: JsonValue): { ok: true; state: T } | { ok: false; problem: string };
  /** What the desk shows instead of a saved state it cannot use, for the log: 'starting with none on air'. */
  fallback: string;
  log: (message: string) => void;
}

/** How often a change is decided again after another node got in first, before the producer is asked to retry. */
const MAX_ATTEMPTS = 5;

/**
 * One piece of show state, the same on every feed node: what every desk (lower third, goal, clock, region
 * on stage) keeps its state in. It is read from the store at start (so a node started later, or restarted,
 * has the current state before it answers anyone), changed only by saving first, and follows what other
 * nodes save. Listeners hear each new state once, whichever node made it: that is where a desk pushes it
 * to this node's overlays and control pages.
 *
 * A change is decided from the current state, then saved only if nobody saved a newer one meanwhile;
 * otherwise it is decided again from the newer one. So two "next" pressed on two nodes take two cards, and
 * an auto-out timer that fires on every node takes the card out once (the others find it gone).
 */
export class ShowRecord<T> {
  private current: T;
  private version = 0;
  private readonly listeners = new Set<(state: T) => void>();
  private readonly unfollow: () => void;

  constructor(private readonly options: ShowRecordOptions<T>) {
    this.current = options.initial;
    const saved = options.store.readShowState(options.key);
    if (saved) {
      const read = options.read(saved.value);
      if (read.ok) this.current = read.state;
      else options.log(`${options.label}: the saved state is invalid, ${options.fallback}:\n${read.problem}`);
      this.version = saved.version;
    }
    this.unfollow = options.store.onShowState((key, record) => {
      if (key === options.key) this.adopt(record);
    });
  }

  get state(): T {
    return this.current;
  }

  /** Calls `listener` with every new state; returns the function that stops it. */
  onChange(listener: (state: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Decides from the current state, saves, then shows. A refusal, or a save the store could not make
   * durable, changes nothing.
   */
  change(decide: (current: T) => ShowDecision<T>): Promise<ShowChange> {
    const { store, key, label, serial, log } = this.options;
    return serial.run(async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const decision = decide(this.current);
        if (!decision.ok) return decision;
        if (decision.next === null) return { ok: true };
        let write;
        try {
          write = await store.writeShowState(key, decision.next as unknown as JsonValue, this.version);
        } catch (error) {
          log(`${label}: could not save the change: ${(error as Error).message}`);
          return internal(`the change to the ${label} could not be saved, so it was not made; check the feed server log`);
        }
        if (write.ok) {
          this.take(decision.next, write.version);
          return { ok: true };
        }
        this.adopt(write.newer);
      }
      return internal(`the ${label} was changed on other feed nodes ${MAX_ATTEMPTS} times while this change was decided; nothing changed here, try again`);
    });
  }

  /** A record this node learnt of (another node's, or its own as the shared log hands it back). */
  adopt(record: ShowStateRecord): void {
    if (record.version <= this.version) return;
    const read = this.options.read(record.value);
    if (read.ok) return this.take(read.state, record.version);
    // Keep what is shown, but take the version: the next change is based on the record as it is now.
    this.options.log(`${this.options.label}: the state another node saved is invalid here, keeping this one:\n${read.problem}`);
    this.version = record.version;
  }

  close(): void {
    this.unfollow();
    this.listeners.clear();
  }

  private take(state: T, version: number): void {
    if (version <= this.version) return;
    this.current = state;
    this.version = version;
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch (error) {
        this.options.log(`${this.options.label}: showing the new state failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }
}

function internal(message: string): { ok: false; error: FeedError } {
  return { ok: false, error: { code: 'internal', message } };
}
