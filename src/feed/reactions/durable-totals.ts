import { REACTION_KINDS, type ReactionTotals } from '../../protocol/index.ts';
import type { Aggregator } from './aggregator.ts';
import { CellTally, ReactionsRefusedError } from './checked-cells.ts';
import { JournalStore } from '../store/journal/journal-store.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { ReactionSink } from '../sources/source.ts';
import { FencedError, type FeedStore, type LedgerCommitResult, type LedgerDraft, type PersistedState, type ReactionBatch, type RoomLikeTotal } from '../store/store.ts';

export { ReactionsRefusedError } from './checked-cells.ts';

export interface CommitOutcome {
  duplicate: boolean;
  /** The aggregator's seq once the batch is applied (or was already). */
  seq: number;
}

/** The lease a source runs under (scaled out): its batches carry the token, and a refused one calls `lost`. */
export interface SinkLease {
  readonly name: string;
  readonly token: number;
  /** The store refused a batch under this token: the lease is another node's now (or nobody's). */
  lost(why: string): void;
}

/** This node's view of a log of commits shared by several feed nodes. */
export interface SharedLog {
  /** Resolves true once the change numbered `seq` is applied to this node's aggregator; false if it gave up waiting. */
  reached(seq: number): Promise<boolean>;
}

/**
 * The one path every reaction takes to the totals: checked where it entered the feed, committed to the
 * store, and only once durable counted by the aggregator (and so shown and acknowledged), one batch as one
 * change. Whatever the source —
 * the ingest API, the simulator, TikTok, a producer's test burst — a reaction on screen is a reaction
 * on disk.
 */
export class DurableTotals {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Sources stop feeding once closing; commits are accepted until the store itself closes. */
  private closing = false;
  private storeClosed = false;
  private closed: Promise<void> | null = null;
  /** Set when several feed nodes share the store: see showCommitsFromSharedLog. */
  private sharedLog: SharedLog | null = null;

  private constructor(
    /** Also where other features keep their settings (roster, lower third, goal). */
    readonly store: FeedStore,
    private readonly aggregator: Aggregator,
    private readonly log: (message: string) => void,
  ) {}

  /** Opens the store and loads what it recovered into the (fresh) aggregator. */
  static async open(store: FeedStore, aggregator: Aggregator, log: (message: string) => void): Promise<{ totals: DurableTotals; persisted: PersistedState }> {
    const persisted = await store.open();
    const totals = new DurableTotals(store, aggregator, log);
    const recovered = new CellTally();
    for (const cell of persisted.cells) {
      try {
        recovered.add(aggregator.check.place({ region: cell.region, market: cell.market, ...cell.totals }));
      } catch (error) {
        // The campaign file changed since these were counted: they stay in the journal and in the audit.
        log(`store: ${describeCell(cell.totals)} for ${cell.region}/${cell.market} are kept in the journal but not shown: ${(error as Error).message.replaceAll('\n', ' ')}`);
      }
    }
    aggregator.count(recovered.take());
    for (const entry of persisted.ledger) {
      try {
        aggregator.applyLedger(entry);
      } catch (error) {
        log(`store: a ledger entry is kept in the journal but not shown: ${(error as Error).message}`);
      }
    }
    return { totals, persisted };
  }

  /**
   * Commits a batch of checked cells, then counts it as one change. Rejects with BatchRejectedError (it
   * would take a total past 2^53) or StoreUnavailableError; nothing is counted then.
   */
  async commit(batch: ReactionBatch): Promise<CommitOutcome> {
    const result = await this.commitThenShow(() => this.store.commitReactions(batch), () => this.aggregator.count(batch.cells));
    return { duplicate: result.status === 'duplicate', seq: Math.max(this.aggregator.seq, result.seq ?? 0) };
  }

  /**
   * Commits an adjustment or a void, then shows it in every amount; a retry under the same key shows
   * nothing new and resolves `duplicate` with the entry committed first. Rejects, counting nothing, with
   * BatchRejectedError or StoreUnavailableError.
   */
  async commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult> {
    return this.commitThenShow(() => this.store.commitLedger(draft), (result) => {
      try {
        this.aggregator.applyLedger(result.entry);
      } catch (error) {
        this.log(`BUG: a committed ledger entry was refused by the aggregator (restart to recount from the journal): ${(error as Error).message}`);
      }
    });
  }

  /**
   * Waits for a commit, then shows it: scaled out, by waiting until this node has followed the shared log
   * up to it (so every node shows it the same way); alone, by applying it here with `showHere`.
   */
  private async commitThenShow<R extends { status: string; seq?: number }>(
    start: () => Promise<R>,
    showHere: (result: R & { status: 'committed' }) => void,
  ): Promise<R> {
    if (this.storeClosed) throw new ReactionsRefusedError('the feed server is shutting down');
    const pending = start();
    this.track(pending);
    const result = await pending;
    if (result.status !== 'committed') return result;
    if (this.sharedLog && result.seq !== undefined) await this.sharedLog.reached(result.seq);
    else showHere(result as R & { status: 'committed' });
    return result;
  }

  /**
   * For a store several feed nodes share (Redis): every node applies every commit — its own included —
   * as it follows the store's log, in the one order the store ran them (scale-out/redis-scale-out.ts).
   * A commit is then not applied here, or this node would count it twice; it is acknowledged once this
   * node shows it (or once `reached` gives up waiting: it is durable either way).
   */
  showCommitsFromSharedLog(sharedLog: SharedLog): void {
    this.sharedLog = sharedLog;
  }

  /**
   * The sink a source pushes deltas into. A bad delta is reported and dropped alone; the good ones of
   * one event-loop turn (a simulator tick, a burst of TikTok events) are committed as one batch, with
   * the TikTok rooms' like totals they were counted up to (so both are durable together or not at all).
   */
  sinkFor(source: string, lease?: SinkLease): ReactionSink {
    const tally = new CellTally();
    let roomLikeTotals: RoomLikeTotal[] = [];
    let scheduled = false;
    const fence = lease ? { fence: { lease: lease.name, token: lease.token } } : {};
    const flush = () => {
      const batch = { source, cells: tally.take(), roomLikeTotals, ...fence };
      roomLikeTotals = [];
      scheduled = false;
      this.commit(batch).catch((error: unknown) => {
        this.log(`${source}: ${batch.cells.length} cells not counted: ${(error as Error).message}`);
        if (lease && error instanceof FencedError) lease.lost((error as Error).message);
      });
    };
    return (delta, roomLikeTotal) => {
      if (this.closing) return;
      try {
        tally.add(this.aggregator.check.delta(delta));
      } catch (error) {
        this.log(`${source}: ${(error as Error).message}`);
        return;
      }
      if (!scheduled) setImmediate(flush);
      scheduled = true;
      if (roomLikeTotal) roomLikeTotals.push(roomLikeTotal);
    };
  }

  /** Resolves once every batch the sources have handed over so far is committed (or refused). */
  async drain(): Promise<void> {
    // A sink's batch of this turn is committed on the next one: let it start before waiting.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.inFlight]);
  }

  /** Waits for every commit in flight, then closes the store (which makes its last writes durable). Idempotent. */
  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing = true;
    await this.drain();
    this.storeClosed = true;
    await this.store.close();
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
  }
}

/**
 * The store a feed server uses: the one given, else a journal in `dataDir`, else memory only (said once
 * in the log, since nothing then survives a restart).
 */
export function chooseStore(options: { store?: FeedStore; dataDir?: string }, log: (message: string) => void): FeedStore {
  if (options.store) return options.store;
  if (options.dataDir !== undefined) return new JournalStore({ dir: options.dataDir, log });
  log('store: no data directory given, so totals, the lower third and the goal are kept in memory only');
  return new MemoryStore();
}

function describeCell(totals: ReactionTotals): string {
  return REACTION_KINDS.map((kind) => `${totals[kind]} ${kind}`).join(', ');
}
