import { z } from './zod.ts';
import { Slug } from './primitives.ts';

/**
 * The ingest API's contract: POST /api/ingest with a batch of reactions from one source.
 * The same batch sent twice with the same `idempotencyKey` counts once (a retry after a timeout is safe).
 */

/** Chosen by the client, one per batch (a UUID is ideal): printable ASCII without spaces. */
export const IdempotencyKey = z
  .string({ error: 'must be a string' })
  .check(
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(128, { error: 'must be at most 128 characters' }),
    z.regex(/^[\x21-\x7e]+$/, { error: 'must be printable ASCII without spaces' }),
  );

export const INGEST_KINDS = ['like', 'comment', 'gift', 'share'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];

/** No single entry may claim more than this: a typo or an attack, not an audience. */
export const MAX_COUNT_PER_REACTION = 1_000_000_000;
export const MAX_REACTIONS_PER_BATCH = 10_000;

const BoundedCount = z
  .number({ error: 'must be a number' })
  .check(
    z.int({ error: 'must be a whole number' }),
    z.nonnegative({ error: 'must not be negative' }),
    z.maximum(MAX_COUNT_PER_REACTION, { error: `must be at most ${MAX_COUNT_PER_REACTION}` }),
  );

/**
 * `count` reactions of one kind in one region and market. For gifts, `count` is the number of gifts and
 * `diamonds` their total value (diamondCount x repeatCount summed), which is what the donation rate uses.
 * (Checks that span fields are made once per batch, below: a refinement here would slow every entry.)
 */
export const IngestReaction = z.strictObject({
  kind: z.enum(INGEST_KINDS, { error: `must be one of ${INGEST_KINDS.join(', ')}` }),
  count: BoundedCount.check(z.minimum(1, { error: 'must be at least 1' })),
  diamonds: z.optional(BoundedCount),
  region: Slug,
  market: Slug,
  eventId: z
    .string({ error: 'must be a string' })
    .check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(128, { error: 'must be at most 128 characters' })),
});
export type IngestReaction = z.infer<typeof IngestReaction>;

export const IngestBatch = z
  .strictObject({
    idempotencyKey: IdempotencyKey,
    source: Slug.check(z.describe('who sends it, e.g. "tiktok-bridge"; recorded in the journal')),
    reactions: z
      .array(IngestReaction, { error: 'must be an array' })
      .check(
        z.minLength(1, { error: 'must hold at least one reaction' }),
        z.maxLength(MAX_REACTIONS_PER_BATCH, { error: `must hold at most ${MAX_REACTIONS_PER_BATCH} reactions` }),
      ),
  })
  .check(z.superRefine((batch, ctx) => {
    // A source's event id names one event: the same one twice in a batch is a bug that would count it twice.
    const firstIndexOf = new Map<string, number>();
    batch.reactions.forEach((reaction, index) => {
      if (reaction.diamonds !== undefined && reaction.kind !== 'gift') {
        ctx.addIssue({ code: 'custom', path: ['reactions', index, 'diamonds'], message: 'only gifts carry diamonds' });
      }
      const first = firstIndexOf.get(reaction.eventId);
      if (first === undefined) firstIndexOf.set(reaction.eventId, index);
      else ctx.addIssue({ code: 'custom', path: ['reactions', index, 'eventId'], message: `repeats reactions.${first}.eventId` });
    });
  }));
export type IngestBatch = z.infer<typeof IngestBatch>;

/** The answer to an accepted batch: counted now, or already counted under the same key. */
export const IngestAck = z.strictObject({
  ok: z.literal(true),
  duplicate: z.boolean(),
  idempotencyKey: IdempotencyKey,
  /** How many reactions (sum of counts) this batch added; 0 for a duplicate. */
  counted: z.number().check(z.int(), z.nonnegative()),
  seq: z.number().check(z.int(), z.nonnegative()),
});
export type IngestAck = z.infer<typeof IngestAck>;
