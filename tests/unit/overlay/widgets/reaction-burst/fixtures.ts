import type { FeedSample } from '../../../../../src/overlay/widgets/reaction-burst/feed-delta.ts';

export interface MarketCounts {
  likes?: number;
  comments?: number;
  gifts?: number;
  giftDiamonds?: number;
}

/**
 * Builds successive cumulative feed states the way the server sends them: `next` adds reactions per
 * market and moves the server clock, and returns the whole cumulative state with the next seq.
 */
export class FeedScript {
  private seq = 0;
  private serverTime = 1_700_000_000_000;
  private readonly markets: Record<string, { likes: number; comments: number; gifts: number; giftDiamonds: number; shares: number }> = {};

  constructor(marketIds: readonly string[] = ['jp', 'us']) {
    for (const id of marketIds) this.markets[id] = { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
  }

  /** The current state (for the first, baseline snapshot). */
  snapshot(): FeedSample {
    const totals = { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
    const byMarket: FeedSample['byMarket'] = {};
    for (const [id, counts] of Object.entries(this.markets)) {
      byMarket[id] = { ...counts };
      totals.likes += counts.likes;
      totals.comments += counts.comments;
      totals.gifts += counts.gifts;
      totals.giftDiamonds += counts.giftDiamonds;
    }
    return { seq: this.seq, serverTime: this.serverTime, totals, byMarket };
  }

  /** `afterMs` later, with these reactions added per market. */
  next(afterMs: number, added: Record<string, MarketCounts>): FeedSample {
    this.seq += 1;
    this.serverTime += afterMs;
    for (const [id, counts] of Object.entries(added)) {
      const market = this.markets[id];
      if (!market) throw new Error(`unknown market ${id}`);
      market.likes += counts.likes ?? 0;
      market.comments += counts.comments ?? 0;
      market.gifts += counts.gifts ?? 0;
      market.giftDiamonds += counts.giftDiamonds ?? 0;
    }
    return this.snapshot();
  }
}
