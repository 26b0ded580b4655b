import { FeedSocket, type AckFailure } from '../feed-socket/feed-socket.ts';
import {
  CampaignInfo,
  FeedState,
  type FeedError,
  LowerThirdState,
  PROTOCOL_VERSION,
  ShowClockState,
  StageRegionState,
  describeZodError,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
} from '../protocol/index.ts';

type OverlaySocket = FeedSocket<OverlayServerToClientEvents, OverlayClientToServerEvents>;

export interface FeedClientOptions {
  /** Feed server URL; null for the page's own origin (the feed serves the overlay). */
  readonly url: string | null;
  /** The region to watch, or null for the whole campaign. */
  readonly region: string | null;
  /**
   * A state of that region the page carries (page-data.ts), taken as the first one while the socket
   * connects (onState is called with it from the constructor); the socket's snapshot is the new baseline.
   */
  readonly pageState?: unknown;
  /** Or the market whose viewers' contribution to watch (then `region` is null). */
  readonly market?: string | null;
  readonly onCampaign: (campaign: CampaignInfo) => void;
  /** Called with each state newer than the last one; never with an older or a repeated one. */
  readonly onState: (state: FeedState) => void;
  /** Called with each lower-third state newer than the last one (the first after a (re)subscribe always). */
  readonly onLowerThird?: (state: LowerThirdState) => void;
  /** Called with each show-clock state newer than the last one. */
  readonly onClock?: (state: ShowClockState) => void;
  /** Called with the region the producer put on stage, on every subscribe and change. */
  readonly onStageRegion?: (state: StageRegionState) => void;
  readonly warn?: (message: string) => void;
  /** The feed refused the subscription (an unknown region: `not-found`); it is also warned about. */
  readonly onSubscribeRefused?: (error: FeedError) => void;
  /** The connection was lost (the socket keeps retrying). */
  readonly onDisconnect?: () => void;
  /** A valid snapshot answered our subscribe: what is shown is current again, even if its seq is not new. */
  readonly onResync?: () => void;
}

/** Reconnect quickly after a blip, but never hammer a feed that is down: 0.5 s doubling up to 5 s, jittered. */
const RECONNECT = { minMs: 500, maxMs: 5_000, jitter: 0.5 } as const;

/**
 * The overlay's link to the feed server. It subscribes on every (re)connect, so a reconnect always resyncs
 * from a full snapshot, and validates every message at the boundary: a bad one is logged and ignored,
 * never drawn.
 *
 * Ordering: within one connection a state is kept only if its `seq` is higher than the last one kept, so
 * a repeated or reordered message cannot move the meter backward. The snapshot that answers our own
 * `subscribe` starts a new baseline: a restarted feed counts its seq from 0 again, and an overlay that
 * ignored it would stay frozen for the rest of the show.
 */
export class FeedClient {
  private readonly socket: OverlaySocket;
  private lastSeq = -1;
  private lastLowerThirdRevision = -1;
  /** The server sends the lower third in answer to every subscribe: that one is a new baseline. */
  private lowerThirdBaseline = true;
  private closed = false;

  constructor(private readonly options: FeedClientOptions) {
    this.socket = new FeedSocket({ url: options.url, reconnect: RECONNECT, askAgainWhenStopped: true, warn: (message) => this.warn(message) });
    this.socket.on('connect', () => this.subscribe());
    this.socket.on('campaign', (raw) => this.acceptCampaign(raw));
    this.socket.on('snapshot', (raw) => this.acceptState(raw, 'snapshot'));
    this.socket.on('update', (raw) => this.acceptState(raw, 'update'));
    this.socket.on('lowerThird', (raw) => this.acceptLowerThird(raw));
    this.socket.on('clock', (raw) => this.acceptShowState(ShowClockState, raw, 'clock', (state) => this.options.onClock?.(state)));
    this.socket.on('stageRegion', (raw) => this.acceptShowState(StageRegionState, raw, 'stageRegion', (state) => this.options.onStageRegion?.(state)));
    this.socket.on('refused', (error) => this.warn(`feed refused a message: ${error?.message ?? JSON.stringify(error)}`));
    // An overlay in OBS never gives up: the socket asks again even a feed that closed it on purpose (shutting
    // down for a restart) or refused it (a refusal may be lifted: the feed's settings fixed, the feed restarted).
    this.socket.on('connect_error', (error) => this.warn(`feed connection ${error.refused ? 'refused' : 'failed'} (${error.message}); retrying`));
    this.socket.on('disconnect', () => this.options.onDisconnect?.());
    if (options.pageState) this.acceptState(options.pageState, 'page state');
    this.socket.connect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** The server's clock, asked over the socket; null when not connected or no answer within 2 s. */
  askServerTime(): Promise<number | null> {
    return this.socket.request('time', [], 2_000).then(
      (serverTime) => (typeof serverTime === 'number' && Number.isFinite(serverTime) ? serverTime : null),
      () => null,
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private subscribe(): void {
    this.lowerThirdBaseline = true;
    const subscription = { v: PROTOCOL_VERSION, region: this.options.region, market: this.options.market ?? null };
    this.socket.request('subscribe', [subscription]).then(
      (result) => {
        if (!result?.ok) {
          this.warn(`feed refused the subscription: ${result?.error?.message ?? JSON.stringify(result)}`);
          if (result?.error && !this.closed) this.options.onSubscribeRefused?.(result.error);
          return;
        }
        if (this.acceptState(result.value, 'subscribe', { newBaseline: true })) this.options.onResync?.();
      },
      // Lost before the answer: the next connect subscribes again.
      (failure: AckFailure) => {
        if (!this.closed) this.warn(`no answer to the subscription: ${failure.message}`);
      },
    );
  }

  private acceptLowerThird(raw: unknown): void {
    if (this.closed) return;
    const parsed = LowerThirdState.safeParse(raw);
    if (!parsed.success) return this.warn(`ignored a bad lowerThird message:\n${describeZodError(parsed.error)}`);
    const baseline = this.lowerThirdBaseline;
    this.lowerThirdBaseline = false;
    if (!baseline && parsed.data.revision <= this.lastLowerThirdRevision) return;
    this.lastLowerThirdRevision = parsed.data.revision;
    this.options.onLowerThird?.(parsed.data);
  }

  /** A show state (clock, stage region) is whole in every message: the clock's revision orders it. */
  private acceptShowState<T>(schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false; error: import('zod/mini').core.$ZodError } }, raw: unknown, name: string, deliver: (state: T) => void): void {
    if (this.closed) return;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return this.warn(`ignored a bad ${name} message:\n${describeZodError(parsed.error)}`);
    deliver(parsed.data);
  }

  private acceptCampaign(raw: unknown): void {
    const parsed = CampaignInfo.safeParse(raw);
    if (!parsed.success) return this.warn(`ignored a bad campaign message:\n${describeZodError(parsed.error)}`);
    this.options.onCampaign(parsed.data);
  }

  /** Returns whether the state was valid and for our region (a repeated one is valid, just not passed on). */
  private acceptState(raw: unknown, source: string, { newBaseline = false } = {}): boolean {
    if (this.closed) return false;
    const parsed = FeedState.safeParse(raw);
    if (!parsed.success) {
      this.warn(`ignored a bad ${source} message:\n${describeZodError(parsed.error)}`);
      return false;
    }
    const state = parsed.data;
    if (state.region !== this.options.region || state.market !== (this.options.market ?? null)) {
      const scopeOf = (region: string | null, market: string | null | undefined) => (market ? `market ${market}` : region ? `region ${region}` : 'the campaign');
      this.warn(`ignored a ${source} for ${scopeOf(state.region, state.market)}; this client watches ${scopeOf(this.options.region, this.options.market)}`);
      return false;
    }
    if (state.seq === this.lastSeq) return true;
    if (state.seq < this.lastSeq) {
      if (!newBaseline) return true;
      this.warn(`the feed restarted (seq ${this.lastSeq} -> ${state.seq}): resyncing from its snapshot`);
    }
    this.lastSeq = state.seq;
    this.options.onState(state);
    return true;
  }

  private warn(message: string): void {
    (this.options.warn ?? console.warn)(message);
  }
}
