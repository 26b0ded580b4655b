import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { donationAmount, uncappedAmount } from '../../../src/donation/index.ts';
import type { Rates, ReactionTotals } from '../../../src/protocol/index.ts';

const RATES: Rates = {
  likes: { amountMinor: 1, per: 10 },
  comments: { amountMinor: 5, per: 1 },
  shares: { amountMinor: 10, per: 1 },
  giftDiamonds: { amountMinor: 1, per: 1 },
};

const count = fc.integer({ min: 0, max: 10_000_000_000 });
const totals = fc.record({ likes: count, comments: count, gifts: count, giftDiamonds: count, shares: count });
const rate = fc.record({ amountMinor: fc.integer({ min: 0, max: 10_000 }), per: fc.integer({ min: 1, max: 1_000 }) });
const rates = fc.record({ likes: rate, comments: rate, shares: rate, giftDiamonds: rate });
const cap = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

function grow(base: ReactionTotals, extra: ReactionTotals): ReactionTotals {
  return {
    likes: base.likes + extra.likes,
    comments: base.comments + extra.comments,
    gifts: base.gifts + extra.gifts,
    giftDiamonds: base.giftDiamonds + extra.giftDiamonds,
    shares: base.shares + extra.shares,
  };
}

describe('donationAmount', () => {
  it('applies the rational rates with a floored division per kind', () => {
    const amount = donationAmount({ likes: 129, comments: 3, gifts: 2, giftDiamonds: 70, shares: 4 }, RATES, 1_000_000);
    // 12 (129 likes / 10, floored) + 15 + 40 + 70
    expect(amount).toBe(137);
  });

  it('earns nothing for an incomplete batch of likes', () => {
    expect(donationAmount({ likes: 9, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 }, RATES, 100)).toBe(0);
  });

  it('stops at the cap', () => {
    expect(donationAmount({ likes: 0, comments: 1_000, gifts: 0, giftDiamonds: 0, shares: 0 }, RATES, 4_321)).toBe(4_321);
  });

  it('stays exact where a float product would round (counts near 2^53)', () => {
    const huge = Number.MAX_SAFE_INTEGER; // 9007199254740991
    const rates: Rates = { ...RATES, likes: { amountMinor: 7, per: 3 } };
    const uncapped = uncappedAmount({ likes: huge, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 }, rates);
    // 9007199254740991 * 7 / 3 = 21016798261062312.33..., floored; a double would give ...312 or ...316.
    expect(uncapped).toBe(21016798261062312n);
  });

  it('is always a whole number within [0, cap], for any totals, rates and cap', () => {
    fc.assert(
      fc.property(totals, rates, cap, (t, r, c) => {
        const amount = donationAmount(t, r, c);
        expect(Number.isSafeInteger(amount)).toBe(true);
        expect(amount).toBeGreaterThanOrEqual(0);
        expect(amount).toBeLessThanOrEqual(c);
      }),
      { numRuns: 2_000 },
    );
  });

  it('never falls when reactions rise', () => {
    fc.assert(
      fc.property(totals, totals, rates, cap, (base, extra, r, c) => {
        expect(donationAmount(grow(base, extra), r, c)).toBeGreaterThanOrEqual(donationAmount(base, r, c));
      }),
      { numRuns: 2_000 },
    );
  });

  it('equals the sum of what each kind earns on its own, below the cap', () => {
    fc.assert(
      fc.property(totals, rates, (t, r) => {
        const zero = { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
        const parts =
          uncappedAmount({ ...zero, likes: t.likes }, r) +
          uncappedAmount({ ...zero, comments: t.comments }, r) +
          uncappedAmount({ ...zero, shares: t.shares }, r) +
          uncappedAmount({ ...zero, giftDiamonds: t.giftDiamonds }, r);
        expect(uncappedAmount(t, r)).toBe(parts);
      }),
      { numRuns: 500 },
    );
  });
});
