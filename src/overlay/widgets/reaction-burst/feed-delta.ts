import type { FeedState } from '../../../protocol/index.ts';
import { splitGiftValues } from './gift-tiers.ts';

/** The part of a FeedState the bursts read. */
export type FeedSample = Pick<FeedState, 'seq' | 'serverTime' | 'totals' | 'byMarket'>;

/** Enough gift values for any tick; beyond this the burst could not show them anyway. */
export const MAX_GIFT_VALUES = 64;
const TICK_HISTORY = 16;
/** The feed's default tick; a faster feed is still read per 100 ms, which only smooths it more. */
const DEFAULT_TICK_MS = 100;
/** The audience's rate is an exponentially weighted count over about this long. */
const RATE_WINDOW_MS = 1000;

interface GiftCell {
  gifts: number;
  diamonds: number;
}

/**
 * What happened between two successive cumulative states: how many likes, comments and gifts, what each
 * gift was worth as far as the sums tell, and each kind's sustained rate (about the last second), which
 * decides how much a storm is compressed: a clump of gifts in one tick is not a storm, ten thousand likes
 * every second is.
 *
 * The server sends an update on the first tick that has something new, so an update after a long gap is
 * either a quiet stream's next reaction or a backlog (a reconnect): `backlog` marks it, and the model then
 * shows one tick at the gap's average rate, never the sum. The tick is learned as the shortest recent
 * interval between updates (a server may run slower ticks).
 *
 * Writes its results into its own fields (no allocation per update beyond new markets).
 */
export class FeedDelta {
  likes = 0;
  comments = 0;
  gifts = 0;
  diamonds = 0;
  /** Server time between this state and the previous one. */
  elapsedMs = 0;
  /** True when the state covers much more than a tick (after a reconnect or a long silence). */
  backlog = false;
  /** Sustained rates per second over about the last second (after a backlog: the gap's average). */
  likesPerSecond = 0;
  commentsPerSecond = 0;
  giftsPerSecond = 0;
  /** Value of each gift in the delta, `giftValueCount` of them. */
  readonly giftValues = new Float64Array(MAX_GIFT_VALUES);
  giftValueCount = 0;

  /** The state before this one (its totals), kept in place: no allocation per update. */
  private readonly previous = { known: false, seq: 0, serverTime: 0, likes: 0, comments: 0, gifts: 0, diamonds: 0 };
  private readonly markets = new Map<string, GiftCell>();
  private readonly recentIntervals = new Float64Array(TICK_HISTORY).fill(DEFAULT_TICK_MS);
  private intervalIndex = 0;

  /**
   * The feed's tick, as learned from the intervals between updates (at least the default 100 ms, so two
   * updates in quick succession, as after a reconnect, do not make the flow jittery).
   */
  get tickMs(): number {
    let shortest = Number.POSITIVE_INFINITY;
    for (const interval of this.recentIntervals) shortest = Math.min(shortest, interval);
    return Math.min(1000, Math.max(DEFAULT_TICK_MS, shortest));
  }

  /**
   * Reads the next state. Returns true when there is a delta to show; false for the first state (the
   * baseline), a stale or repeated one, or totals that went down (a feed that restarted from zero: the
   * new totals become the baseline).
   */
  observe(state: FeedSample): boolean {
    const { totals } = state;
    const previous = this.previous;
    if (previous.known && state.seq <= previous.seq && state.serverTime <= previous.serverTime) return false;
    this.resetOutputs();
    const first = !previous.known;
    const likes = totals.likes - previous.likes;
    const comments = totals.comments - previous.comments;
    const gifts = totals.gifts - previous.gifts;
    const diamonds = totals.giftDiamonds - previous.diamonds;
    const elapsed = state.serverTime - previous.serverTime;
    previous.known = true;
    previous.seq = state.seq;
    previous.serverTime = state.serverTime;
    previous.likes = totals.likes;
    previous.comments = totals.comments;
    previous.gifts = totals.gifts;
    previous.diamonds = totals.giftDiamonds;
    if (first || likes < 0 || comments < 0 || gifts < 0 || diamonds < 0) {
      this.markets.clear();
      this.rememberMarkets(state);
      return false;
    }
    this.elapsedMs = elapsed > 0 ? elapsed : this.tickMs;
    this.recordInterval(this.elapsedMs);
    this.backlog = this.elapsedMs > Math.max(1000, 4 * this.tickMs);
    this.likes = likes;
    this.comments = comments;
    this.gifts = gifts;
    this.diamonds = diamonds;
    this.likesPerSecond = this.sustainedRate(this.likesPerSecond, likes);
    this.commentsPerSecond = this.sustainedRate(this.commentsPerSecond, comments);
    this.giftsPerSecond = this.sustainedRate(this.giftsPerSecond, gifts);
    this.readGiftValues(state);
    return likes + comments + gifts > 0;
  }

  /**
   * The rate decays towards what this delta says. A backlog's sum is no rate at all: its average over the
   * gap stands in for the present, so a reconnect does not look like a storm for the next second.
   */
  private sustainedRate(previousPerSecond: number, count: number): number {
    if (this.backlog) return count / (this.elapsedMs / 1000);
    const decay = Math.exp(-this.elapsedMs / RATE_WINDOW_MS);
    return previousPerSecond * decay + count / (RATE_WINDOW_MS / 1000);
  }

  private resetOutputs(): void {
    this.likes = this.comments = this.gifts = this.diamonds = 0;
    this.giftValueCount = 0;
    this.backlog = false;
  }

  private recordInterval(ms: number): void {
    this.recentIntervals[this.intervalIndex] = ms;
    this.intervalIndex = (this.intervalIndex + 1) % TICK_HISTORY;
  }

  /**
   * Per market, a tick usually holds at most one gift, whose value is then exact; the market deltas are
   * used when they add up to the scope's delta, and the scope's sums otherwise. After a backlog the values
   * are averages: splitting hours of gifts "one big, the rest roses" would invent a giant gift.
   */
  private readGiftValues(state: FeedSample): void {
    if (this.gifts === 0) {
      this.rememberMarkets(state);
      return;
    }
    if (this.backlog) {
      const count = Math.min(this.gifts, MAX_GIFT_VALUES);
      this.giftValues.fill(Math.max(1, Math.round(this.diamonds / this.gifts)), 0, count);
      this.giftValueCount = count;
      this.rememberMarkets(state);
      return;
    }
    let marketGifts = 0;
    let marketDiamonds = 0;
    for (const id in state.byMarket) {
      const now = state.byMarket[id]!;
      const before = this.markets.get(id);
      if (!before) continue;
      marketGifts += now.gifts - before.gifts;
      marketDiamonds += now.giftDiamonds - before.diamonds;
    }
    const marketsAddUp = marketGifts === this.gifts && marketDiamonds === this.diamonds;
    if (marketsAddUp) {
      for (const id in state.byMarket) {
        const now = state.byMarket[id]!;
        const before = this.markets.get(id)!;
        const gifts = now.gifts - before.gifts;
        if (gifts > 0) this.giftValueCount += splitGiftValues(gifts, now.giftDiamonds - before.diamonds, this.giftValues, this.giftValueCount);
      }
    } else {
      this.giftValueCount = splitGiftValues(this.gifts, this.diamonds, this.giftValues, 0);
    }
    this.rememberMarkets(state);
  }

  private rememberMarkets(state: FeedSample): void {
    for (const id in state.byMarket) {
      const now = state.byMarket[id]!;
      const cell = this.markets.get(id);
      if (cell) {
        cell.gifts = now.gifts;
        cell.diamonds = now.giftDiamonds;
      } else {
        this.markets.set(id, { gifts: now.gifts, diamonds: now.giftDiamonds });
      }
    }
  }
}
