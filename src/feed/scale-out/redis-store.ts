import type { Redis } from 'ioredis';
import { REACTION_KINDS, describeZodError } from '../../protocol/index.ts';
import { sumOfCells } from '../reactions/checked-cells.ts';
import { reactionsRecordOf } from '../store/batch-record.ts';
import { CommitFollower, type FollowedChange } from './commit-follower.ts';
import { DEFAULT_RETENTION, type IdempotencyRetention } from '../store/idempotency-window.ts';
import { SettingRecord } from '../store/records.ts';
import { createRedisClient, redactRedisUrl } from './redis-connection.ts';
import { cellMember, type RedisKeys } from './redis-keys.ts';
import type { LoggedReactions, LoggedSetting } from './redis-log.ts';
import type { TimelineRow } from '../store/records.ts';
import { COMMIT_SCRIPT, LEDGER_SCRIPT, SETTING_SCRIPT } from './redis-scripts.ts';
import { parseLedgerEntry, readRedisSnapshot, type LogPosition } from './redis-snapshot.ts';
import { ledgerRecordOf } from '../store/store-state.ts';
import type { ShowStateRecord, ShowStateStore, ShowStateWrite } from '../control/show-state.ts';
import {
  BatchRejectedError,
  FencedError,
  StoreUnavailableError,
  type FeedStore,
  type JsonValue,
  type LedgerCommitResult,
  type LedgerDraft,
  type PersistedState,
  type ReactionBatch,
  type StoredShow,
} from '../store/store.ts';

export interface RedisStoreOptions {
  /** redis://[user:password@]host:port[/db]; the password never appears in a log line. */
  url: string;
  /** Where this campaign lives in Redis: `redisKeysFor(campaign.id)`. */
  keys: RedisKeys;
  log?: (line: string) => void;
  retention?: Partial<IdempotencyRetention>;
  /**
   * About how many entries the log stream keeps. A node that falls further behind (it could not reach
   * Redis for a while) resyncs from the totals instead, so this bounds memory, not correctness.
   * Default 100,000.
   */
  logMaxLength?: number;
  /** A commit that takes longer fails with StoreUnavailableError. Default 5000 ms. */
  commandTimeoutMs?: number;
}

/** How long a show state write waits for this node to show it before it answers (it is durable either way). */
const SHOW_BEFORE_ANSWER_MS = 2_000;

/** Redis numbers each change: the seq every node shows, whichever node committed it. */
export type RedisCommitResult = { status: 'committed'; seq: number } | { status: 'duplicate'; seq: number };

type ScriptedRedis = Redis & {
  feedCommit(numberOfKeys: number, ...keysAndArgs: string[]): Promise<[string, number | string]>;
  feedSetting(...keysAndArgs: string[]): Promise<['saved', number] | ['newer', string, number]>;
  feedLedger(...keysAndArgs: string[]): Promise<[string, string, number?]>;
};

/**
 * The FeedStore of a scaled-out feed: several feed nodes share one Redis, which holds the totals of every
 * region × market cell (hashes), the idempotency keys (a sorted set, bounded by age and count like the
 * journal's), the settings (a hash) and a global seq. One Lua script per batch checks the key and adds
 * every count atomically (redis-scripts.ts), so a batch sent to node A and retried on node B counts once.
 *
 * Every change also goes into a log stream, which each node follows (CommitFollower): that is how node B
 * learns what node A committed, in the order Redis ran it. The show state (ShowStateStore) is settings
 * with a version each: the seq of its last write, which a write must name to be saved.
 *
 * Durability is Redis's: start it with `--appendonly yes --appendfsync always` and a commit is
 * acknowledged only once it is on disk; open() says so in the log when Redis is configured otherwise.
 */
export class RedisStore implements FeedStore, ShowStateStore {
  private readonly log: (line: string) => void;
  private readonly retention: IdempotencyRetention;
  private readonly logMaxLength: string;
  private readonly client: ScriptedRedis;
  private readonly where: string;
  private readonly settings = new Map<string, JsonValue>();
  private readonly settingVersions = new Map<string, number>();
  private readonly showStateListeners = new Set<(key: string, record: ShowStateRecord) => void>();
  private opened: LogPosition | null = null;
  private follower: CommitFollower | null = null;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: RedisStoreOptions) {
    this.log = options.log ?? ((line) => console.log(line));
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.logMaxLength = String(options.logMaxLength ?? 100_000);
    this.where = redactRedisUrl(options.url);
    const client = createRedisClient(options.url, { role: 'commits', log: this.log, announce: true, queueWhileDisconnected: false, commandTimeoutMs: options.commandTimeoutMs ?? 5_000 });
    client.defineCommand('feedCommit', { lua: COMMIT_SCRIPT });
    client.defineCommand('feedSetting', { numberOfKeys: 4, lua: SETTING_SCRIPT });
    client.defineCommand('feedLedger', { numberOfKeys: 5, lua: LEDGER_SCRIPT });
    this.client = client as ScriptedRedis;
  }

  async open(): Promise<PersistedState> {
    if (this.opened) throw new Error('store is already open');
    const started = Date.now();
    try {
      await this.client.connect();
    } catch (error) {
      this.client.disconnect();
      throw new Error(`store: cannot reach Redis at ${this.where}: ${(error as Error).message}`);
    }
    const { keys } = this.options;
    try {
      await this.checkDurability();
      const snapshot = await readRedisSnapshot(this.client, keys);
      const recentKeys = await this.client.zrange(keys.idempotency, 0, -1);
      const roomLikeTotals = await this.readRoomLikeTotals();
      for (const [key, value] of Object.entries(snapshot.settings)) this.settings.set(key, value);
      for (const [key, version] of Object.entries(snapshot.settingVersions)) this.settingVersions.set(key, version);
      this.opened = { seq: snapshot.seq, id: snapshot.id };
      this.log(`store: Redis at ${this.where} (${keys.prefix}*): ${snapshot.cells.length} cells, seq ${snapshot.seq}, ${recentKeys.length} idempotency keys (${Date.now() - started} ms)`);
      return { cells: snapshot.cells, roomLikeTotals, recentKeys, settings: Object.fromEntries(this.settings), ledger: snapshot.ledger, timeline: await this.readTimeline() };
    } catch (error) {
      this.client.disconnect();
      throw new Error(`store: cannot read the totals from Redis at ${this.where}: ${(error as Error).message}`);
    }
  }

  /** The global seq of the state open() returned: this node's seq starts there. */
  get openedAtSeq(): number {
    return this.requireOpen().seq;
  }

  /** Redis's clock now, in ms since the epoch. */
  async redisTime(): Promise<number> {
    const [seconds, micros] = await this.client.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  /** The global seq in Redis now. */
  async currentSeq(): Promise<number> {
    return Number((await this.client.get(this.options.keys.seq)) ?? 0);
  }

  async commitReactions(batch: ReactionBatch): Promise<RedisCommitResult> {
    this.requireWritable();
    const record = reactionsRecordOf(batch, Date.now());
    const { keys } = this.options;
    const added = sumOfCells(batch.cells);
    const body: LoggedReactions = { t: 'r', src: record.src, c: record.c };
    const cellKeys = record.c.map(([region, market]) => `${keys.cellPrefix}${cellMember(region, market)}`);
    const args = [
      batch.idempotencyKey ?? '',
      String(this.retention.ttlMs),
      String(this.retention.maxKeys),
      this.logMaxLength,
      JSON.stringify(body),
      batch.fence ? String(batch.fence.token) : '',
      ...REACTION_KINDS.map((kind) => String(added[kind])),
      ...record.c.flatMap(([region, market, ...counts]) => [cellMember(region, market), ...counts.map(String)]),
      ...(record.lm ?? []).flatMap(([roomId, total]) => [roomId, String(total)]),
    ];
    // Unfenced, the lease key is never read: the seq key stands in for it (a script's keys are declared).
    const leaseKey = batch.fence ? `${keys.leasePrefix}${batch.fence.lease}` : keys.seq;
    const redisKeys = [keys.seq, keys.idempotency, keys.log, keys.campaign, keys.cells, keys.roomLikes, keys.timeline, leaseKey, ...cellKeys];
    let reply: [string, number | string];
    try {
      reply = await this.client.feedCommit(redisKeys.length, ...redisKeys, ...args);
    } catch (error) {
      // The script may have run before the connection dropped: the batch is counted once or not at all,
      // and a retry with the same idempotency key finds out which.
      throw new StoreUnavailableError(`Redis at ${this.where} did not confirm the commit (${(error as Error).message}); it counted once or not at all`);
    }
    const [status, value] = reply;
    if (status === 'committed' || status === 'duplicate') return { status, seq: Number(value) };
    if (status === 'overflow') throw new BatchRejectedError(`${value}: would take the campaign total beyond ${Number.MAX_SAFE_INTEGER}`);
    if (status === 'fenced') {
      const current = value === '' ? 'nobody holds it now' : `it is held under token ${value} now`;
      throw new FencedError(`this node's lease on ${batch.fence?.lease} (token ${batch.fence?.token}) is lost, ${current}: nothing written`);
    }
    throw new StoreUnavailableError(`Redis at ${this.where} answered the commit with ${JSON.stringify(reply)}`);
  }

  async commitLedger(draft: LedgerDraft): Promise<LedgerCommitResult> {
    this.requireWritable();
    // Checked here as the journal checks it; Redis stamps the time (every node's clock agrees with it).
    const checked = ledgerRecordOf(draft, 0).e;
    const { at: _at, ...body } = checked;
    const { keys } = this.options;
    let reply: [string, string, number?];
    try {
      reply = await this.client.feedLedger(keys.seq, keys.log, keys.ledger, keys.ledgerKeys, keys.ledgerIds, body.key, body.op, body.id, JSON.stringify(body), this.logMaxLength);
    } catch (error) {
      throw new StoreUnavailableError(`Redis at ${this.where} did not confirm the ledger entry (${(error as Error).message}); it was committed once or not at all, retry with the same key`);
    }
    const [status, value, seq] = reply;
    if (status === 'committed' || status === 'duplicate') return { status, entry: parseLedgerEntry(value, 'the ledger entry Redis answered'), seq: Number(seq) };
    if (status === 'unknown') throw new BatchRejectedError(`adjustmentId: there is no adjustment ${value}`);
    if (status === 'void') throw new BatchRejectedError(`adjustmentId: ${value} is void already`);
    if (status === 'exists') throw new BatchRejectedError(`id: ${value} exists already`);
    throw new StoreUnavailableError(`Redis at ${this.where} answered the ledger entry with ${JSON.stringify(reply)}`);
  }

  /** Everything in Redis now: the totals, the settings, the ledger and the timeline. */
  async read(): Promise<StoredShow> {
    this.requireOpen();
    const snapshot = await readRedisSnapshot(this.client, this.options.keys);
    return { cells: snapshot.cells, settings: snapshot.settings, ledger: snapshot.ledger, timeline: await this.readTimeline() };
  }

  /** Each TikTok room's highest like total counted, as Redis holds it now: where a node taking a stream over goes on from. */
  async readRoomLikeTotals(): Promise<Record<string, number>> {
    const fields = await this.client.hgetall(this.options.keys.roomLikes);
    return Object.fromEntries(Object.entries(fields).map(([roomId, total]) => [roomId, Number(total)]));
  }

  private async readTimeline(): Promise<TimelineRow[]> {
    const fields = await this.client.hgetall(this.options.keys.timeline);
    const minutes = new Map<number, TimelineRow>();
    for (const [field, count] of Object.entries(fields)) {
      const [minute, kind] = field.split(':');
      const index = REACTION_KINDS.indexOf(kind as (typeof REACTION_KINDS)[number]);
      const value = Number(count);
      if (index === -1 || !Number.isSafeInteger(Number(minute)) || !Number.isSafeInteger(value)) {
        throw new Error(`Redis hash ${this.options.keys.timeline} field ${field} is not a minute's count`);
      }
      let row = minutes.get(Number(minute));
      if (!row) minutes.set(Number(minute), (row = [Number(minute), 0, 0, 0, 0, 0]));
      row[index + 1] = value;
    }
    return [...minutes.values()].sort((a, b) => a[0] - b[0]);
  }

  async putSetting(key: string, value: JsonValue): Promise<void> {
    await this.saveSetting(key, value, null);
  }

  getSetting(key: string): JsonValue | undefined {
    return structuredClone(this.settings.get(key));
  }

  readShowState(key: string): ShowStateRecord | undefined {
    const value = this.getSetting(key);
    return value === undefined ? undefined : { value, version: this.settingVersions.get(key) ?? 0 };
  }

  /** Saved only if no node wrote `key` since `basedOn`; answers once this node shows it (or after 2 s). */
  async writeShowState(key: string, value: JsonValue, basedOn: number): Promise<ShowStateWrite> {
    const saved = await this.saveSetting(key, value, basedOn);
    if (saved.ok) await this.follower?.reached(saved.version, SHOW_BEFORE_ANSWER_MS);
    return saved;
  }

  onShowState(listener: (key: string, record: ShowStateRecord) => void): () => void {
    this.showStateListeners.add(listener);
    return () => this.showStateListeners.delete(listener);
  }

  private async saveSetting(key: string, value: JsonValue, basedOn: number | null): Promise<ShowStateWrite> {
    this.requireWritable();
    const parsed = SettingRecord.safeParse({ t: 's', at: Date.now(), key, v: value });
    if (!parsed.success) throw new BatchRejectedError(`setting is invalid: ${describeZodError(parsed.error).replaceAll('\n', '; ')}`);
    const json = JSON.stringify(parsed.data.v);
    const body: LoggedSetting = { t: 's', key, v: parsed.data.v };
    const { keys } = this.options;
    let reply: Awaited<ReturnType<ScriptedRedis['feedSetting']>>;
    try {
      reply = await this.client.feedSetting(keys.seq, keys.log, keys.settings, keys.settingVersions, key, json, JSON.stringify(body), this.logMaxLength, basedOn === null ? '' : String(basedOn));
    } catch (error) {
      throw new StoreUnavailableError(`Redis at ${this.where} did not confirm the setting ${key} (${(error as Error).message})`);
    }
    if (reply[0] === 'newer') {
      let newer: JsonValue;
      try {
        newer = JSON.parse(reply[1]) as JsonValue;
      } catch {
        throw new StoreUnavailableError(`Redis hash ${keys.settings} field ${key} is not JSON`);
      }
      return { ok: false, newer: { value: newer, version: Number(reply[2]) } };
    }
    this.keepSetting(key, structuredClone(parsed.data.v as JsonValue), Number(reply[1]));
    return { ok: true, version: Number(reply[1]) };
  }

  /** Keeps the newest value of a setting that this node learnt of, by its write or by the log. */
  private keepSetting(key: string, value: JsonValue, version: number): void {
    if (version < (this.settingVersions.get(key) ?? 0)) return;
    this.settings.set(key, value);
    this.settingVersions.set(key, version);
  }

  /**
   * Starts following the log from where open() read: `onChange` gets every change any node commits from
   * then on, in seq order (this node's own included). Settings other nodes save are kept for getSetting,
   * and handed to the show state's listeners.
   */
  follow(onChange: (change: FollowedChange) => void): CommitFollower {
    if (this.follower) throw new Error('the store is already followed');
    const from = this.requireOpen();
    const client = createRedisClient(this.options.url, { role: 'log-reader', log: this.log, announce: false, queueWhileDisconnected: false });
    this.follower = new CommitFollower({
      client,
      keys: this.options.keys,
      from,
      log: this.log,
      onChange: (change) => {
        const settings = this.followedSettings(change);
        for (const { key, value, version } of settings) this.keepSetting(key, value, version);
        onChange(change);
        // After the aggregator took the change (the goal in FeedState), the desks take theirs.
        for (const { key, value, version } of settings) {
          for (const listener of this.showStateListeners) listener(key, { value, version });
        }
      },
    });
    this.follower.start();
    return this.follower;
  }

  private followedSettings(change: FollowedChange): { key: string; value: JsonValue; version: number }[] {
    if (change.kind === 'setting') return [{ key: change.key, value: change.value, version: change.seq }];
    if (change.kind !== 'resync') return [];
    const { settings, settingVersions } = change.snapshot;
    return Object.entries(settings).map(([key, value]) => ({ key, value, version: settingVersions[key] ?? 0 }));
  }

  /** Stops following and disconnects. Commits in flight are answered first (the caller waits for them). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.follower?.stop();
      // quit() lets the commands already sent be answered; a client that never connected just lets go.
      if (this.client.status === 'ready') await this.client.quit().catch(() => this.client.disconnect());
      else this.client.disconnect();
    })();
    return this.closing;
  }

  private requireOpen(): LogPosition {
    if (!this.opened) throw new StoreUnavailableError('store is not open yet');
    return this.opened;
  }

  private requireWritable(): void {
    if (this.closing) throw new StoreUnavailableError('store is closed');
    this.requireOpen();
    if (this.client.status !== 'ready') {
      throw new StoreUnavailableError(`Redis at ${this.where} is unavailable; reconnecting`);
    }
  }

  /** An acknowledgement is a promise that the reactions survive: say so when Redis cannot keep it. */
  private async checkDurability(): Promise<void> {
    let config: Record<string, string>;
    try {
      const appendonly = (await this.client.config('GET', 'appendonly')) as string[];
      const appendfsync = (await this.client.config('GET', 'appendfsync')) as string[];
      config = { appendonly: appendonly[1] ?? '?', appendfsync: appendfsync[1] ?? '?' };
    } catch (error) {
      this.log(`store: cannot read the persistence settings of Redis at ${this.where} (${(error as Error).message}); make sure it runs with appendonly yes and appendfsync always`);
      return;
    }
    if (config.appendonly !== 'yes') {
      this.log(`store: WARNING Redis at ${this.where} runs with appendonly ${config.appendonly}: a Redis restart loses acknowledged reactions. Start it with --appendonly yes --appendfsync always`);
    } else if (config.appendfsync !== 'always') {
      this.log(`store: note: Redis at ${this.where} fsyncs its append-only file "${config.appendfsync}": a crash of the Redis machine can lose the last second of acknowledged reactions; --appendfsync always closes that gap`);
    }
  }
}
