import { z } from './zod.ts';
import { IdempotencyKey } from './ingest.ts';
import { Count, Slug } from './primitives.ts';

/**
 * Money that does not come from reactions: a sponsor's match, a venue's donation box counted on stage, a
 * correction of a mistaken test. Each is journaled with its reason; nothing is ever edited or deleted:
 * an adjustment made in error is voided, and the void is journaled too. Adjustments are added after the
 * cap, which binds what reactions earn only.
 */
export const ADJUSTMENT_KINDS = ['matching', 'offline', 'correction'] as const;
export const AdjustmentKind = z.enum(ADJUSTMENT_KINDS, { error: `must be one of ${ADJUSTMENT_KINDS.join(', ')}` });
export type AdjustmentKind = z.infer<typeof AdjustmentKind>;

/** Money that may be negative (a correction): whole minor units within what a double holds exactly. */
export const SignedMinorUnits = z
  .number({ error: 'must be a number' })
  .check(
    z.int({ error: 'must be a whole number of minor units' }),
    z.minimum(-Number.MAX_SAFE_INTEGER, { error: 'is too small' }),
    z.maximum(Number.MAX_SAFE_INTEGER, { error: 'is too large' }),
  );

/** The server names each adjustment `adj-<12 hex digits>`; a void refers to it by this id. */
export const AdjustmentId = z
  .string({ error: 'must be a string' })
  .check(z.regex(/^adj-[0-9a-f]{12}$/, { error: 'must be an adjustment id such as adj-3f9a0c2b1d4e' }));

export const Reason = z
  .string({ error: 'must be a string' })
  .check(z.trim(), z.minLength(1, { error: 'must say why (it goes into the audit report)' }), z.maxLength(200, { error: 'must be at most 200 characters' }));

/** Add money for the campaign (`region` null) or one region. Only a correction may be negative. */
export const AddAdjustmentCommand = z
  .strictObject({
    type: z.literal('addAdjustment'),
    idempotencyKey: IdempotencyKey,
    kind: AdjustmentKind,
    amountMinor: SignedMinorUnits.check(z.refine((n) => n !== 0, { error: 'must not be 0' })),
    region: z._default(z.nullable(Slug), null).check(z.describe('a region id, or null for the whole campaign')),
    reason: Reason,
  })
  .check(
    z.refine((command) => command.amountMinor > 0 || command.kind === 'correction', {
      path: ['amountMinor'],
      error: 'must be greater than 0 (only a correction may be negative)',
    }),
  );

/** Void an adjustment made in error. The adjustment stays in the journal and the report, marked void. */
export const VoidAdjustmentCommand = z.strictObject({
  type: z.literal('voidAdjustment'),
  idempotencyKey: IdempotencyKey,
  adjustmentId: AdjustmentId,
  reason: Reason,
});

/**
 * One entry of the ledger of adjustments as it is journaled: an addition or a void, in the order the
 * store committed them, with the time of the commit.
 */
export const LedgerAdd = z.strictObject({
  op: z.literal('add'),
  id: AdjustmentId,
  key: IdempotencyKey,
  at: Count.check(z.describe('ms since the epoch when it was committed')),
  kind: AdjustmentKind,
  amountMinor: SignedMinorUnits,
  region: z.nullable(Slug),
  reason: Reason,
});
export type LedgerAdd = z.infer<typeof LedgerAdd>;

export const LedgerVoid = z.strictObject({
  op: z.literal('void'),
  id: AdjustmentId.check(z.describe('the adjustment voided')),
  key: IdempotencyKey,
  at: Count,
  reason: Reason,
});
export type LedgerVoid = z.infer<typeof LedgerVoid>;

export const LedgerEntry = z.discriminatedUnion('op', [LedgerAdd, LedgerVoid]);
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** An adjustment as a producer sees it: what was added, and its void if it has one. */
export const Adjustment = z.extend(z.omit(LedgerAdd, { op: true }), {
  voided: z.nullable(z.pick(LedgerVoid, { at: true, reason: true })),
});
export type Adjustment = z.infer<typeof Adjustment>;
