import type { Redis } from 'ioredis';
import type { LedgerEntry } from '../../protocol/index.ts';
import type { RedisKeys } from './redis-keys.ts';
import { parseLogEntry, type LogEntry, type RawStreamEntry } from './redis-log.ts';
import { readRedisSnapshot, type LogPosition, type RedisSnapshot } from './redis-snapshot.ts';
import { totalsOfRow } from './store-state.ts';
import type { CellTotals, JsonValue } from './store.ts';

/** A change some feed node committed to Redis, as every node learns of it, in seq order. */
export type FollowedChange =
  | { kind: 'reactions'; seq: number; cells: CellTotals[] }
  | { kind: 'setting'; seq: number; key: string; value: JsonValue }
  | { kind: 'ledger'; seq: number; entry: LedgerEntry }
  /** The log could not be read on from where this node was: here is everything, absolute, as of `seq`. */
  | { kind: 'resync'; snapshot: RedisSnapshot; reason: string };

export interface CommitFollowerOptions {
  /** A connection of its own: XREAD BLOCK holds it while waiting. */
  client: Redis;
  keys: RedisKeys;
  /** Where this node's totals stand: the point of the log that open() read. */
  from: LogPosition;
  onChange: (change: FollowedChange) => void;
  log: (line: string) => void;
  /** How long one XREAD waits for news. Default 1000 ms. */
  blockMs?: number;
}

const READ_COUNT = 1_000;

/**
 * Reads the Redis log from where this node's totals stand and hands every change to `onChange`, in seq
 * order, exactly once. When the log cannot be read on exactly — after a reconnection (Redis may have
 * restarted, or trimmed entries this node never read), a gap in the seqs, or an entry that does not
 * parse — it reads the whole snapshot instead and hands over a `resync`.
 */
export class CommitFollower {
  private readonly position: LogPosition;
  private waiters: { seq: number; resolve: (reached: boolean) => void }[] = [];
  private stopped = false;
  private wake: (() => void) | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: CommitFollowerOptions) {
    this.position = { ...options.from };
  }

  /** The seq of the last change handed over. */
  get seq(): number {
    return this.position.seq;
  }

  start(): void {
    this.running ??= this.run();
  }

  /**
   * Resolves true once the change numbered `seq` has been handed over, false if `timeoutMs` passes first
   * (the change is safe in Redis either way; this node will show it when it can read the log again).
   */
  reached(seq: number, timeoutMs: number): Promise<boolean> {
    if (seq <= this.position.seq) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter = { seq, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve(false);
      }, timeoutMs);
      waiter.resolve = (reached) => {
        clearTimeout(timer);
        resolve(reached);
      };
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.options.client.disconnect();
    await this.running;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(false);
  }

  private async run(): Promise<void> {
    const { client, keys, blockMs = 1_000 } = this.options;
    let resyncReason: string | null = null;
    let everReady = false;
    while (!this.stopped) {
      if (client.status !== 'ready') {
        if (client.status === 'wait') client.connect().catch(() => {});
        await this.untilReady();
        // Redis may have restarted, or trimmed entries while we were away: start again from its totals.
        if (everReady) resyncReason ??= 'the connection to Redis was lost';
        continue;
      }
      everReady = true;
      try {
        if (resyncReason !== null) {
          await this.resync(resyncReason);
          resyncReason = null;
        }
        const reply = (await client.xread('COUNT', READ_COUNT, 'BLOCK', blockMs, 'STREAMS', keys.log, this.position.id)) as [string, RawStreamEntry[]][] | null;
        resyncReason = reply ? this.consume(reply[0]![1]) : null;
      } catch (error) {
        if (this.stopped) break;
        if (client.status !== 'ready') {
          resyncReason = 'the connection to Redis was lost';
          continue;
        }
        // Redis is there but the log or the totals cannot be read: say so once, and keep trying.
        const problem = `reading the log failed (${(error as Error).message})`;
        if (problem !== resyncReason) this.options.log(`store: ${problem}; this node's totals wait until it can read them, retrying`);
        resyncReason = problem;
        await this.pause(200);
      }
    }
  }

  /** Hands over the entries in order; returns why a resync is needed, or null. */
  private consume(entries: readonly RawStreamEntry[]): string | null {
    for (const raw of entries) {
      let entry: LogEntry;
      try {
        entry = parseLogEntry(raw);
      } catch (error) {
        return (error as Error).message;
      }
      this.position.id = entry.id;
      if (entry.seq <= this.position.seq) continue;
      if (entry.seq !== this.position.seq + 1) return `log entries ${this.position.seq + 1} to ${entry.seq - 1} are gone (trimmed while this node was not reading)`;
      this.position.seq = entry.seq;
      if (entry.t === 'r') {
        this.deliver({ kind: 'reactions', seq: entry.seq, cells: entry.c.map((row) => ({ region: row[0], market: row[1], totals: totalsOfRow(row) })) });
      } else if (entry.t === 'a') {
        this.deliver({ kind: 'ledger', seq: entry.seq, entry: entry.e });
      } else {
        this.deliver({ kind: 'setting', seq: entry.seq, key: entry.key, value: entry.v as JsonValue });
      }
    }
    return null;
  }

  private async resync(reason: string): Promise<void> {
    const snapshot = await readRedisSnapshot(this.options.client, this.options.keys);
    if (snapshot.seq < this.position.seq) {
      this.options.log(
        `store: Redis is at seq ${snapshot.seq} but this node had read up to ${this.position.seq}: Redis lost changes (was it restarted without --appendonly yes?). ` +
          'Totals on screen will not go backward; check Redis persistence',
      );
    }
    this.position.seq = snapshot.seq;
    this.position.id = snapshot.id;
    this.deliver({ kind: 'resync', snapshot, reason });
  }

  private deliver(change: FollowedChange): void {
    try {
      this.options.onChange(change);
    } catch (error) {
      this.options.log(`store: applying a change from Redis failed: ${(error as Error)?.stack ?? String(error)}`);
    }
    const seq = this.position.seq;
    if (this.waiters.length === 0) return;
    const due = this.waiters.filter((waiter) => waiter.seq <= seq);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.seq > seq);
    for (const waiter of due) waiter.resolve(true);
  }

  private untilReady(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.options.client.off('ready', done);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      this.options.client.once('ready', done);
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
