import type { CampaignConfig, Rate, Rates, ReactionTotals } from '../protocol/index.ts';

/**
 * floor(count * amountMinor / per), computed with BigInt so that even a count near 2^53 times a rate
 * never rounds through a float. The result of a division of integers is floored: a partial batch of
 * likes earns nothing until it is complete, so the amount can never fall when a count rises.
 */
function earned(count: number, rate: Rate): bigint {
  return (BigInt(count) * BigInt(rate.amountMinor)) / BigInt(rate.per);
}

/** The donation that the reactions earn, in minor units, before the cap. */
export function uncappedAmount(totals: ReactionTotals, rates: Rates): bigint {
  return (
    earned(totals.likes, rates.likes) +
    earned(totals.comments, rates.comments) +
    earned(totals.shares, rates.shares) +
    earned(totals.giftDiamonds, rates.giftDiamonds)
  );
}

/** The donation in minor units: what the reactions earn, never more than the cap. */
export function donationAmount(totals: ReactionTotals, rates: Rates, capMinor: number): number {
  const amount = uncappedAmount(totals, rates);
  const cap = BigInt(capMinor);
  return Number(amount < cap ? amount : cap);
}

/** The campaign's amount from its own totals. */
export function campaignAmount(campaign: Pick<CampaignConfig, 'rates' | 'capMinor'>, totals: ReactionTotals): number {
  return donationAmount(totals, campaign.rates, campaign.capMinor);
}

/**
 * The amount raised: what reactions earned (already capped: the cap binds reactions only) plus the
 * adjustments in force, never below 0 nor beyond what a double holds exactly.
 */
export function raisedWithAdjustments(reactionsMinor: number, adjustmentsMinor: bigint): number {
  const sum = BigInt(reactionsMinor) + adjustmentsMinor;
  if (sum < 0n) return 0;
  return Number(sum > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : sum);
}
