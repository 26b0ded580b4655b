import { describeZodError, emptyTotals } from '../../protocol/index.ts';
import { reactionsRecordOf, reserveTotals } from './batch-record.ts';
import { DEFAULT_RETENTION, type IdempotencyRetention } from './idempotency-window.ts';
import { SettingRecord } from './records.ts';
import { StoreState } from './store-state.ts';
import {
  BatchRejectedError,
  StoreUnavailableError,
  type CommitResult,
  type FeedStore,
  type JsonValue,
  type LedgerCommitResult,
  type LedgerDraft,
  type PersistedState,
  type ReactionBatch,
} from './store.ts';

/**
 * A FeedStore that keeps everything in memory: the same rules as the journal (idempotency, validation,
 * exact totals), nothing survives the process. For a feed started without a data directory — tests,
 * `npm run dev` — so that the server has one commit path whatever the store.
 */
export class MemoryStore implements FeedStore {
  private readonly state: StoreState;
  private readonly reserved = emptyTotals();
  private closed = false;

  constructor(retention: IdempotencyRetention = DEFAULT_RETENTION) {
    this.state = new StoreState(retention);
  }

  async open(): Promise<PersistedState> {
    return this.state.persisted();
  }

  async commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult> {
    if (this.closed) throw new StoreUnavailableError('store is closed');
    const prepared = this.state.ledgerCommit(draft, Date.now());
    if ('duplicate' in prepared) return { status: 'duplicate', entry: prepared.duplicate };
    this.state.apply(prepared.record);
    return { status: 'committed', entry: prepared.record.e };
  }

  async read(): Promise<PersistedState> {
    return this.state.persisted();
  }

  async commitReactions(batch: ReactionBatch): Promise<CommitResult> {
    if (this.closed) throw new StoreUnavailableError('store is closed');
    if (batch.idempotencyKey !== undefined && this.state.keys.has(batch.idempotencyKey)) return { status: 'duplicate' };
    const record = reactionsRecordOf(batch, Date.now());
    reserveTotals(this.reserved, record);
    this.state.apply(record);
    return { status: 'committed' };
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('store is closed');
    const parsed = SettingRecord.safeParse({ t: 's', at: Date.now(), key, v: value });
    if (!parsed.success) throw new BatchRejectedError(`setting is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
    this.state.apply(parsed.data);
  }

  getSetting(key: string): JsonValue | undefined {
    return this.state.setting(key);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
