import type { ReactionDelta, StreamConfig, StreamState, StreamStatus } from '../../../protocol/index.ts';
import type { ReactionSource } from '../source.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { classifyConnectFailure, describeError } from './connect-failure.ts';
import { openTikTokLiveConnection, type LibraryListener, type LiveConnection, type OpenLiveConnection } from './live-connection.ts';
import { SignServerGate } from './sign-server-gate.ts';
import { TikTokStreamCounter, type StreamCounterOptions } from './stream-counter.ts';
import { TIKTOK_EVENT_TYPES, type TikTokEvent } from './tiktok-event.ts';

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
  /** How often silent gift streaks are looked for. Default 1 s. */
  sweepEveryMs?: number;
  /** In [0, 1): jitter for the waits. Default Math.random. */
  random?: () => number;
  /** Ms since the epoch. Default Date.now. */
  now?: () => number;
  log?: (message: string) => void;
}

type StatusListener = (status: StreamStatus) => void;

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
 * - `status` / `onStatus` tell producers where the stream stands (StreamStatus in src/protocol).
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
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<StatusListener>();
  private current: Attached | null = null;
  private sink: ((delta: ReactionDelta) => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private started = false;
  private stopped = false;
  /** Failed attempts in a row (not counting rate limits), for the backoff exponent. */
  private failures = 0;
  /** Rate limits in a row, for their own, longer, backoff. */
  private rateLimits = 0;
  private connectedSince: number | null = null;
  private statusNow: StreamStatus;

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
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.error(message));
    this.counter = new TikTokStreamCounter(stream, { ...options, now: this.now, log: this.log });
    this.statusNow = {
      uniqueId: stream.uniqueId,
      region: stream.region,
      market: stream.market,
      ...(stream.label === undefined ? {} : { label: stream.label }),
      state: 'connecting',
      since: this.now(),
      lastError: null,
      failures: 0,
      nextAttemptAt: null,
      roomId: null,
      viewers: null,
    };
  }

  /** Where the stream stands now (a copy). */
  get status(): StreamStatus {
    return { ...this.statusNow };
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
    this.sweepTimer = setInterval(() => this.emit(this.counter.sweep()), this.sweepEveryMs);
    this.sweepTimer.unref?.();
    this.scheduleAttempt(this.startDelayMs, 'connecting');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.sweepTimer);
    const current = this.current;
    this.current = null;
    current?.detach();
    this.update({ nextAttemptAt: null });
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
    const subscriptions: [string, LibraryListener][] = TIKTOK_EVENT_TYPES.map((type) => [
      type,
      (data: unknown) => this.onEvent({ type, data } as TikTokEvent),
    ]);
    // The library reports non-fatal trouble (a message it could not decode, a WebSocket error) here.
    subscriptions.push(['error', (problem: unknown) => this.update({ lastError: describeError(problem) })]);
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

  /** The live connection is gone: the LIVE ended, or the socket dropped. */
  private lost(how: 'ended' | 'dropped', why: string): void {
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
    this.failures = stable ? 1 : this.failures + 1;
    this.scheduleAttempt(retryDelayMs({ kind: 'failure', attempt: this.failures }, this.random(), this.backoff), 'reconnecting', why);
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
        const waitMs = retryDelayMs({ kind: 'rate-limited', attempt: this.rateLimits, retryAfterMs: failure.retryAfterMs }, this.random(), this.backoff);
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

  private emit(delta: ReactionDelta | null): void {
    if (!delta || !this.sink) return;
    try {
      this.sink(delta);
    } catch (error) {
      this.log(`${this.name}: the feed refused a delta: ${describeError(error)}`);
    }
  }

  private update(patch: Partial<StreamStatus>): void {
    const previous = this.statusNow;
    const next = { ...previous, ...patch };
    if (patch.state !== undefined && patch.state !== previous.state) next.since = this.now();
    if ((Object.keys(next) as (keyof StreamStatus)[]).every((key) => next[key] === previous[key])) return;
    this.statusNow = next;
    for (const listener of this.listeners) {
      try {
        listener({ ...next });
      } catch (error) {
        this.log(`${this.name}: a status listener failed: ${describeError(error)}`);
      }
    }
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
