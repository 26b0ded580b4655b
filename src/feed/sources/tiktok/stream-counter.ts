import { describeZodError, type ReactionDelta } from '../../../protocol/index.ts';
import { GiftStreaks, type GiftTally } from './gift-streaks.ts';
import { LikeTotal } from './like-total.ts';
import { RecentIds } from './recent-keys.ts';
import { TikTokEventSchema, type TikTokEvent, type TikTokMessage } from './tiktok-event.ts';

export interface StreamCounterOptions {
  /** The clock, ms since the epoch: injected so streak timeouts and the backlog cut-off are testable. */
  now: () => number;
  /** A gift streak silent this long is closed and counted as it stands. Default 15 s. */
  streakTimeoutMs?: number;
  /**
   * Messages created this long before we connected still count; older ones are replayed history.
   * Covers the seconds a connection takes to set up plus clock skew with TikTok. Default 5 s.
   */
  backlogToleranceMs?: number;
  /** How many message ids (and closed streaks) we remember to drop duplicates. Default 20,000. */
  memory?: number;
  /** Where malformed events are reported. Default: console.warn. */
  log?: (message: string) => void;
}

/** What became of the messages handled: counted, or dropped and why. */
export interface StreamCounterStats {
  counted: number;
  backlog: number;
  duplicates: number;
  malformed: number;
  streaksTimedOut: number;
}

/** The region × market cell a stream's reactions count for. */
export interface StreamTarget {
  readonly region: string;
  readonly market: string;
}

type Tally = Omit<ReactionDelta, 'region' | 'market'>;
const emptyTally = (): Tally => ({ likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });

/** A few malformed events are worth a line each; a flood of them is worth a line per hundred. */
const LOG_EVERY_MALFORMED = (count: number) => count <= 10 || count % 100 === 0;

/**
 * The counting core of one TikTok LIVE stream: the library's events in (`handle`), reaction deltas
 * for the stream's region and market out. No network, no timers: the clock is injected, and the
 * connection wrapper calls `sweep()` now and then so silent gift streaks close.
 *
 * Besides likes (LikeTotal) and gifts (GiftStreaks):
 * - comments: one per "chat" message; shares: one per "share" message (or "social" that is a share);
 * - the backlog is dropped: messages that arrive while we are not connected (the library emits the
 *   batch of recent messages that comes with the signed WebSocket URL *before* its "connected" event,
 *   when `processInitialData` is on: TikTokLiveConnection._connect in dist/lib-*.js), and messages
 *   created more than `backlogToleranceMs` before we connected (history replayed on the socket);
 * - duplicates are dropped by TikTok's message id, remembered for the last `memory` messages. A gift's
 *   key also holds its repeat count and end flag, so the messages of one streak can never collapse
 *   into one even if TikTok reused an id across them;
 * - a malformed event is logged and ignored; `handle` never throws.
 */
export class TikTokStreamCounter {
  private readonly outcomes = { counted: 0, backlog: 0, duplicates: 0, malformed: 0 };
  private readonly now: () => number;
  private readonly backlogToleranceMs: number;
  private readonly log: (message: string) => void;
  private readonly likes = new LikeTotal();
  private readonly streaks: GiftStreaks;
  private readonly recentIds: RecentIds;
  /** When the current connection opened; null while not connected. */
  private connectedAt: number | null = null;
  private lastViewers: number | null = null;

  constructor(
    readonly target: StreamTarget,
    options: StreamCounterOptions,
  ) {
    const { now, streakTimeoutMs = 15_000, backlogToleranceMs = 5_000, memory = 20_000, log = (message) => console.warn(message) } = options;
    requireWholeNumber('streakTimeoutMs', streakTimeoutMs, 1);
    requireWholeNumber('backlogToleranceMs', backlogToleranceMs, 0);
    requireWholeNumber('memory', memory, 1);
    this.now = now;
    this.backlogToleranceMs = backlogToleranceMs;
    this.log = log;
    this.streaks = new GiftStreaks({ timeoutMs: streakTimeoutMs, capacity: memory });
    this.recentIds = new RecentIds(memory);
  }

  get stats(): StreamCounterStats {
    return { ...this.outcomes, streaksTimedOut: this.streaks.timedOut };
  }

  get connected(): boolean {
    return this.connectedAt !== null;
  }

  get roomId(): string | null {
    return this.likes.currentRoomId;
  }

  /** Viewers in the room as TikTok last reported them, or null when unknown. */
  get viewers(): number | null {
    return this.lastViewers;
  }

  /** Takes one event from the library; returns what it adds (expired streaks included), or null. */
  handle(event: TikTokEvent): ReactionDelta | null {
    try {
      const parsed = TikTokEventSchema.safeParse(event);
      if (!parsed.success) {
        this.reportMalformed(event, describeZodError(parsed.error));
        return null;
      }
      const tally = emptyTally();
      this.addGifts(tally, this.streaks.expire(this.now()));
      this.count(parsed.data, tally);
      return this.toDelta(tally);
    } catch (error) {
      // Our own bug must cost one event, never the stream.
      this.reportMalformed(event, `could not be counted: ${(error as Error)?.message ?? String(error)}`);
      return null;
    }
  }

  /** Closes gift streaks silent for too long; returns what they add, or null. */
  sweep(): ReactionDelta | null {
    const tally = emptyTally();
    this.addGifts(tally, this.streaks.expire(this.now()));
    return this.toDelta(tally);
  }

  private count(message: TikTokMessage, tally: Tally): void {
    switch (message.kind) {
      case 'connected':
        // A new room: the old one is over, so its streaks will never end by themselves.
        if (message.roomId !== null && this.likes.currentRoomId !== null && message.roomId !== this.likes.currentRoomId) {
          this.addGifts(tally, this.streaks.closeAll());
        }
        this.likes.enterRoom(message.roomId);
        this.connectedAt = this.now();
        return;
      case 'disconnected':
        this.connectedAt = null;
        return;
      case 'streamEnd':
        this.addGifts(tally, this.streaks.closeAll());
        this.connectedAt = null;
        return;
      default:
        if (!this.isFresh(message)) return;
    }
    switch (message.kind) {
      case 'like':
        tally.likes += this.likes.observe(message.totalLikes);
        break;
      case 'gift':
        this.addGifts(tally, this.streaks.add(message, this.now()));
        break;
      case 'comment':
        tally.comments += 1;
        break;
      case 'share':
        tally.shares += 1;
        break;
      case 'viewers':
        if (message.viewers !== null) this.lastViewers = message.viewers;
        break;
      case 'other':
        break;
    }
    this.outcomes.counted += 1;
  }

  /** False for the connect backlog and for duplicates (counted in `stats`). */
  private isFresh(message: Exclude<TikTokMessage, { kind: 'connected' | 'disconnected' | 'streamEnd' }>): boolean {
    if (this.connectedAt === null || (message.createdAt !== null && message.createdAt < this.connectedAt - this.backlogToleranceMs)) {
      this.outcomes.backlog += 1;
      return false;
    }
    if (message.msgId !== null) {
      const key = message.kind === 'gift' ? `${message.msgId}:${message.repeatCount}:${message.repeatEnd}` : message.msgId;
      if (!this.recentIds.firstSighting(key)) {
        this.outcomes.duplicates += 1;
        return false;
      }
    }
    return true;
  }

  private addGifts(tally: Tally, gifts: GiftTally): void {
    tally.gifts += gifts.gifts;
    tally.giftDiamonds += gifts.diamonds;
  }

  private toDelta(tally: Tally): ReactionDelta | null {
    if (tally.likes + tally.comments + tally.gifts + tally.giftDiamonds + tally.shares === 0) return null;
    return { region: this.target.region, market: this.target.market, ...tally };
  }

  private reportMalformed(event: unknown, problem: string): void {
    this.outcomes.malformed += 1;
    if (!LOG_EVERY_MALFORMED(this.outcomes.malformed)) return;
    const type = typeof event === 'object' && event !== null && 'type' in event ? String((event as { type: unknown }).type) : typeof event;
    this.log(`tiktok ${this.target.region}/${this.target.market}: ignored a malformed "${type}" event (${this.outcomes.malformed} so far): ${problem.replaceAll('\n', '; ')}`);
  }
}

function requireWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}, got ${value}`);
}
