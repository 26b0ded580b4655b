import { nextMilestone } from '../../donation/index.ts';
import type { CampaignConfig, FeedError, Rate, ReactionDelta, TestReactionKind } from '../../protocol/index.ts';

/**
 * The simulated reactions behind the control page's test buttons, as plain deltas (pure: the source
 * that sends them is test-source.ts). They count for real in the totals, so producers see exactly what a
 * real surge does: use them in rehearsal, never during a show.
 */

/** A like storm: this many likes, spread over the burst so the overlay shows a storm, not one jump. */
export const LIKE_STORM_LIKES = 60_000;
export const LIKE_STORM_STEPS = 20;
/** The value of TikTok's largest gift (a "Universe"), in diamonds. */
export const BIG_GIFT_DIAMONDS = 34_999;

export type TestPlan = { ok: true; deltas: ReactionDelta[] } | { ok: false; error: FeedError };

export function planTestReactions(
  kind: TestReactionKind,
  campaign: Pick<CampaignConfig, 'markets' | 'milestones' | 'rates'> & Partial<Pick<CampaignConfig, 'stretchGoals'>>,
  region: string,
  raisedMinor: number,
): TestPlan {
  const market = campaign.markets[0]?.id ?? 'test';
  const delta = (counts: Partial<ReactionDelta>): ReactionDelta => ({
    region,
    market,
    likes: 0,
    comments: 0,
    gifts: 0,
    giftDiamonds: 0,
    shares: 0,
    ...counts,
  });
  switch (kind) {
    case 'like-storm':
      return { ok: true, deltas: Array.from({ length: LIKE_STORM_STEPS }, () => delta({ likes: LIKE_STORM_LIKES / LIKE_STORM_STEPS, comments: 5 })) };
    case 'big-gift':
      return { ok: true, deltas: [delta({ gifts: 1, giftDiamonds: BIG_GIFT_DIAMONDS })] };
    case 'milestone': {
      // The next mark on the meter: a milestone, or a stretch goal (so a rehearsal can watch the meter roll on).
      const ahead = [nextMilestone(campaign.milestones, raisedMinor)?.atMinor, campaign.stretchGoals?.find((goal) => goal.atMinor > raisedMinor)?.atMinor];
      const next = Math.min(...ahead.filter((atMinor): atMinor is number => atMinor !== undefined));
      if (!Number.isFinite(next)) return { ok: false, error: { code: 'bad-request', message: 'kind: every milestone and stretch goal is already reached' } };
      const diamonds = reactionsToEarn(next - raisedMinor, campaign.rates.giftDiamonds);
      return { ok: true, deltas: [delta({ gifts: 1, giftDiamonds: diamonds })] };
    }
  }
}

/**
 * How many reactions at `rate` earn at least `amountMinor` more, whatever the partial batch already
 * counted: ceil(amount * per / amountMinor), in BigInt so no float touches the money.
 */
export function reactionsToEarn(amountMinor: number, rate: Rate): number {
  if (amountMinor <= 0) return 0;
  if (rate.amountMinor === 0) throw new Error('this rate earns nothing: no number of reactions reaches the amount');
  const numerator = BigInt(amountMinor) * BigInt(rate.per);
  const denominator = BigInt(rate.amountMinor);
  return Number((numerator + denominator - 1n) / denominator);
}
