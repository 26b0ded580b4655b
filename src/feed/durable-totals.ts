import { REACTION_KINDS, ReactionDelta, describeZodError, type ReactionTotals } from '../protocol/index.ts';
import type { Aggregator } from './aggregator.ts';
import { JournalStore } from './store/journal-store.ts';
import { MemoryStore } from './store/memory-store.ts';
import type { ReactionSink } from './sources/source.ts';
import type { FeedStore, LedgerCommitResult, LedgerDraft, PersistedState, ReactionBatch, RoomLikeTotal } from './store/store.ts';

export interface CommitOutcome {
  duplicate: boolean;
  /** The aggregator's seq once the batch is applied (or was already). */
  seq: number;
}

/** This node's view of a log of commits shared by several feed nodes. */
export interface SharedLog {
  /** Resolves true once the change numbered `seq` is applied to this node's aggregator; false if it gave up waiting. */
  reached(seq: number): Promise<boolean>;
}

/** A batch refused before anything was written or counted: the message names the field at fault. */
export class ReactionsRefusedError extends Error {
  override readonly name = 'ReactionsRefusedError';
}

/**
 * The one path every reaction takes to the totals: checked against the campaign, committed to the store,
 * and only once durable applied to the aggregator (and so shown and acknowledged). Whatever the source —
 * the ingest API, the simulator, TikTok, a producer's test burst — a reaction on screen is a reaction
 * on disk.
 */
export class DurableTotals {
  private readonly markets: ReadonlySet<string>;
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
  ) {
    this.markets = new Set(aggregator.campaign.markets.map((market) => market.id));
  }

  /** Opens the store and loads what it recovered into the (fresh) aggregator. */
  static async open(store: FeedStore, aggregator: Aggregator, log: (message: string) => void): Promise<{ totals: DurableTotals; persisted: PersistedState }> {
    const persisted = await store.open();
    const totals = new DurableTotals(store, aggregator, log);
    for (const cell of persisted.cells) {
      const delta = { region: cell.region, market: cell.market, ...cell.totals };
      try {
        totals.check(delta);
        aggregator.apply(delta);
      } catch (error) {
        // The campaign file changed since these were counted: they stay in the journal and in the audit.
        log(`store: ${describeCell(cell.totals)} for ${cell.region}/${cell.market} are kept in the journal but not shown: ${(error as Error).message.replaceAll('\n', ' ')}`);
      }
    }
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
   * Validates a delta against the protocol and the campaign; returns it parsed or throws
   * ReactionsRefusedError naming the field. Changes nothing.
   */
  check(input: unknown): ReactionDelta {
    const parsed = ReactionDelta.safeParse(input);
    if (!parsed.success) throw new ReactionsRefusedError(describeZodError(parsed.error));
    const delta = parsed.data;
    if (!this.aggregator.hasRegion(delta.region)) {
      const known = this.aggregator.campaign.regions.map((region) => region.id).join(', ');
      throw new ReactionsRefusedError(`region: unknown region "${delta.region}" (known: ${known})`);
    }
    if (!this.markets.has(delta.market)) {
      throw new ReactionsRefusedError(`market: unknown market "${delta.market}" (known: ${[...this.markets].join(', ')})`);
    }
    return delta;
  }

  /**
   * Checks every delta (a bad one refuses the whole batch), commits, then applies. Rejects with
   * ReactionsRefusedError, BatchRejectedError or StoreUnavailableError; nothing is counted then.
   */
  async commit(batch: ReactionBatch): Promise<CommitOutcome> {
    if (this.storeClosed) throw new ReactionsRefusedError('the feed server is shutting down');
    const deltas = batch.deltas.map((delta, index) => {
      try {
        return this.check(delta);
      } catch (error) {
        throw new ReactionsRefusedError(`deltas.${index}.${(error as Error).message}`);
      }
    });
    const pending = this.store.commitReactions({ ...batch, deltas });
    this.track(pending);
    const result = await pending;
    if (result.status === 'committed' && this.sharedLog && result.seq !== undefined) {
      await this.sharedLog.reached(result.seq);
    } else if (result.status === 'committed') {
      for (const delta of deltas) {
        try {
          this.aggregator.apply(delta);
        } catch (error) {
          // Checked above and durable already: reaching this is a bug, and the journal holds the truth.
          this.log(`BUG: a committed delta was refused by the aggregator (restart to recount from the journal): ${(error as Error).message}`);
        }
      }
    }
    return { duplicate: result.status === 'duplicate', seq: Math.max(this.aggregator.seq, result.seq ?? 0) };
  }

  /**
   * Commits an adjustment or a void, then shows it in every amount; a retry under the same key shows
   * nothing new and resolves `duplicate` with the entry committed first. Rejects, counting nothing, with
   * BatchRejectedError or StoreUnavailableError.
   */
  async commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult> {
    if (this.storeClosed) throw new ReactionsRefusedError('the feed server is shutting down');
    const pending = this.store.commitLedger(draft);
    this.track(pending);
    const result = await pending;
    if (result.status === 'committed' && this.sharedLog && result.seq !== undefined) {
      await this.sharedLog.reached(result.seq);
    } else if (result.status === 'committed') {
      try {
        this.aggregator.applyLedger(result.entry);
      } catch (error) {
        this.log(`BUG: a committed ledger entry was refused by the aggregator (restart to recount from the journal): ${(error as Error).message}`);
      }
    }
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
  sinkFor(source: string): ReactionSink {
    let pending: ReactionDelta[] = [];
    let roomLikeTotals: RoomLikeTotal[] = [];
    let scheduled = false;
    const flush = () => {
      const batch = { source, deltas: pending, roomLikeTotals };
      pending = [];
      roomLikeTotals = [];
      scheduled = false;
      this.commit(batch).catch((error: unknown) => this.log(`${source}: ${batch.deltas.length} deltas not counted: ${(error as Error).message}`));
    };
    return (delta, roomLikeTotal) => {
      if (this.closing) return;
      let checked: ReactionDelta;
      try {
        checked = this.check(delta);
      } catch (error) {
        this.log(`${source}: reaction delta is invalid:\n${(error as Error).message}`);
        return;
      }
      if (!scheduled) setImmediate(flush);
      scheduled = true;
      if (REACTION_KINDS.some((kind) => checked[kind] > 0)) pending.push(checked);
      if (roomLikeTotal) roomLikeTotals.push(roomLikeTotal);
    };
  }

  /** Waits for every commit in flight, then closes the store (which makes its last writes durable). Idempotent. */
  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private async shutDown(): Promise<void> {
    this.closing = true;
    // A sink's batch of this turn is committed on the next one: let it start before waiting.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.inFlight]);
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
