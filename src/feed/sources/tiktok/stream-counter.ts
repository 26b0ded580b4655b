import { describeZodError, type ReactionDelta } from '../../../protocol/index.ts';
import type { RoomLikeTotal } from '../../store/store.ts';
import { GiftStreaks, type GiftTally } from './gift-streaks.ts';
import { LikeTotal } from './like-total.ts';
import { RecentIds, RecentMap } from './recent-keys.ts';
import { TikTokEventSchema, type GiftMessage, type TikTokEvent, type TikTokMessage } from './tiktok-event.ts';

export interface StreamCounterOptions {
  /** The local clock, ms since the epoch: only ever used for intervals, never compared with TikTok's timestamps. */
  now: () => number;
  /** A gift streak silent this long is closed and counted as it stands. Default 15 s. */
  streakTimeoutMs?: number;
  /**
   * After "connected", messages are held this long before they count, so the offset between TikTok's
   * clock and ours can be measured from the messages themselves before the backlog is judged. Default 2 s.
   */
  settleMs?: number;
  /**
   * A message created this long before the connection opened (in TikTok's clock, by the measured offset)
   * still counts: it was sent while we were connecting. Older ones are replayed history. Default 5 s.
   */
  backlogToleranceMs?: number;
  /** How many message ids (and closed streaks) we remember to drop duplicates. Default 20,000. */
  memory?: number;
  /** The highest like total of a room an earlier run of the feed counted up to (kept in the store). */
  countedLikes?: (roomId: string) => number | undefined;
  /** Where malformed events and gifts of unknown value are reported. Default: console.warn. */
  log?: (message: string) => void;
}

/** What became of the messages handled: counted, or dropped and why; and what the stream last told us. */
export interface StreamCounterStats {
  counted: number;
  backlog: number;
  duplicates: number;
  malformed: number;
  /** Gifts counted nowhere because no message said their price (logged). */
  giftsValueUnknown: number;
  streaksTimedOut: number;
  /** The room's like total last seen (the highest), or null before the first. */
  likeTotal: number | null;
  /** Local clock when the library last emitted an event, or null before the first. */
  lastEventAt: number | null;
  /**
   * Our clock minus TikTok's, ms, as measured from the freshest message of the last connection
   * (it includes the delivery delay, usually well under a second); null until measured.
   */
  clockOffsetMs: number | null;
}


/** The region × market cell a stream's reactions count for. */
export interface StreamTarget {
  readonly region: string;
  readonly market: string;
}

type Tally = Omit<ReactionDelta, 'region' | 'market'>;
const emptyTally = (): Tally => ({ likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });
type LiveMessage = Exclude<TikTokMessage, { kind: 'connected' | 'disconnected' | 'streamEnd' }>;

/** A few malformed events are worth a line each; a flood of them is worth a line per hundred. */
const LOG_EVERY = (count: number) => count <= 10 || count % 100 === 0;

/**
 * The counting core of one TikTok LIVE stream: the library's events in (`handle`), reaction deltas
 * for the stream's region and market out. No network, no timers: the clock is injected, and the
 * connection wrapper calls `sweep()` now and then so silent gift streaks close and held messages count.
 *
 * Besides likes (LikeTotal) and gifts (GiftStreaks):
 * - comments: one per "chat" message; shares: one per "share" message (or "social" that is a share);
 * - the backlog is dropped, whatever the local clock says:
 *   - messages that arrive while we are not connected (the library emits the batch of recent messages
 *     that comes with the signed WebSocket URL *before* its "connected" event, when `processInitialData`
 *     is on: TikTokLiveConnection._connect in dist/lib-*.js);
 *   - messages already seen (by TikTok's message id, remembered across reconnects);
 *   - history replayed on the socket: for `settleMs` after "connected" messages are held; the offset
 *     between the clocks is then the smallest (our receive time − TikTok's createTime) among them, and a
 *     held message created more than `backlogToleranceMs` before the connection opened, in TikTok's time,
 *     is history. The local clock is never compared with createTime directly, so a PC minutes off counts
 *     exactly what a PC on time counts;
 * - a gift without a price (no `gift` details) takes it from the room's gift list (`extendedGiftInfo`,
 *   `availableGifts` at connect) or from an earlier message of the same gift; failing that it is counted
 *   as "value unknown" in `stats` and logged, never silently dropped;
 * - a malformed event is logged and ignored; `handle` never throws.
 */
export class TikTokStreamCounter {
  private readonly outcomes = { counted: 0, backlog: 0, duplicates: 0, malformed: 0, giftsValueUnknown: 0 };
  private readonly now: () => number;
  private readonly settleMs: number;
  private readonly backlogToleranceMs: number;
  private readonly log: (message: string) => void;
  private readonly likes: LikeTotal;
  private readonly streaks: GiftStreaks;
  private readonly recentIds: RecentIds;
  /** giftId → price in coins, from the room's gift list or from messages that carried it. */
  private readonly giftPrices: RecentMap<number>;
  /** When the current connection opened (local clock); null while not connected. */
  private connectedAt: number | null = null;
  /** Messages of the settling connection, not yet judged, with when each arrived. */
  private held: { message: LiveMessage; at: number }[] = [];
  /** Smallest (receive time − createTime) of the current connection: our clock minus TikTok's, plus the fastest delivery. */
  private offsetMs: number | null = null;
  private lastOffsetMs: number | null = null;
  private lastViewers: number | null = null;
  private lastEventAt: number | null = null;
  private likeMark: RoomLikeTotal | null = null;

  constructor(
    readonly target: StreamTarget,
    options: StreamCounterOptions,
  ) {
    const { now, streakTimeoutMs = 15_000, settleMs = 2_000, backlogToleranceMs = 5_000, memory = 20_000, log = (message) => console.warn(message) } = options;
    requireWholeNumber('streakTimeoutMs', streakTimeoutMs, 1);
    requireWholeNumber('settleMs', settleMs, 0);
    requireWholeNumber('backlogToleranceMs', backlogToleranceMs, 0);
    requireWholeNumber('memory', memory, 1);
    this.now = now;
    this.settleMs = settleMs;
    this.backlogToleranceMs = backlogToleranceMs;
    this.log = log;
    this.likes = new LikeTotal(options.countedLikes);
    this.streaks = new GiftStreaks({ timeoutMs: streakTimeoutMs, capacity: memory });
    this.recentIds = new RecentIds(memory);
    this.giftPrices = new RecentMap(memory);
  }

  get stats(): StreamCounterStats {
    return {
      ...this.outcomes,
      streaksTimedOut: this.streaks.timedOut,
      likeTotal: this.likes.highestTotal,
      lastEventAt: this.lastEventAt,
      clockOffsetMs: this.offsetMs ?? this.lastOffsetMs,
    };
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

  /** The room's like total changed since the last call (counted or taken as the baseline): what to keep. */
  takeLikeMark(): RoomLikeTotal | null {
    const mark = this.likeMark;
    this.likeMark = null;
    return mark;
  }

  /** Takes one event from the library; returns what it adds (expired streaks and released messages included), or null. */
  handle(event: TikTokEvent): ReactionDelta | null {
    try {
      this.lastEventAt = this.now();
      const parsed = TikTokEventSchema.safeParse(event);
      if (!parsed.success) {
        this.reportMalformed(event, describeZodError(parsed.error));
        return null;
      }
      const tally = this.sweepInto(emptyTally());
      this.take(parsed.data, tally);
      return this.toDelta(tally);
    } catch (error) {
      // Our own bug must cost one event, never the stream.
      this.reportMalformed(event, `could not be counted: ${(error as Error)?.message ?? String(error)}`);
      return null;
    }
  }

  /** Closes gift streaks silent for too long and counts held messages once settled; returns what they add, or null. */
  sweep(): ReactionDelta | null {
    return this.toDelta(this.sweepInto(emptyTally()));
  }

  /** Judges and counts the held messages now, settled or not (the source stops, a recording ends). */
  flush(): ReactionDelta | null {
    const tally = emptyTally();
    this.release(tally);
    return this.toDelta(tally);
  }

  private sweepInto(tally: Tally): Tally {
    this.addGifts(tally, this.streaks.expire(this.now()));
    if (this.held.length > 0 && this.connectedAt !== null && this.now() - this.connectedAt >= this.settleMs) this.release(tally);
    return tally;
  }

  private take(message: TikTokMessage, tally: Tally): void {
    switch (message.kind) {
      case 'connected':
        this.release(tally);
        // A new room: the old one is over, so its streaks will never end by themselves.
        if (message.roomId !== null && this.likes.currentRoomId !== null && message.roomId !== this.likes.currentRoomId) {
          this.addGifts(tally, this.streaks.closeAll());
        }
        this.likes.enterRoom(message.roomId);
        for (const [giftId, price] of message.giftPrices) this.giftPrices.set(giftId, price);
        this.connectedAt = this.now();
        this.lastOffsetMs = this.offsetMs ?? this.lastOffsetMs;
        this.offsetMs = null;
        return;
      case 'disconnected':
        this.release(tally);
        this.connectedAt = null;
        return;
      case 'streamEnd':
        this.release(tally);
        this.addGifts(tally, this.streaks.closeAll());
        this.connectedAt = null;
        return;
    }
    if (this.connectedAt === null) {
      this.outcomes.backlog += 1;
      return;
    }
    if (this.isDuplicate(message)) return;
    if (message.createdAt !== null) this.offsetMs = Math.min(this.offsetMs ?? Infinity, this.now() - message.createdAt);
    if (this.now() - this.connectedAt < this.settleMs) {
      this.held.push({ message, at: this.now() });
      return;
    }
    if (this.isHistory(message)) this.outcomes.backlog += 1;
    else this.count(message, this.now(), tally);
  }

  /** Judges the held messages by the offset measured so far, in the order they came. */
  private release(tally: Tally): void {
    const held = this.held;
    this.held = [];
    for (const { message, at } of held) {
      if (this.isHistory(message)) this.outcomes.backlog += 1;
      else this.count(message, at, tally);
    }
  }

  /** Created, in TikTok's clock, more than the tolerance before the connection opened. */
  private isHistory(message: LiveMessage): boolean {
    if (message.createdAt === null || this.offsetMs === null || this.connectedAt === null) return false;
    return message.createdAt + this.offsetMs < this.connectedAt - this.backlogToleranceMs;
  }

  private isDuplicate(message: LiveMessage): boolean {
    if (message.msgId === null) return false;
    const key = message.kind === 'gift' ? `${message.msgId}:${message.repeatCount}:${message.repeatEnd}` : message.msgId;
    if (this.recentIds.firstSighting(key)) return false;
    this.outcomes.duplicates += 1;
    return true;
  }

  private count(message: LiveMessage, at: number, tally: Tally): void {
    switch (message.kind) {
      case 'like': {
        const before = this.likes.highestTotal;
        tally.likes += this.likes.observe(message.totalLikes);
        const after = this.likes.highestTotal;
        if (after !== null && after !== before && this.likes.currentRoomId !== null) this.likeMark = { roomId: this.likes.currentRoomId, total: after };
        break;
      }
      case 'gift':
        this.addGifts(tally, this.streaks.add(this.priced(message), at));
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

  /** The gift with its price: from the message, else the room's gift list or an earlier message of that gift. */
  private priced(gift: GiftMessage): GiftMessage {
    if (gift.diamondCount !== null) {
      if (gift.giftId !== 'unknown') this.giftPrices.set(gift.giftId, gift.diamondCount);
      return gift;
    }
    return { ...gift, diamondCount: this.giftPrices.get(gift.giftId) ?? null };
  }

  private addGifts(tally: Tally, gifts: GiftTally): void {
    tally.gifts += gifts.gifts;
    tally.giftDiamonds += gifts.diamonds;
    if (gifts.unknownValue === 0) return;
    this.outcomes.giftsValueUnknown += gifts.unknownValue;
    if (LOG_EVERY(this.outcomes.giftsValueUnknown)) {
      this.log(`tiktok ${this.target.region}/${this.target.market}: ${gifts.unknownValue} gift(s) of unknown price not counted (${this.outcomes.giftsValueUnknown} so far): the message had no gift details and the gift is not in the room's gift list`);
    }
  }

  private toDelta(tally: Tally): ReactionDelta | null {
    if (tally.likes + tally.comments + tally.gifts + tally.giftDiamonds + tally.shares === 0) return null;
    return { region: this.target.region, market: this.target.market, ...tally };
  }

  private reportMalformed(event: unknown, problem: string): void {
    this.outcomes.malformed += 1;
    if (!LOG_EVERY(this.outcomes.malformed)) return;
    const type = typeof event === 'object' && event !== null && 'type' in event ? String((event as { type: unknown }).type) : typeof event;
    this.log(`tiktok ${this.target.region}/${this.target.market}: ignored a malformed "${type}" event (${this.outcomes.malformed} so far): ${problem.replaceAll('\n', '; ')}`);
  }
}

function requireWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}, got ${value}`);
}
