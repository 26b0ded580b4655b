import { z } from './zod.ts';

/** A count or an amount: never negative, never fractional, never beyond what a double holds exactly. */
export const Count = z
  .number({ error: 'must be a number' })
  .check(z.int({ error: 'must be a whole number' }), z.nonnegative({ error: 'must not be negative' }), z.maximum(Number.MAX_SAFE_INTEGER, { error: 'is too large' }));

/** Money in integer minor units of the campaign currency (yen, cents). */
export const MinorUnits = Count.check(z.describe('money in integer minor units (yen, cents)'));

/** Lower-case identifiers used in URLs, rooms and file names. */
export const Slug = z
  .string({ error: 'must be a string' })
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'must be 1-40 characters of a-z, 0-9 and -, starting with a letter or digit' }));

/**
 * The languages the overlay speaks, as BCP 47 tags, in the order the builder and the control page list them.
 * `zh-Hant` is Traditional Chinese (Taiwan and Hong Kong); `fil` is Filipino.
 */
export const LANGUAGES = ['ja', 'en', 'zh-Hant', 'ko', 'th', 'id', 'vi', 'fil'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/**
 * Text shown on screen, in any of the overlay's languages: `{ "ja": "東北", "en": "Tohoku", "ko": "도호쿠" }`.
 * At least one language; the old `{ ja, en }` pair is simply a map with two entries. A text missing the
 * language on screen falls back (src/i18n/pick-text.ts).
 */
export const LocalizedText = z
  .partialRecord(Language, z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }), z.maxLength(120, { error: 'must be at most 120 characters' })), {
    // zod reports a key outside the enum as `unrecognized_keys` (its type lists fewer codes than it uses).
    error: (issue) =>
      (issue.code as string) === 'unrecognized_keys' || issue.code === 'invalid_key'
        ? `${JSON.stringify((issue as { keys?: string[] }).keys ?? issue.path?.at(-1) ?? '')} is not a language; languages are ${LANGUAGES.join(', ')}`
        : 'must be an object of language: text',
  })
  .check(z.refine((text) => Object.keys(text).length > 0, { error: `must give the text in at least one language (${LANGUAGES.join(', ')})` }));
export type LocalizedText = z.infer<typeof LocalizedText>;
