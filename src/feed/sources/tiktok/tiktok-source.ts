import type { ReactionDelta, StreamConfig, StreamConnectionStatus, StreamState } from '../../../protocol/index.ts';
import type { ReactionSink, ReactionSource } from '../source.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { classifyConnectFailure, describeError } from './connect-failure.ts';
import { openTikTokLiveConnection, type LibraryListener, type LiveConnection, type OpenLiveConnection } from './live-connection.ts';
import { SignServerGate } from './sign-server-gate.ts';
import { freshStreamStatus } from './fresh-status.ts';
import { TikTokStreamCounter, type StreamCounterOptions } from './stream-counter.ts';
import type { RecordedEvent } from './recording.ts';
import { TIKTOK_EVENT_TYPES, type TikTokEvent } from './tiktok-event.ts';

const COUNTED_EVENTS: ReadonlySet<string> = new Set(TIKTOK_EVENT_TYPES);
/** How long a liveness check may take before it counts as unanswered. */
const IS_LIVE_TIMEOUT_MS = 15_000;

export interface TikTokSourceOptions extends Omit<StreamCounterOptions, 'now' | 'log'> {
  /** Opens one library connection. Default: the real TikTokLiveConnection, imported on first use. */
  openConnection?: OpenLiveConnection;
  backoff?: Partial<BackoffPolicy>;
  /** Shared by the streams of one feed, so a rate limit holds them all back. Default: this stream's own. */
  gate?: SignServerGate;
  /** Wait before the first attempt, to stagger many streams. Default 0. */
  startDelayMs?: number;
  /** A connection that stayed up this long wipes the failure streak. Default 30 s. */
  stableAfterMs?: number;
  /** How often silent gift streaks are looked for (and the status's counts refreshed). Default 1 s. */
  sweepEveryMs?: number;
  /**
   * A connection that delivers no event for this long is checked: if TikTok still says the LIVE is on
   * (unsigned room info), it is marked stalled and reconnected. Default 60 s (a LIVE with viewers sends
   * a viewer count every few seconds).
   */
  stallAfterMs?: number;
  /** Gets every event the library emits, as received (TIKTOK_RECORD). */
  record?: (event: RecordedEvent) => void;
  /** In [0, 1): jitter for the waits. Default Math.random. */
  random?: () => number;
  /** Ms since the epoch. Default Date.now. */
  now?: () => number;
  log?: (message: string) => void;
}

type StatusListener = (status: StreamConnectionStatus) => void;
/** The status as kept: without the ages, which are worked out whenever it is read. */
type StoredStatus = Omit<StreamConnectionStatus, 'lastEventAgeMs' | 'stateAgeMs'>;

interface Attached {
  readonly connection: LiveConnection;
  readonly detach: () => void;
}

/**
 * One TikTok LIVE stream as a ReactionSource: keeps a tiktok-live-connector connection open, feeds its
 * events to a TikTokStreamCounter, and hands the deltas to the server.
 * - A dropped connection or a failed attempt is retried with capped exponential backoff and jitter
 *   (backoff.ts); a sign-server rate limit waits far longer, at least its Retry-After, and holds back
 *   every stream sharing the gate; a stream that is not live is polled; a bad username stops retrying.
 * - Each attempt uses a fresh library connection, so no listener or half-state outlives a failure.
 * - `status` / `onStatus` tell producers where the stream stands (StreamConnectionStatus in src/protocol).
 * - Before joining, liveness is checked on TikTok's unsigned path (LiveConnection.fetchIsLive), so
 *   polling a stream that is offline spends no sign-server quota; only joining is signed.
 * - A connection that stays up but goes silent for `stallAfterMs` while TikTok says the LIVE is on is
 *   marked stalled and reconnected; if TikTok says it is over (a stream end we never got), it is ended.
 * - `stop()` leaves gift streaks still in progress uncounted: whoever listens next (a restarted feed)
 *   counts them at their end, so a restart cannot count a streak twice.
 */
export class TikTokSource implements ReactionSource {
  readonly name: string;
  readonly counter: TikTokStreamCounter;
  private readonly openConnection: OpenLiveConnection;
  private readonly backoff: BackoffPolicy;
  private readonly gate: SignServerGate;
  private readonly startDelayMs: number;
  private readonly stableAfterMs: number;
  private readonly sweepEveryMs: number;
  private readonly stallAfterMs: number;
  private readonly record: ((event: RecordedEvent) => void) | null;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<StatusListener>();
  private current: Attached | null = null;
  private sink: ReactionSink | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private started = false;
  private stopped = false;
  /** Failed attempts in a row (not counting rate limits), for the backoff exponent. */
  private failures = 0;
  /** Rate limits in a row, for their own, longer, backoff. */
  private rateLimits = 0;
  private connectedSince: number | null = null;
  private checkingStall = false;
  private statusNow: StoredStatus;

  constructor(
    readonly stream: StreamConfig,
    options: TikTokSourceOptions = {},
  ) {
    this.name = `tiktok:@${stream.uniqueId}`;
    this.openConnection = options.openConnection ?? openTikTokLiveConnection;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.gate = options.gate ?? new SignServerGate();
    this.startDelayMs = options.startDelayMs ?? 0;
    this.stableAfterMs = options.stableAfterMs ?? 30_000;
    this.sweepEveryMs = options.sweepEveryMs ?? 1_000;
    this.stallAfterMs = options.stallAfterMs ?? 60_000;
    this.record = options.record ?? null;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
    this.counter = new TikTokStreamCounter(stream, { ...options, now: this.now, log: this.log });
    const { lastEventAgeMs: _lastEventAge, stateAgeMs: _stateAge, ...fresh } = freshStreamStatus(stream, this.now());
    this.statusNow = { ...fresh, ...this.countsNow() };
  }

  /** Where the stream stands now (a copy). */
  get status(): StreamConnectionStatus {
    return this.withAge(this.statusNow);
  }

  /** Calls `listener` with every change of status; returns the function that stops it. */
  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(sink: (delta: ReactionDelta) => void): void {
    if (this.started) return;
    this.started = true;
    this.sink = sink;
    this.sweepTimer = setInterval(() => this.tick(), this.sweepEveryMs);
    this.sweepTimer.unref?.();
    this.scheduleAttempt(this.startDelayMs, 'connecting');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.sweepTimer);
    // Held messages of a connection still settling are judged and counted now, not lost.
    this.emit(this.counter.flush());
    const current = this.current;
    this.current = null;
    current?.detach();
    this.update({ nextAttemptAt: null, ...this.countsNow() });
    if (current) await this.disconnect(current.connection);
  }

  private async attempt(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const gateWaitMs = this.gate.waitMs(this.now());
    if (gateWaitMs > 0) return this.scheduleAttempt(gateWaitMs, 'reconnecting', 'waiting: the sign server is rate limiting this feed');

    this.update({ state: 'connecting', nextAttemptAt: null });
    let connection: LiveConnection;
    try {
      connection = await this.openConnection(this.stream.uniqueId);
    } catch (error) {
      return this.failed(error);
    }
    if (this.stopped) return;
    if (!(await this.isLiveOrUnknown(connection))) return;
    const attached = this.attach(connection);
    this.current = attached;
    let state: unknown;
    try {
      state = await connection.connect();
    } catch (error) {
      if (this.current !== attached) return; // stopped meanwhile
      attached.detach();
      this.current = null;
      void this.disconnect(connection);
      return this.failed(error);
    }
    if (this.stopped) return this.disconnect(connection);
    // 2.5 emits "connected" just before `connect()` resolves; should a release stop doing so, the
    // resolved state (TikTokLiveConnectionState) opens the live window instead of leaving it shut.
    if (this.current === attached && !this.counter.connected) this.onEvent({ type: 'connected', data: (state ?? {}) as { roomId?: string } });
  }

  private attach(connection: LiveConnection): Attached {
    const names = new Set([...(this.record ? (connection.recordableEvents ?? []) : []), ...TIKTOK_EVENT_TYPES]);
    const subscriptions: [string, LibraryListener][] = [...names].map((event) => [
      event,
      (data: unknown) => {
        this.record?.({ at: this.now(), stream: this.stream.uniqueId, event, data });
        if (COUNTED_EVENTS.has(event)) this.onEvent({ type: event, data } as TikTokEvent);
      },
    ]);
    // The library reports non-fatal trouble (a message it could not decode, a WebSocket error) here.
    subscriptions.push([
      'error',
      (problem: unknown) => {
        this.record?.({ at: this.now(), stream: this.stream.uniqueId, event: 'error', data: problem });
        this.update({ lastError: describeError(problem) });
      },
    ]);
    for (const [event, listener] of subscriptions) connection.on(event, listener);
    return { connection, detach: () => subscriptions.forEach(([event, listener]) => connection.off(event, listener)) };
  }

  private onEvent(event: TikTokEvent): void {
    if (this.stopped) return;
    this.emit(this.counter.handle(event));
    switch (event.type) {
      case 'connected':
        this.connectedSince = this.now();
        this.rateLimits = 0;
        this.update({ state: 'connected', nextAttemptAt: null, roomId: this.counter.roomId, failures: this.failures });
        return;
      case 'streamEnd':
        return this.lost('ended', 'the LIVE ended');
      case 'disconnected':
        return this.lost('dropped', `the connection closed${describeClose(event.data)}`);
      case 'roomUser':
        if (this.counter.viewers !== this.statusNow.viewers) this.update({ viewers: this.counter.viewers });
        return;
    }
  }

  /** The live connection is gone: the LIVE ended, the socket dropped, or it went silent (stalled). */
  private lost(how: 'ended' | 'dropped' | 'stalled', why: string): void {
    const current = this.current;
    if (!current) return;
    current.detach();
    this.current = null;
    const stable = this.connectedSince !== null && this.now() - this.connectedSince >= this.stableAfterMs;
    this.connectedSince = null;
    if (how === 'ended') {
      // The library disconnects by itself after a stream end; asking again is harmless.
      void this.disconnect(current.connection);
      this.failures = 0;
      return this.scheduleAttempt(retryDelayMs({ kind: 'offline' }, this.random(), this.backoff), 'ended', why);
    }
    // A silent socket may still be open: close it (its "disconnected" no longer reaches us, we detached).
    if (how === 'stalled') void this.disconnect(current.connection);
    this.failures = stable ? 1 : this.failures + 1;
    this.scheduleAttempt(retryDelayMs({ kind: 'failure', attempt: this.failures }, this.random(), this.backoff), how === 'stalled' ? 'stalled' : 'reconnecting', why);
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    const failure = classifyConnectFailure(error);
    switch (failure.kind) {
      case 'offline':
        this.failures = 0;
        return this.scheduleAttempt(retryDelayMs({ kind: 'offline' }, this.random(), this.backoff), 'ended', failure.message);
      case 'rate-limited': {
        this.rateLimits += 1;
        // resetTime is the sign server's clock, read against ours: were ours fast, the retry comes early and
        // is told to wait again (its Retry-After does not depend on clocks).
        const untilResetMs = failure.resetAt === null ? null : failure.resetAt - this.now();
        const waitMs = retryDelayMs({ kind: 'rate-limited', attempt: this.rateLimits, retryAfterMs: failure.retryAfterMs, untilResetMs }, this.random(), this.backoff);
        this.gate.blockUntil(this.now() + waitMs);
        return this.scheduleAttempt(waitMs, 'reconnecting', failure.message);
      }
      case 'permanent':
        this.log(`${this.name}: giving up, retrying cannot fix this: ${failure.message}`);
        return this.update({ state: 'error', lastError: failure.message, nextAttemptAt: null });
      case 'transient':
        this.failures += 1;
        return this.scheduleAttempt(retryDelayMs({ kind: 'failure', attempt: this.failures }, this.random(), this.backoff), 'reconnecting', failure.message);
    }
  }

  private scheduleAttempt(waitMs: number, state: StreamState, why?: string): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const at = this.now() + waitMs;
    this.update({ state, nextAttemptAt: at, failures: this.failures + this.rateLimits, ...(why === undefined ? {} : { lastError: why }) });
    if (why !== undefined) this.log(`${this.name}: ${state}, next attempt in ${Math.round(waitMs / 1000)} s (${why})`);
    this.retryTimer = setTimeout(() => void this.attempt(), waitMs);
    this.retryTimer.unref?.();
  }

  /** Hands a delta to the feed, with the room's like total it counted up to (a zero delta may carry only that). */
  private emit(delta: ReactionDelta | null): void {
    const mark = this.counter.takeLikeMark();
    if ((!delta && !mark) || !this.sink) return;
    const zero = { region: this.stream.region, market: this.stream.market, likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
    try {
      this.sink(delta ?? zero, mark ?? undefined);
    } catch (error) {
      this.log(`${this.name}: the feed refused a delta: ${describeError(error)}`);
    }
  }

  private update(patch: Partial<StoredStatus>): void {
    const previous = this.statusNow;
    const next = { ...previous, ...patch };
    if (patch.state !== undefined && patch.state !== previous.state) next.since = this.now();
    if ((Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === previous[key])) return;
    this.statusNow = next;
    for (const listener of this.listeners) {
      try {
        listener(this.withAge(next));
      } catch (error) {
        this.log(`${this.name}: a status listener failed: ${describeError(error)}`);
      }
    }
  }

  /** Every second: silent streaks and settled messages counted, the status's counts refreshed, a silence noticed. */
  private tick(): void {
    this.emit(this.counter.sweep());
    this.update(this.countsNow());
    const current = this.current;
    if (!current || this.connectedSince === null || this.checkingStall) return;
    const lastHeard = Math.max(this.connectedSince, this.counter.stats.lastEventAt ?? 0);
    if (this.now() - lastHeard >= this.stallAfterMs) void this.checkStall(current, this.now() - lastHeard);
  }

  /** Connected, yet silent: is the LIVE still on? Then the connection is stalled: reconnect. */
  private async checkStall(silent: Attached, silentMs: number): Promise<void> {
    this.checkingStall = true;
    let live: boolean | null;
    try {
      live = await this.askIsLive(silent.connection);
    } catch (error) {
      live = null;
      this.log(`${this.name}: could not check whether the LIVE is still on: ${describeError(error)}`);
    } finally {
      this.checkingStall = false;
    }
    if (this.stopped || this.current !== silent) return;
    const seconds = Math.round(silentMs / 1000);
    if (live === false) {
      // TikTok says the LIVE is over, but its stream end never reached us: end it as the library would.
      this.log(`${this.name}: no event for ${seconds} s and TikTok says the LIVE is over: taken as ended`);
      this.onEvent({ type: 'streamEnd', data: {} });
      return;
    }
    const why = `stalled: no event for ${seconds} s while ${live ? 'TikTok says the LIVE is on' : 'the LIVE may still be on'}; reconnecting`;
    this.log(`${this.name}: ${why}`);
    // As if the socket had closed: held messages are judged and counted, the live window shuts.
    this.emit(this.counter.handle({ type: 'disconnected', data: { reason: 'stalled' } }));
    this.update({ stalls: this.statusNow.stalls + 1 });
    this.lost('stalled', why);
  }

  /**
   * Before an attempt to join: is the user live? Asked on TikTok's unsigned routes (no sign-server
   * quota). Not live: polled again later. Unknown (TikTok did not answer): the join finds out itself.
   */
  private async isLiveOrUnknown(connection: LiveConnection): Promise<boolean> {
    let live: boolean;
    try {
      live = await this.askIsLive(connection);
    } catch (error) {
      const failure = classifyConnectFailure(error);
      if (failure.kind === 'rate-limited') {
        this.failed(error);
        return false;
      }
      return !this.stopped;
    }
    if (this.stopped) return false;
    if (live) return true;
    this.failures = 0;
    this.scheduleAttempt(retryDelayMs({ kind: 'offline' }, this.random(), this.backoff), 'ended', 'not live (checked on TikTok without the sign server)');
    return false;
  }

  /** fetchIsLive, bounded: TikTok's pages can hang as sockets do; no answer in time is an error like any other. */
  private askIsLive(connection: LiveConnection): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`TikTok did not say within ${IS_LIVE_TIMEOUT_MS / 1000} s whether the LIVE is on`)), IS_LIVE_TIMEOUT_MS);
    });
    return Promise.race([connection.fetchIsLive(), timeout]).finally(() => clearTimeout(timer));
  }

  /** What the counter made of the stream so far, as the status shows it. */
  private countsNow() {
    const { counted, backlog, duplicates, malformed, giftsValueUnknown, likeTotal, lastEventAt, clockOffsetMs } = this.counter.stats;
    return { counted, backlog, duplicates, malformed, giftsValueUnknown, likeTotal, lastEventAt, clockOffsetMs };
  }

  /** The ages, as of now: a reader can count on from them without its clock agreeing with ours. */
  private withAge(status: StoredStatus): StreamConnectionStatus {
    const age = (at: number) => Math.max(0, this.now() - at);
    return { ...status, lastEventAgeMs: status.lastEventAt === null ? null : age(status.lastEventAt), stateAgeMs: age(status.since) };
  }

  private async disconnect(connection: LiveConnection): Promise<void> {
    try {
      await connection.disconnect();
    } catch (error) {
      this.log(`${this.name}: disconnecting failed: ${describeError(error)}`);
    }
  }
}

function describeClose(data: unknown): string {
  const { code, reason } = (data ?? {}) as { code?: unknown; reason?: unknown };
  const parts = [typeof code === 'number' ? `code ${code}` : '', typeof reason === 'string' && reason ? reason : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
