import type { JsonValue } from '../store/store.ts';
import type { ControlSettings } from './ports.ts';

/**
 * Where every piece of show state the control page changes (the lower third, the goal plan, the show
 * clock, the region on stage, and whatever desk comes next) is kept: one record per key, each with a
 * version that grows with every write. A write names the version it was based on and is refused when
 * the record has moved on since, so two nodes (or two producers) changing the same record at once never
 * both start from the same state: one wins, the other decides again from the winner's state.
 *
 * The feed's store provides it: on one node the journal (through `localShowState`), on several the
 * Redis store, where the version is the seq Redis gave the write and every node follows every write.
 */
export interface ShowStateStore {
  /** The record saved under `key`, once the store is open; undefined when never written. */
  readShowState(key: string): ShowStateRecord | undefined;
  /**
   * Saves `value` under `key` if the record is still at version `basedOn` (0: never written), and resolves
   * once it is durable: with its new version, or with the newer record that refused it. Rejects when the
   * store cannot make it durable (nothing changed then).
   */
  writeShowState(key: string, value: JsonValue, basedOn: number): Promise<ShowStateWrite>;
  /**
   * Calls `listener` with every record written by any node, as this node learns of it, in write order
   * (a shared store). A store of one node has nobody else to hear from and never calls it.
   */
  onShowState(listener: (key: string, record: ShowStateRecord) => void): () => void;
}

export interface ShowStateRecord {
  value: JsonValue;
  version: number;
}

export type ShowStateWrite = { ok: true; version: number } | { ok: false; newer: ShowStateRecord };

/**
 * The show state of a feed of one node, over its settings (the journal, or memory): this process is the
 * only writer, so versions are counted here from the records found at start (version 0).
 */
export function localShowState(settings: ControlSettings): ShowStateStore {
  const versions = new Map<string, number>();
  return {
    readShowState(key) {
      const value = settings.getSetting(key);
      return value === undefined ? undefined : { value, version: versions.get(key) ?? 0 };
    },
    async writeShowState(key, value, basedOn) {
      const version = versions.get(key) ?? 0;
      if (basedOn !== version) return { ok: false, newer: { value: settings.getSetting(key) ?? null, version } };
      await settings.putSetting(key, value);
      versions.set(key, version + 1);
      return { ok: true, version: version + 1 };
    },
    onShowState: () => () => {},
  };
}
