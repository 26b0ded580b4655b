import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BIG_GIFT_DIAMONDS, LIKE_STORM_LIKES, planTestReactions, reactionsToEarn } from '../../../../src/feed/control/test-reactions.ts';
import { uncappedAmount } from '../../../../src/donation/index.ts';
import { emptyTotals } from '../../../../src/protocol/index.ts';
import { campaign } from '../../lower-third/fixtures.ts';

describe('reactionsToEarn', () => {
  it('is enough whatever partial batch is already counted, and never more than needed by a whole batch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (amount, amountMinor, per, already) => {
          const rate = { amountMinor, per };
          const rates = { likes: rate, comments: rate, shares: rate, giftDiamonds: rate };
          const count = reactionsToEarn(amount, rate);
          const before = uncappedAmount({ ...emptyTotals(), likes: already }, rates);
          const after = uncappedAmount({ ...emptyTotals(), likes: already + count }, rates);
          expect(after - before).toBeGreaterThanOrEqual(BigInt(amount));
          expect(BigInt(count - 1) * BigInt(amountMinor)).toBeLessThan(BigInt(amount) * BigInt(per));
        },
      ),
    );
  });
});

describe('planTestReactions', () => {
  it('spreads a like storm over several deltas that add up to the storm', () => {
    const plan = planTestReactions('like-storm', campaign, 'noto', 0);
    expect(plan.ok && plan.deltas.length).toBeGreaterThan(1);
    expect(plan.ok && plan.deltas.reduce((sum, delta) => sum + delta.likes, 0)).toBe(LIKE_STORM_LIKES);
  });

  it('sends a big gift as one gift of its diamonds', () => {
    const plan = planTestReactions('big-gift', campaign, 'noto', 0);
    expect(plan.ok && plan.deltas).toEqual([expect.objectContaining({ region: 'noto', gifts: 1, giftDiamonds: BIG_GIFT_DIAMONDS })]);
  });

  it('gives just enough diamonds to reach the next milestone', () => {
    const raised = campaign.milestones[1]!.atMinor - 123;
    const plan = planTestReactions('milestone', campaign, 'noto', raised);
    expect(plan.ok && plan.deltas[0]?.giftDiamonds).toBe(123); // 1 yen per diamond
  });

  it('goes on to the next stretch goal once the milestones are behind us', () => {
    const plan = planTestReactions('milestone', campaign, 'noto', campaign.milestones.at(-1)!.atMinor);
    expect(plan.ok && plan.deltas[0]?.giftDiamonds).toBe(campaign.stretchGoals[0]!.atMinor - campaign.milestones.at(-1)!.atMinor);
  });

  it('refuses a milestone test when every milestone and stretch goal is behind us', () => {
    const plan = planTestReactions('milestone', campaign, 'noto', campaign.stretchGoals.at(-1)!.atMinor);
    expect(plan).toEqual({ ok: false, error: { code: 'bad-request', message: 'kind: every milestone and stretch goal is already reached' } });
  });
});
