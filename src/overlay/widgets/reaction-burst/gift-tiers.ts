/**
 * Gift icons by diamond value. TikTok's cheapest gift (the rose) is 1 diamond, the grandest ones tens of
 * thousands; the icon changes with the order of magnitude and its size grows with the logarithm, so a
 * 30,000-diamond gift is unmistakably bigger than a rose without being 30,000 times bigger.
 */
export const GIFT_TIERS = ['rose', 'star', 'treasure', 'gem'] as const;
export type GiftTier = (typeof GIFT_TIERS)[number];

/** From this value on a gift is a "big gift": the gem, with a flash and a ring of sparkles. */
export const BIG_GIFT_DIAMONDS = 1000;

export function giftTier(diamonds: number): GiftTier {
  if (diamonds >= BIG_GIFT_DIAMONDS) return 'gem';
  if (diamonds >= 100) return 'treasure';
  if (diamonds >= 10) return 'star';
  return 'rose';
}

/** Display scale of a gift icon: 0.8 for a rose, rising by 0.12 per order of magnitude, at most 1.45. */
export function giftScale(diamonds: number): number {
  const magnitude = Math.log10(Math.max(1, diamonds));
  return Math.min(1.45, 0.8 + 0.12 * magnitude);
}

/**
 * The values of `gifts` gifts worth `diamonds` together, as the feed only sends sums.
 * Gift values are heavy-tailed (mostly 1-diamond roses, now and then a big one), so the likeliest reading
 * of "4 gifts, 30,002 diamonds" is three roses and one 29,999-diamond gift, not four 7,500-diamond gifts:
 * one gift carries the remainder and the others are 1 each. With one gift (the usual case per market and
 * tick) the value is exact. Writes into `out` and returns how many values it wrote (at most out.length).
 */
export function splitGiftValues(gifts: number, diamonds: number, out: Float64Array, outStart: number): number {
  const room = out.length - outStart;
  const count = Math.min(gifts, room);
  if (count <= 0) return 0;
  const rest = Math.max(1, diamonds - (gifts - 1));
  out[outStart] = rest;
  for (let i = 1; i < count; i++) out[outStart + i] = 1;
  return count;
}
