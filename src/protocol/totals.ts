import { z } from './zod.ts';
import { Count } from './primitives.ts';

/** The kinds of reaction an audience can make; each has its own counter and its own rate. */
export const REACTION_KINDS = ['likes', 'comments', 'gifts', 'giftDiamonds', 'shares'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Cumulative counts since the campaign began. Only ever grows. */
export const ReactionTotals = z.strictObject({
  likes: Count,
  comments: Count,
  gifts: Count,
  giftDiamonds: Count,
  shares: Count,
});
export type ReactionTotals = z.infer<typeof ReactionTotals>;

export function emptyTotals(): ReactionTotals {
  return { likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 };
}

/**
 * An increase of the counts in one region and market, as a source reports it.
 * Sources turn their raw events into deltas; the aggregator only ever adds them.
 */
export const ReactionDelta = z.strictObject({
  region: z.string().check(z.minLength(1), z.maxLength(40)),
  market: z.string().check(z.minLength(1), z.maxLength(40)),
  likes: z._default(Count, 0),
  comments: z._default(Count, 0),
  gifts: z._default(Count, 0),
  giftDiamonds: z._default(Count, 0),
  shares: z._default(Count, 0),
});
export type ReactionDelta = z.infer<typeof ReactionDelta>;
