import { z } from 'zod';
import { CurrencyCode, Market, Milestone, Region, type CampaignConfig } from './campaign.ts';
import { Bilingual, MinorUnits, Slug } from './primitives.ts';

/**
 * What an overlay needs to know about the campaign to draw it: names, currency, goal, cap, milestones,
 * regions and markets. The server sends it (event `campaign`) before the first snapshot. Rates and
 * anything else in the config stay on the server.
 */
export const CampaignInfo = z.strictObject({
  id: Slug,
  name: Bilingual,
  currency: CurrencyCode,
  goalMinor: MinorUnits,
  capMinor: MinorUnits,
  milestones: z.array(Milestone).max(20),
  regions: z.array(Region),
  markets: z.array(Market),
});
export type CampaignInfo = z.infer<typeof CampaignInfo>;

/** The public part of a validated campaign config. */
export function campaignInfoOf(campaign: CampaignConfig): CampaignInfo {
  const { id, name, currency, goalMinor, capMinor, milestones, regions, markets } = campaign;
  return { id, name, currency, goalMinor, capMinor, milestones, regions, markets };
}
