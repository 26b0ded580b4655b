import { z } from './zod.ts';
import { CurrencyCode, Market, Milestone, ReferenceRates, Region, type CampaignConfig } from './campaign.ts';
import { Language, LocalizedText, MinorUnits, Slug } from './primitives.ts';
import { StretchGoal } from './stretch-goals.ts';

/**
 * What an overlay needs to know about the campaign to draw it: names, currency, goal, cap, milestones,
 * regions and markets. The server sends it (event `campaign`) before the first snapshot. Rates and
 * anything else in the config stay on the server.
 */
export const CampaignInfo = z.strictObject({
  id: Slug,
  name: LocalizedText,
  currency: CurrencyCode,
  referenceRates: z.optional(ReferenceRates),
  goalMinor: MinorUnits,
  capMinor: MinorUnits,
  milestones: z.array(Milestone).check(z.maxLength(20)),
  /** The goals the meter moves on to (the server decides when; the overlay marks them and celebrates). */
  stretchGoals: z._default(z.array(StretchGoal).check(z.maxLength(20)), []),
  regions: z.array(Region),
  markets: z.array(Market),
  textFallback: z.array(Language).check(z.maxLength(8)),
});
export type CampaignInfo = z.infer<typeof CampaignInfo>;

/**
 * The id of the element in which the feed server writes the campaign info (JSON) into the overlay's page, so
 * the overlay need not wait for the socket to know it (feed/http/overlay-page.ts, overlay/page-data.ts).
 */
export const CAMPAIGN_SCRIPT_ID = 'local-love-campaign';

/** The public part of a validated campaign config. */
export function campaignInfoOf(campaign: CampaignConfig): CampaignInfo {
  const { id, name, currency, referenceRates, goalMinor, capMinor, milestones, stretchGoals, regions, markets, textFallback } = campaign;
  return { id, name, currency, ...(referenceRates ? { referenceRates } : {}), goalMinor, capMinor, milestones, stretchGoals, regions, markets, textFallback };
}
