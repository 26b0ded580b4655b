import { z } from 'zod';

/** A count or an amount: never negative, never fractional, never beyond what a double holds exactly. */
export const Count = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .nonnegative({ error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

/** Money in integer minor units of the campaign currency (yen, cents). */
export const MinorUnits = Count.describe('money in integer minor units (yen, cents)');

/** Lower-case identifiers used in URLs, rooms and file names. */
export const Slug = z
  .string({ error: 'must be a string' })
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'must be 1-40 characters of a-z, 0-9 and -, starting with a letter or digit' });

/** Text shown on screen in both languages the overlay speaks. */
export const Bilingual = z.object({
  ja: z.string().min(1).max(120),
  en: z.string().min(1).max(120),
});
export type Bilingual = z.infer<typeof Bilingual>;

export const Language = z.enum(['ja', 'en']);
export type Language = z.infer<typeof Language>;
