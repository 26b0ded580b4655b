import { z } from './zod.ts';
import { CurrencyCode } from './campaign.ts';
import { SignedMinorUnits } from './adjustments.ts';
import { Count, MinorUnits, Slug } from './primitives.ts';
import { StretchLabel } from './stretch-goals.ts';
import { ReactionTotals } from './totals.ts';
import { PROTOCOL_VERSION } from './version.ts';

/**
 * What an overlay watches: the whole campaign, a single region (`?region=tohoku`), or what a single
 * market's viewers gave to the whole campaign (`?market=tw`). At most one of region and market.
 */
export const Subscription = z
  .strictObject({
    v: z.literal(PROTOCOL_VERSION, { error: `protocol version must be ${PROTOCOL_VERSION}` }),
    region: z._default(z.nullable(Slug), null).check(z.describe('a region id, or null for the whole campaign')),
    market: z._default(z.nullable(Slug), null).check(z.describe('a market id, or null for every market')),
  })
  .check(
    z.refine((subscription) => subscription.region === null || subscription.market === null, {
      error: 'give a region or a market, not both',
      path: ['market'],
    }),
  );
export type Subscription = z.infer<typeof Subscription>;
export type SubscriptionInput = z.input<typeof Subscription>;

/** The money side of a scope, computed by the server alone (the single source of truth). */
export const DonationState = z.strictObject({
  currency: CurrencyCode,
  /** What the audience gave: reactions and adjustments together, never below 0. */
  raisedMinor: MinorUnits,
  /** What reactions earned, after the cap (which binds reactions only). */
  reactionsMinor: MinorUnits,
  /** The adjustments not voided (matching, offline, corrections), added after the cap; may be negative. */
  adjustmentsMinor: SignedMinorUnits,
  goalMinor: MinorUnits,
  capMinor: MinorUnits,
  /** How many of the campaign's milestones `raisedMinor` has reached. */
  milestonesReached: Count,
  /** The label of the stretch goal on air (`goalMinor`), null for the first goal, a step or the cap. */
  goalLabel: z._default(z.nullable(StretchLabel), null),
  /** The goal passed last: the meter keeps it as a marker. Null while the first goal stands. */
  passedGoalMinor: z._default(z.nullable(MinorUnits), null),
  /** How many goals the amount has passed (stretch goals); every overlay celebrates when it rises. */
  goalsPassed: z._default(Count, 0),
});
export type DonationState = z.infer<typeof DonationState>;

/**
 * The full, cumulative state of one scope. Every message carries all of it, with a monotonic `seq`,
 * so a lost, repeated or reordered message cannot corrupt what an overlay shows: it keeps the highest seq.
 */
export const FeedState = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  campaignId: Slug,
  region: z.nullable(Slug),
  /** Set when the scope is one market's viewers (then `region` is null and the totals are that market's). */
  market: z._default(z.nullable(Slug), null),
  seq: Count,
  serverTime: Count.check(z.describe('server clock, ms since the epoch')),
  totals: ReactionTotals,
  byRegion: z.record(Slug, ReactionTotals),
  byMarket: z.record(Slug, ReactionTotals),
  /** What each region of the scope has raised, computed as its own overlay's amount (the region board). */
  byRegionMinor: z._default(z.record(Slug, MinorUnits), {}),
  donation: DonationState,
});
export type FeedState = z.infer<typeof FeedState>;

/** A refusal the server sends back: what was wrong, in words a person can act on. */
export const FeedError = z.strictObject({
  code: z.enum(['bad-request', 'unauthorised', 'not-found', 'rate-limited', 'internal']),
  message: z.string(),
});
export type FeedError = z.infer<typeof FeedError>;

export type Ack<T> = (result: { ok: true; value: T } | { ok: false; error: FeedError }) => void;

/**
 * The id of the element in which the feed server writes into the overlay's page the state of the scope its
 * URL names (feed/http/overlay-page.ts), as the socket's snapshot would bring it: the meter is drawn without
 * waiting for the socket's round trips. The socket's own snapshot follows as the new baseline.
 */
export const STATE_SCRIPT_ID = 'local-love-state';
