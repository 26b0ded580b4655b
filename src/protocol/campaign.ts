import { z } from './zod.ts';
import { GeoPoint } from './geo.ts';
import { RosterEntry } from './lower-third.ts';
import { placesOf, unknownPlace } from './places.ts';
import { Language, LocalizedText, MinorUnits, Slug } from './primitives.ts';
import { StreamConfig } from './stream.ts';
import { StretchGoal, checkStretchGoals } from './stretch-goals.ts';

/** A rational rate: `amountMinor` minor units for every `per` reactions (1 yen per 10 likes). Never a float. */
export const Rate = z.strictObject({
  amountMinor: MinorUnits.check(z.describe('minor units donated for every `per` reactions')),
  per: z.number().check(z.int(), z.positive(), z.maximum(1_000_000), z.describe('how many reactions earn `amountMinor`')),
});
export type Rate = z.infer<typeof Rate>;

export const Rates = z.strictObject({
  likes: Rate,
  comments: Rate,
  shares: Rate,
  giftDiamonds: Rate.check(z.describe("rate per coin of gift value: TikTok's diamondCount is a gift's price in coins (a Rose is 1)")),
});
export type Rates = z.infer<typeof Rates>;

export const Region = z.strictObject({
  id: Slug,
  name: LocalizedText,
  goalMinor: z.optional(MinorUnits).check(z.describe("this region's own goal; the campaign goal when absent")),
  location: z.optional(GeoPoint).check(z.describe("where the region's mark sits on the region board's map")),
});
export type Region = z.infer<typeof Region>;

export const Market = z.strictObject({
  id: Slug,
  name: LocalizedText,
});
export type Market = z.infer<typeof Market>;

export const Milestone = z.strictObject({
  atMinor: MinorUnits,
  label: LocalizedText,
});
export type Milestone = z.infer<typeof Milestone>;

/** ISO 4217 code; `Intl` knows how many minor digits each one has. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as JPY or USD' }));

/**
 * A fixed reference rate for showing an amount in a viewer's own currency: `baseMinor` of the campaign
 * currency are worth about `quoteMinor` of `currency` (¥10,000 ≈ NT$2,066.00 is 10000 → 206600).
 * Display only: no amount the server computes ever passes through it.
 */
export const ReferenceRate = z.strictObject({
  currency: CurrencyCode,
  baseMinor: z.number().check(z.int(), z.positive(), z.maximum(1e12)),
  quoteMinor: z.number().check(z.int(), z.positive(), z.maximum(1e15)),
});
export type ReferenceRate = z.infer<typeof ReferenceRate>;

export const ReferenceRates = z.strictObject({
  date: z.iso.date({ error: 'must be the date the rates were taken, as YYYY-MM-DD' }),
  note: z.optional(z.string().check(z.maxLength(200))).check(z.describe('where the rates come from, for the people who read the file')),
  rates: z
    .array(ReferenceRate)
    .check(
      z.minLength(1),
      z.maxLength(50),
      z.refine((rates) => new Set(rates.map((rate) => rate.currency)).size === rates.length, { error: 'each currency may have one rate' }),
    ),
});
export type ReferenceRates = z.infer<typeof ReferenceRates>;

const uniqueIds = (list: { id: string }[]) => new Set(list.map((item) => item.id)).size === list.length;
const aboveZero = z.refine<number>((n) => n > 0, { error: 'must be greater than 0' });

export const CampaignConfig = z
  .strictObject({
    id: Slug,
    name: LocalizedText,
    currency: CurrencyCode,
    referenceRates: z.optional(ReferenceRates).check(z.describe("fixed rates for an approximate line in the viewer's currency (`ref=on`)")),
    goalMinor: MinorUnits.check(aboveZero),
    capMinor: MinorUnits.check(aboveZero),
    rates: Rates,
    regions: z.array(Region).check(z.minLength(1), z.maxLength(50), z.refine(uniqueIds, { error: 'region ids must be unique' })),
    markets: z.array(Market).check(z.minLength(1), z.maxLength(50), z.refine(uniqueIds, { error: 'market ids must be unique' })),
    milestones: z._default(z.array(Milestone).check(z.maxLength(20)), []),
    stretchGoals: z
      ._default(z.array(StretchGoal).check(z.maxLength(20)), [])
      .check(z.describe('goals the meter moves on to, in order, once the goal is reached; then the cap')),
    stretchStepMinor: z
      .optional(MinorUnits.check(aboveZero))
      .check(z.describe('after the listed stretch goals, the goal moves on by this much each time it is reached, up to the cap')),
    textFallback: z
      ._default(z.array(Language).check(z.maxLength(8)), ['en', 'ja'])
      .check(z.describe('the languages a text missing the one on screen is shown in instead, in order (then any it has)')),
    roster: z._default(z.array(RosterEntry).check(z.maxLength(500)), []).check(z.describe('the celebrities a producer can cue as lower thirds')),
    streams: z._default(z.array(StreamConfig).check(z.maxLength(50)), []).check(z.describe('the TikTok LIVE streams feeding this campaign')),
  })
  .check(z.superRefine((campaign, ctx) => {
    if (campaign.goalMinor > campaign.capMinor) {
      ctx.addIssue({ code: 'custom', path: ['goalMinor'], message: `must not exceed capMinor (${campaign.capMinor})` });
    }
    campaign.milestones.forEach((milestone, index) => {
      const previous = campaign.milestones[index - 1];
      if (previous && milestone.atMinor <= previous.atMinor) {
        ctx.addIssue({ code: 'custom', path: ['milestones', index, 'atMinor'], message: 'milestones must be in strictly ascending order' });
      }
      if (milestone.atMinor > campaign.capMinor) {
        ctx.addIssue({ code: 'custom', path: ['milestones', index, 'atMinor'], message: `must not exceed capMinor (${campaign.capMinor})` });
      }
    });
    checkStretchGoals(campaign.stretchGoals, campaign.goalMinor, campaign.capMinor, ctx, ['stretchGoals']);
    const { regions: regionIds, markets: marketIds } = placesOf(campaign);
    const rosterIds = new Set<string>();
    campaign.roster.forEach((entry, index) => {
      if (!regionIds.has(entry.region)) {
        ctx.addIssue({ code: 'custom', path: ['roster', index, 'region'], message: unknownPlace('region', entry.region, regionIds) });
      }
      if (rosterIds.has(entry.id)) {
        ctx.addIssue({ code: 'custom', path: ['roster', index, 'id'], message: `duplicate roster id "${entry.id}"` });
      }
      rosterIds.add(entry.id);
    });
    const streamUsers = new Set<string>();
    campaign.streams.forEach((stream, index) => {
      if (!regionIds.has(stream.region)) {
        ctx.addIssue({ code: 'custom', path: ['streams', index, 'region'], message: unknownPlace('region', stream.region, regionIds) });
      }
      if (!marketIds.has(stream.market)) {
        ctx.addIssue({ code: 'custom', path: ['streams', index, 'market'], message: unknownPlace('market', stream.market, marketIds) });
      }
      // One connection per LIVE: the same user listed twice would count every reaction twice.
      const user = stream.uniqueId.toLowerCase();
      if (streamUsers.has(user)) {
        ctx.addIssue({ code: 'custom', path: ['streams', index, 'uniqueId'], message: `@${stream.uniqueId} is listed more than once` });
      }
      streamUsers.add(user);
    });
  }));
export type CampaignConfig = z.infer<typeof CampaignConfig>;
export type CampaignConfigInput = z.input<typeof CampaignConfig>;
