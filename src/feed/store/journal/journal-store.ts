import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describeZodError, type ReactionTotals } from '../../../protocol/index.ts';
import { encodeFrame } from './framing.ts';
import { DEFAULT_RETENTION, type IdempotencyRetention } from '../idempotency-window.ts';
import { recoverDataDir } from './recover.ts';
import { lockDataDir, type DirectoryLock } from './directory-lock.ts';
import { SettingRecord, type JournalRecord } from '../records.ts';
import { reactionsRecordOf, reserveTotals } from '../batch-record.ts';
import type { StoreState } from '../store-state.ts';
import {
  fsyncDir,
  journalName,
  listDataDir,
  realFs,
  snapshotName,
  writeFileAtomically,
  writeFully,
  type StoreFs,
} from './store-files.ts';
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
} from '../store.ts';

export interface JournalStoreOptions {
  /** The data directory; created if missing. One store per directory (directory-lock.ts guards it). */
  dir: string;
  fs?: StoreFs;
  log?: (line: string) => void;
  now?: () => number;
  /** Once the journal holds this many bytes, it is rotated and a snapshot written. Default 4 MiB. */
  compactAfterBytes?: number;
  retention?: Partial<IdempotencyRetention>;
}

export interface StoreStats {
  /** Writes to the journal, each followed by one fsync: far fewer than records under load. */
  groupCommits: number;
  fsyncs: number;
  records: number;
  bytes: number;
  snapshots: number;
  generation: number;
  rememberedKeys: number;
}

/**
 * What a restart replays after the newest snapshot is at most this much journal: about 27,000 batches,
 * a few hundred ms. A snapshot of the whole state is written each time (13 MB with the idempotency window
 * full, about 3x the journal it follows), so a smaller bound would trade ingest work for restart time.
 */
export const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

interface PendingWrite {
  record: JournalRecord;
  frame: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The embedded durable store: an append-only journal of checksummed frames, with group commit.
 *
 * Every commit is queued; one writer takes the whole queue, writes it in one call and fsyncs once, then
 * applies the records to the in-memory state and resolves every caller it covered. Commits that arrive
 * during that fsync form the next group, so under load the number of fsyncs stays near the disk's rate,
 * not the request rate. Once the journal is large, the writer (between two groups, so nothing is in flight)
 * opens the next generation's journal and writes a snapshot of the state so far; the snapshot before the
 * previous one, and the journals it covered, are then deleted.
 */
export class JournalStore implements FeedStore {
  private readonly dir: string;
  private readonly fs: StoreFs;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly compactAfterBytes: number;
  private readonly retention: IdempotencyRetention;

  private state: StoreState | null = null;
  private journal: FileHandle | null = null;
  private generation = 0;
  private journalBytes = 0;
  /** Campaign totals including queued batches: refuses a batch that would take a total past 2^53. */
  private reserved: ReactionTotals | null = null;
  private queue: PendingWrite[] = [];
  private flushRun: Promise<void> | null = null;
  private rotateRequested = false;
  private compaction: Promise<void> | null = null;
  /** Keys whose first commit is queued or being written: a retry waits for it, then is a duplicate. */
  private readonly inFlightKeys = new Map<string, Promise<void>>();
  private failure: StoreUnavailableError | null = null;
  private closing: Promise<void> | null = null;
  private lock: DirectoryLock | null = null;
  private readonly counters = { groupCommits: 0, fsyncs: 0, records: 0, bytes: 0, snapshots: 0 };

  constructor(options: JournalStoreOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? realFs;
    this.log = options.log ?? ((line) => console.log(line));
    this.now = options.now ?? Date.now;
    this.compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
  }

  async open(): Promise<PersistedState> {
    if (this.state) throw new Error('store is already open');
    await this.fs.mkdir(this.dir, { recursive: true });
    this.lock = await lockDataDir(this.dir, { log: this.log });
    const started = this.now();
    let recovered: Awaited<ReturnType<typeof recoverDataDir>>;
    try {
      await this.removeTemporaryFiles();
      recovered = await recoverDataDir({ fs: this.fs, dir: this.dir, log: this.log, now: this.now, retention: this.retention, repair: true });
      this.journal = await this.openJournal(recovered.lastGen);
      this.journalBytes = (await this.journal.stat()).size;
    } catch (error) {
      await this.lock.release();
      throw error;
    }
    const { state, lastGen, summary } = recovered;
    this.generation = lastGen;
    this.state = state;
    this.reserved = state.campaignTotals();
    const cells = state.cellTotals();
    const adjustments = state.ledger.length > 0 ? `, ${state.ledger.length} ledger entries` : '';
    this.log(
      `store: recovered ${cells.length} cells${adjustments} and ${state.keys.restoredBeforeBounds} idempotency keys from ${this.dir} ` +
        `(${summary}, ${this.now() - started} ms)`,
    );
    return state.persisted();
  }

  async commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult> {
    const prepared = this.writableState().ledgerCommit(draft, this.now());
    if ('duplicate' in prepared) return { status: 'duplicate', entry: prepared.duplicate };
    await this.enqueue(prepared.record);
    return { status: 'committed', entry: prepared.record.e };
  }

  async read(): Promise<PersistedState> {
    return this.writableState().persisted();
  }

  commitReactions(batch: ReactionBatch): Promise<CommitResult> {
    try {
      const state = this.writableState();
      const key = batch.idempotencyKey;
      if (key !== undefined) {
        if (state.keys.has(key)) return Promise.resolve({ status: 'duplicate' });
        const first = this.inFlightKeys.get(key);
        if (first) return first.then(() => ({ status: 'duplicate' }));
      }
      reserveTotals(this.reserved!, batch);
      const durable = this.enqueue(reactionsRecordOf(batch, this.now()));
      if (key !== undefined) {
        this.inFlightKeys.set(key, durable);
        const forget = () => this.inFlightKeys.delete(key);
        durable.then(forget, forget);
      }
      return durable.then(() => ({ status: 'committed' }));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    this.writableState();
    const parsed = SettingRecord.safeParse({ t: 's', at: this.now(), key, v: value });
    if (!parsed.success) throw new BatchRejectedError(`setting is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
    await this.enqueue(parsed.data);
  }

  /** The latest durable value of a setting (a copy), or undefined. */
  getSetting(key: string): JsonValue | undefined {
    return this.state?.setting(key);
  }

  /** Rotates the journal and writes a snapshot now, instead of waiting for the journal to grow. */
  async compact(): Promise<void> {
    this.writableState();
    this.rotateRequested = true;
    this.scheduleFlush();
    await this.drain();
    await this.compaction;
  }

  /** Resolves once nothing is being written: no commit in flight, no snapshot being written. */
  async whenIdle(): Promise<void> {
    while (this.flushRun || this.compaction) {
      await this.drain();
      await this.compaction;
    }
  }

  /** Makes everything queued durable, writes a final snapshot, releases the directory. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  stats(): StoreStats {
    return { ...this.counters, generation: this.generation, rememberedKeys: this.state?.keys.size ?? 0 };
  }

  private async shutDown(): Promise<void> {
    if (!this.state) return;
    await this.drain();
    if (!this.failure && this.journalBytes > 0) {
      this.rotateRequested = true;
      this.scheduleFlush();
      await this.drain();
    }
    await this.compaction;
    await this.journal?.close();
    this.journal = null;
    await this.lock?.release();
  }

  private writableState(): StoreState {
    if (this.failure) throw this.failure;
    if (this.closing) throw new StoreUnavailableError('store is closed');
    if (!this.state) throw new StoreUnavailableError('store is not open yet');
    return this.state;
  }

  private enqueue(record: JournalRecord): Promise<void> {
    const frame = encodeFrame(JSON.stringify(record));
    const durable = new Promise<void>((resolve, reject) => this.queue.push({ record, frame, resolve, reject }));
    this.scheduleFlush();
    return durable;
  }

  /**
   * One flush run at a time. It starts on the next turn of the event loop (setImmediate) so that every
   * commit made in this turn — all the requests whose bodies just arrived — joins the first group.
   */
  private scheduleFlush(): void {
    if (this.flushRun) return;
    this.flushRun = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flushLoop())
      .finally(() => {
        this.flushRun = null;
        if (!this.failure && (this.queue.length > 0 || this.rotateRequested)) this.scheduleFlush();
      });
  }

  private async drain(): Promise<void> {
    while (this.flushRun) await this.flushRun;
  }

  /** Never throws: a failed write fails the store and rejects every waiting caller instead. */
  private async flushLoop(): Promise<void> {
    while (!this.failure) {
      if (this.rotateRequested || (this.journalBytes >= this.compactAfterBytes && !this.compaction)) {
        this.rotateRequested = false;
        await this.rotate();
      }
      if (this.queue.length === 0) return;
      const group = this.queue.splice(0);
      const data = group.length === 1 ? group[0]!.frame : Buffer.concat(group.map((write) => write.frame));
      try {
        await writeFully(this.journal!, data);
        await this.journal!.datasync();
      } catch (error) {
        this.fail(error as Error, group);
        return;
      }
      this.journalBytes += data.length;
      this.counters.groupCommits += 1;
      this.counters.fsyncs += 1;
      this.counters.records += group.length;
      this.counters.bytes += data.length;
      for (const write of group) this.state!.apply(write.record);
      for (const write of group) write.resolve();
    }
  }

  private fail(error: Error, group: PendingWrite[]): void {
    this.failure = new StoreUnavailableError(`journal write failed (${error.message}): nothing more can be made durable, restart the feed server`);
    this.log(`store: ${this.failure.message}`);
    for (const write of [...group, ...this.queue.splice(0)]) write.reject(this.failure);
  }

  /**
   * Called by the writer between groups, so the state holds exactly what journals 1..G hold: the snapshot
   * text is captured before any await, the next journal opened, and the snapshot written in the background.
   */
  private async rotate(): Promise<void> {
    await this.compaction;
    const coveredGen = this.generation;
    const snapshotText = JSON.stringify(this.state!.toSnapshot(coveredGen, this.now()));
    let next: FileHandle;
    try {
      next = await this.openJournal(coveredGen + 1);
    } catch (error) {
      this.log(`store: cannot start ${journalName(coveredGen + 1)} (${(error as Error).message}); still writing ${journalName(coveredGen)}`);
      return;
    }
    await this.journal!.close();
    this.journal = next;
    this.generation = coveredGen + 1;
    this.journalBytes = 0;
    this.compaction = this.writeSnapshot(coveredGen, snapshotText).finally(() => {
      this.compaction = null;
    });
  }

  private async writeSnapshot(gen: number, text: string): Promise<void> {
    try {
      await writeFileAtomically(this.fs, this.dir, snapshotName(gen), encodeFrame(text));
      this.counters.snapshots += 1;
      // Keep this snapshot and the one before (a fallback should this one ever be unreadable), and the
      // journals after that one; everything older is covered twice over.
      const listing = await listDataDir(this.fs, this.dir);
      const previous = listing.snapshots.filter((g) => g < gen).at(-1);
      if (previous === undefined) return;
      const obsolete = [
        ...listing.snapshots.filter((g) => g < previous).map(snapshotName),
        ...listing.journals.filter((g) => g <= previous).map(journalName),
      ];
      for (const name of obsolete) await this.fs.unlink(join(this.dir, name));
      if (obsolete.length > 0) await fsyncDir(this.fs, this.dir);
    } catch (error) {
      // The journals are all still there: nothing is lost, the next snapshot will cover them.
      this.log(`store: writing ${snapshotName(gen)} failed (${(error as Error).message}); journals kept`);
    }
  }

  private async openJournal(gen: number): Promise<FileHandle> {
    const handle = await this.fs.open(join(this.dir, journalName(gen)), 'a');
    await fsyncDir(this.fs, this.dir);
    return handle;
  }

  private async removeTemporaryFiles(): Promise<void> {
    for (const name of await this.fs.readdir(this.dir)) {
      if (name.endsWith('.tmp')) await this.fs.unlink(join(this.dir, name));
    }
  }
}
