import { z } from './zod.ts';
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
  .check(
    z.maxLength(MAX_PHOTO_DATA_URL_LENGTH, { error: `must be at most ${MAX_PHOTO_DATA_URL_LENGTH} characters` }),
    z.refine((value) => ASSET_PATH.test(value) || IMAGE_DATA_URL.test(value), {
      error: 'must be a path under /assets/ ending in .png, .jpg, .webp, .avif or .svg, or a base64 data:image/(png|jpeg|webp|avif) URL',
    }),
    z.describe('a path under /assets or a base64 image data URL'),
  );

/** The text fields of a card. Names are short on purpose: a lower third is read in two seconds. */
export const CardFields = z.strictObject({
  nameJa: z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(40, { error: 'must be at most 40 characters' })),
  nameLatin: z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(60, { error: 'must be at most 60 characters' })),
  title: LocalizedText.check(z.describe('role or title, by language')),
  names: z
    .optional(LocalizedText)
    .check(z.describe("the name as each language's viewers read it (사토 아오이, ซาโต้ อาโออิ); nameJa where a language is missing")),
  region: Slug.check(z.describe("a region id of the campaign: the person's home region")),
  photo: z.optional(PhotoSource),
});
export type CardFields = z.infer<typeof CardFields>;

/** One of the campaign's celebrities, as the campaign config (or a roster CSV) lists them. */
export const RosterEntry = z.extend(CardFields, { id: Slug });
export type RosterEntry = z.infer<typeof RosterEntry>;

/** The two ways to name a card: `rosterId` (a roster entry) or `card` (typed in on the spot). Exactly one. */
const cardChoice = {
  rosterId: z.optional(Slug).check(z.describe('the id of a roster entry')),
  card: z.optional(CardFields).check(z.describe('an inline card, for someone not in the roster')),
};

function exactlyOneCard(value: { rosterId?: string | undefined; card?: unknown }, ctx: z.core.$RefinementCtx): void {
  const given = Number(value.rosterId !== undefined) + Number(value.card !== undefined);
  if (given !== 1) ctx.addIssue({ code: 'custom', path: ['rosterId'], message: 'give exactly one of rosterId or card' });
}

/** What a producer asks to put on air: a roster entry by id, or an inline card. */
export const LowerThirdCard = z.strictObject(cardChoice).check(z.superRefine(exactlyOneCard));
export type LowerThirdCard = z.infer<typeof LowerThirdCard>;

/**
 * A card as it goes on air: resolved by the server (roster looked up, region named) and stamped with a
 * `cueId` unique to this take, so an overlay can tell an update of the same take from a new take.
 */
export const OnAirCard = z.strictObject({
  cueId: Count.check(z.describe('unique per take; an update keeps it, a new take gets a new one')),
  rosterId: z.nullable(Slug),
  nameJa: z.string().check(z.minLength(1), z.maxLength(40)),
  nameLatin: z.string().check(z.minLength(1), z.maxLength(60)),
  title: LocalizedText,
  names: z.optional(LocalizedText),
  region: z.strictObject({ id: Slug, name: LocalizedText }),
  photo: z.nullable(PhotoSource),
});
export type OnAirCard = z.infer<typeof OnAirCard>;

export const AUTO_OUT_MIN_MS = 1_000;
export const AUTO_OUT_MAX_MS = 600_000;
export const QUEUE_MAX_LIMIT = 50;

export const AutoOutMs = z
  .nullable(
    z
      .number({ error: 'must be a number of milliseconds or null' })
      .check(
        z.int({ error: 'must be a whole number of milliseconds' }),
        z.minimum(AUTO_OUT_MIN_MS, { error: `must be at least ${AUTO_OUT_MIN_MS} ms` }),
        z.maximum(AUTO_OUT_MAX_MS, { error: `must be at most ${AUTO_OUT_MAX_MS} ms` }),
      ),
  )
  .check(z.describe('hide the card this long after it was taken; null keeps it on until hidden'));

export const LowerThirdPhase = z.enum(['hidden', 'shown']);
export type LowerThirdPhase = z.infer<typeof LowerThirdPhase>;

/** Everything an overlay needs to draw the lower third, and everything the server persists. */
export const LowerThirdState = z
  .strictObject({
    revision: Count.check(z.describe('grows with every change; a client ignores a state older than the one it has')),
    phase: LowerThirdPhase,
    current: z.nullable(OnAirCard),
    queue: z.array(OnAirCard).check(z.maxLength(QUEUE_MAX_LIMIT)),
    queueMax: z.number().check(z.int(), z.minimum(1), z.maximum(QUEUE_MAX_LIMIT)),
    autoOutMs: AutoOutMs,
    shownAt: z.nullable(Count).check(z.describe('server time (ms since the epoch) the current card was taken')),
  })
  .check(z.superRefine((state, ctx) => {
    if ((state.phase === 'shown') !== (state.current !== null)) {
      ctx.addIssue({ code: 'custom', path: ['phase'], message: 'must be "shown" exactly when a card is current' });
    }
    if ((state.current === null) !== (state.shownAt === null)) {
      ctx.addIssue({ code: 'custom', path: ['shownAt'], message: 'must be set exactly when a card is current' });
    }
    if (state.queue.length > state.queueMax) {
      ctx.addIssue({ code: 'custom', path: ['queue'], message: `must hold at most queueMax (${state.queueMax}) cards` });
    }
  }));
export type LowerThirdState = z.infer<typeof LowerThirdState>;

/** The fields `update` may change on the card on air; `photo: null` removes the photo. */
export const CardPatch = z
  .strictObject({
    nameJa: z.optional(CardFields.shape.nameJa),
    nameLatin: z.optional(CardFields.shape.nameLatin),
    title: z.optional(LocalizedText),
    names: z.optional(LocalizedText),
    region: z.optional(Slug),
    photo: z.optional(z.nullable(PhotoSource)),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, { error: 'must change at least one field' }));
export type CardPatch = z.infer<typeof CardPatch>;

const ShowCommand = z.strictObject({ type: z.literal('show'), ...cardChoice }).check(z.superRefine(exactlyOneCard));
const UpdateCommand = z.strictObject({ type: z.literal('update'), patch: CardPatch });
const NextCommand = z.strictObject({ type: z.literal('next') });
const HideCommand = z.strictObject({ type: z.literal('hide') });
const QueueAddCommand = z.strictObject({ type: z.literal('queue'), op: z.literal('add'), ...cardChoice }).check(z.superRefine(exactlyOneCard));
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
