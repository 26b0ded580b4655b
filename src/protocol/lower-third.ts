import { z } from 'zod';
import { LocalizedText, Count, Slug } from './primitives.ts';

/**
 * Lower thirds follow the broadcast graphics contract of CasparCG, SPX and H2R: show / update / next /
 * hide, an optional auto-out, and a queue with a maximum. This file is the contract; the transitions live
 * in src/lower-third/ (pure), the server applies them, the overlay draws the result.
 */

/** Longest data: URL a photo may be (about 180 kB of image): lower-third photos are small thumbnails. */
export const MAX_PHOTO_DATA_URL_LENGTH = 250_000;

const ASSET_PATH = /^\/assets\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(?:png|jpe?g|webp|avif|svg)$/;
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|webp|avif);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * A photo is either a file we serve (a path under /assets, no `..`) or an inline raster image. Anything else
 * (http URLs, javascript:, SVG data) is refused: the overlay must never fetch from, or run, what a
 * control request smuggled in.
 */
export const PhotoSource = z
  .string({ error: 'must be a string' })
  .max(MAX_PHOTO_DATA_URL_LENGTH, { error: `must be at most ${MAX_PHOTO_DATA_URL_LENGTH} characters` })
  .refine((value) => ASSET_PATH.test(value) || IMAGE_DATA_URL.test(value), {
    error: 'must be a path under /assets/ ending in .png, .jpg, .webp, .avif or .svg, or a base64 data:image/(png|jpeg|webp|avif) URL',
  })
  .describe('a path under /assets or a base64 image data URL');

/** The text fields of a card. Names are short on purpose: a lower third is read in two seconds. */
export const CardFields = z.strictObject({
  nameJa: z.string().trim().min(1, { error: 'must not be empty' }).max(40, { error: 'must be at most 40 characters' }),
  nameLatin: z.string().trim().min(1, { error: 'must not be empty' }).max(60, { error: 'must be at most 60 characters' }),
  title: LocalizedText.describe('role or title, by language'),
  names: LocalizedText.optional().describe("the name as each language's viewers read it (사토 아오이, ซาโต้ อาโออิ); nameJa where a language is missing"),
  region: Slug.describe("a region id of the campaign: the person's home region"),
  photo: PhotoSource.optional(),
});
export type CardFields = z.infer<typeof CardFields>;

/** One of the campaign's celebrities, as the campaign config (or a roster CSV) lists them. */
export const RosterEntry = CardFields.extend({ id: Slug });
export type RosterEntry = z.infer<typeof RosterEntry>;

/** The two ways to name a card: `rosterId` (a roster entry) or `card` (typed in on the spot). Exactly one. */
const cardChoice = {
  rosterId: Slug.optional().describe('the id of a roster entry'),
  card: CardFields.optional().describe('an inline card, for someone not in the roster'),
};

function exactlyOneCard(value: { rosterId?: string | undefined; card?: unknown }, ctx: z.RefinementCtx): void {
  const given = Number(value.rosterId !== undefined) + Number(value.card !== undefined);
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['rosterId'], message: 'give exactly one of rosterId or card' });
}

/** What a producer asks to put on air: a roster entry by id, or an inline card. */
export const LowerThirdCard = z.strictObject(cardChoice).superRefine(exactlyOneCard);
export type LowerThirdCard = z.infer<typeof LowerThirdCard>;

/**
 * A card as it goes on air: resolved by the server (roster looked up, region named) and stamped with a
 * `cueId` unique to this take, so an overlay can tell an update of the same take from a new take.
 */
export const OnAirCard = z.strictObject({
  cueId: Count.describe('unique per take; an update keeps it, a new take gets a new one'),
  rosterId: Slug.nullable(),
  nameJa: z.string().min(1).max(40),
  nameLatin: z.string().min(1).max(60),
  title: LocalizedText,
  names: LocalizedText.optional(),
  region: z.strictObject({ id: Slug, name: LocalizedText }),
  photo: PhotoSource.nullable(),
});
export type OnAirCard = z.infer<typeof OnAirCard>;

export const AUTO_OUT_MIN_MS = 1_000;
export const AUTO_OUT_MAX_MS = 600_000;
export const QUEUE_MAX_LIMIT = 50;

export const AutoOutMs = z
  .number({ error: 'must be a number of milliseconds or null' })
  .int({ error: 'must be a whole number of milliseconds' })
  .min(AUTO_OUT_MIN_MS, { error: `must be at least ${AUTO_OUT_MIN_MS} ms` })
  .max(AUTO_OUT_MAX_MS, { error: `must be at most ${AUTO_OUT_MAX_MS} ms` })
  .nullable()
  .describe('hide the card this long after it was taken; null keeps it on until hidden');

export const LowerThirdPhase = z.enum(['hidden', 'shown']);
export type LowerThirdPhase = z.infer<typeof LowerThirdPhase>;

/** Everything an overlay needs to draw the lower third, and everything the server persists. */
export const LowerThirdState = z
  .strictObject({
    revision: Count.describe('grows with every change; a client ignores a state older than the one it has'),
    phase: LowerThirdPhase,
    current: OnAirCard.nullable(),
    queue: z.array(OnAirCard).max(QUEUE_MAX_LIMIT),
    queueMax: z.number().int().min(1).max(QUEUE_MAX_LIMIT),
    autoOutMs: AutoOutMs,
    shownAt: Count.nullable().describe('server time (ms since the epoch) the current card was taken'),
  })
  .superRefine((state, ctx) => {
    if ((state.phase === 'shown') !== (state.current !== null)) {
      ctx.addIssue({ code: 'custom', path: ['phase'], message: 'must be "shown" exactly when a card is current' });
    }
    if ((state.current === null) !== (state.shownAt === null)) {
      ctx.addIssue({ code: 'custom', path: ['shownAt'], message: 'must be set exactly when a card is current' });
    }
    if (state.queue.length > state.queueMax) {
      ctx.addIssue({ code: 'custom', path: ['queue'], message: `must hold at most queueMax (${state.queueMax}) cards` });
    }
  });
export type LowerThirdState = z.infer<typeof LowerThirdState>;

/** The fields `update` may change on the card on air; `photo: null` removes the photo. */
export const CardPatch = z
  .strictObject({
    nameJa: CardFields.shape.nameJa.optional(),
    nameLatin: CardFields.shape.nameLatin.optional(),
    title: LocalizedText.optional(),
    names: LocalizedText.optional(),
    region: Slug.optional(),
    photo: PhotoSource.nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'must change at least one field' });
export type CardPatch = z.infer<typeof CardPatch>;

const ShowCommand = z.strictObject({ type: z.literal('show'), ...cardChoice }).superRefine(exactlyOneCard);
const UpdateCommand = z.strictObject({ type: z.literal('update'), patch: CardPatch });
const NextCommand = z.strictObject({ type: z.literal('next') });
const HideCommand = z.strictObject({ type: z.literal('hide') });
const QueueAddCommand = z.strictObject({ type: z.literal('queue'), op: z.literal('add'), ...cardChoice }).superRefine(exactlyOneCard);
const QueueRemoveCommand = z.strictObject({ type: z.literal('queue'), op: z.literal('remove'), cueId: Count });
const QueueClearCommand = z.strictObject({ type: z.literal('queue'), op: z.literal('clear') });
const AutoOutCommand = z.strictObject({ type: z.literal('autoOut'), ms: AutoOutMs });

/** The queue operations, one command type told apart by `op`. */
export const QueueCommand = z.discriminatedUnion('op', [QueueAddCommand, QueueRemoveCommand, QueueClearCommand]);

/** The members of `LowerThirdCommand`, for a wider union (the control namespace adds goal and test commands). */
export const LOWER_THIRD_COMMANDS = [ShowCommand, UpdateCommand, NextCommand, HideCommand, QueueCommand, AutoOutCommand] as const;

/** The lower-third commands, as the pure machine in src/lower-third/ applies them. */
export const LowerThirdCommand = z.discriminatedUnion('type', LOWER_THIRD_COMMANDS);
export type LowerThirdCommand = z.infer<typeof LowerThirdCommand>;
export type LowerThirdCommandInput = z.input<typeof LowerThirdCommand>;
