import type { JsonValue } from '../store/store.ts';

/**
 * What the control feature needs from the rest of the feed, as small interfaces so that tests and the
 * server hand it real parts without it knowing their classes.
 */

/** Durable settings: the FeedStore's JournalStore fits (getSetting after open, putSetting resolves once on disk). */
export interface ControlSettings {
  getSetting(key: string): JsonValue | undefined;
  putSetting(key: string, value: JsonValue): Promise<void>;
}

/** Time and timers, injected so auto-out is testable without waiting. */
export interface ControlTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ControlTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Settings kept in memory only: for a feed without a store (nothing survives a restart; the server says so). */
export class MemorySettings implements ControlSettings {
  private readonly values = new Map<string, JsonValue>();

  getSetting(key: string): JsonValue | undefined {
    return structuredClone(this.values.get(key));
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}
