import type { LedgerEntry, ReactionTotals } from '../../protocol/index.ts';
import type { CheckedCells } from '../reactions/checked-cells.ts';
import type { TimelineRow } from './records.ts';

/**
 * Where the feed keeps what must survive a crash: the cumulative totals of every region × market cell,
 * the idempotency keys of recent batches, and a few settings other features persist (the roster, the
 * current lower third, the goal). The embedded JournalStore implements it; a Redis store can too.
 *
 * The contract every implementation keeps:
 * - `open()` recovers and returns everything acknowledged before the last stop or crash, exactly once.
 * - `commitReactions()` resolves only once the batch is durable; a batch whose key was already
 *   committed resolves `duplicate` and adds nothing. A rejected commit added nothing that was
 *   acknowledged (it may still be recovered later; a retry with the same key then counts it once).
 * - Commits are applied in the order their promises resolve.
 */
export interface FeedStore {
  open(): Promise<PersistedState>;
  commitReactions(batch: ReactionBatch): Promise<CommitResult>;
  /**
   * Commits an adjustment or a void, stamped with the store's time. An entry whose key was already
   * committed resolves `duplicate` with the entry committed then; one that cannot follow the ledger (a void
   * of an unknown or void adjustment) rejects with BatchRejectedError naming it. Callers commit one entry
   * at a time (the adjustment desk runs them in series).
   */
  commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult>;
  /** What the report and the recap show, durable now: what open() would return, less what only counting needs. */
  read(): Promise<StoredShow>;
  putSetting(key: string, value: JsonValue): Promise<void>;
  /** The latest value of a setting (a copy), once open; undefined when never set. */
  getSetting(key: string): JsonValue | undefined;
  close(): Promise<void>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface CellTotals {
  region: string;
  market: string;
  totals: ReactionTotals;
}

/**
 * The highest like total of a TikTok LIVE room that the likes counted so far reach up to. Kept with the
 * likes it counted, in the same commit, so a feed restarted in the middle of a LIVE counts the likes
 * made while it was down once: not lost, not doubled (sources/tiktok/like-total.ts).
 */
export interface RoomLikeTotal {
  roomId: string;
  total: number;
}

export interface PersistedState {
  /** Cumulative totals of every cell that ever received a reaction. */
  cells: CellTotals[];
  /** Room id → the highest like total counted in it (RoomLikeTotal). */
  roomLikeTotals: Record<string, number>;
  /** The idempotency keys still remembered (bounded: see IdempotencyRetention), oldest first. */
  recentKeys: string[];
  settings: Record<string, JsonValue>;
  /** Every adjustment and void, in commit order. */
  ledger: LedgerEntry[];
  /** Reactions counted per minute of commit time, campaign-wide, oldest minute first. */
  timeline: TimelineRow[];
}

/** The part of the persisted state a report or a recap reads: not the keys or the room maxima counting needs. */
export type StoredShow = Omit<PersistedState, 'recentKeys' | 'roomLikeTotals'>;

/** A ledger entry before the store stamps its time. */
export type LedgerDraft = LedgerEntry extends infer E ? (E extends LedgerEntry ? Omit<E, 'at'> : never) : never;

export type LedgerCommitResult = { status: 'committed' | 'duplicate'; entry: LedgerEntry; seq?: number };

export interface ReactionBatch {
  /** Absent for sources that cannot resend (the simulator): such a batch is never treated as a duplicate. */
  idempotencyKey?: string;
  /** Who sent it (`ingest`, `simulator`, `tiktok`): kept in the journal for the audit. */
  source: string;
  /** Checked where they entered the feed and merged per cell (reactions/checked-cells.ts). */
  cells: CheckedCells;
  /** Rooms whose like total these deltas counted up to (TikTok); a higher total per room wins. */
  roomLikeTotals?: readonly RoomLikeTotal[];
  /**
   * A source run under a lease (scaled out on Redis: the simulator, a TikTok stream): the lease's name and
   * the fencing token this node holds it under. A store shared by several nodes commits the batch only if
   * the token is the lease's current one, and rejects it with FencedError otherwise. A store of one node
   * has no leases and ignores it.
   */
  fence?: { readonly lease: string; readonly token: number };
}

/**
 * `seq`: the number a store shared by several feed nodes (Redis) gave the change, the same on every node;
 * absent for a store of one node, whose aggregator numbers its own changes.
 */
export type CommitResult = { status: 'committed'; seq?: number } | { status: 'duplicate'; seq?: number };

/** The store cannot promise durability any more (a write or fsync failed): restart the feed server. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** A batch the store refuses before writing anything: it would take a total past 2^53. */
export class BatchRejectedError extends Error {
  override readonly name = 'BatchRejectedError';
}

/**
 * A batch refused because its source's lease is no longer this node's (another node took it over, or the
 * lease expired unrenewed): nothing was written. The source must stop on this node.
 */
export class FencedError extends Error {
  override readonly name = 'FencedError';
}
