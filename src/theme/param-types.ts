import { z } from '../protocol/zod.ts';
import type { Phrase, PhraseId } from '../i18n/words.ts';
import { canonicalHex } from './color.ts';

/**
 * The kinds of value an overlay URL parameter can hold. Each is a zod codec from the URL's text to a typed
 * value and back, so one definition both parses a URL and writes the canonical one (`z.encode`).
 * `meta` carries what a producer is shown: which control the builder draws, its words or range, and the
 * allowed values in words where they are not those words (param-docs.ts reads the docs from it alone).
 */

/** The control the URL builder draws for a parameter. */
export type ParamControl = 'select' | 'multi' | 'color' | 'number' | 'switch' | 'text';

export interface ParamMeta {
  control: ParamControl;
  /** What a producer may write, as a phrase, when the schema's own shape does not say it plainly. */
  allowed?: Phrase;
  /** The words a select or multi control offers. */
  options?: readonly string[];
  /** The range and step of a number input. */
  min?: number;
  max?: number;
  step?: number;
}

/** No value is longer than this: a 10,000-character value is refused before any other work is done on it. */
export const MAX_VALUE_LENGTH = 512;

/** Errors are phrase ids (i18n/words.ts): the error card says them in the overlay's language. */
const refusal = (id: PhraseId) => ({ error: id });

const urlText = z.string().check(z.maxLength(MAX_VALUE_LENGTH, refusal('tooLong')));

/** One of a fixed list of words. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, refusal('notChoice')).check(z.meta({ control: 'select', options: values } satisfies ParamMeta));
}

/** A decimal number in a range, at most two decimals: `1`, `0.75`. No exponents, hex or Infinity. */
export function numberParam(min: number, max: number, step: number) {
  return z
    .codec(
      urlText.check(z.regex(/^\d{1,4}(?:\.\d{1,2})?$/, refusal('notNumber'))),
      z.number().check(z.minimum(min, refusal('below')), z.maximum(max, refusal('above'))),
      { decode: (text) => Number(text), encode: (value) => String(value) },
    )
    .check(z.meta({ control: 'number', min, max, step } satisfies ParamMeta));
}

/** On or off; `on`/`off` is the spelling we print, `1/0`, `true/false` and `yes/no` are understood too. */
export function switchParam() {
  const codec = z
    .stringbool({ truthy: ['on', 'true', '1', 'yes'], falsy: ['off', 'false', '0', 'no'], ...refusal('notSwitch') })
    .check(z.meta({ control: 'switch', allowed: { id: 'values', args: { values: 'on | off' } } } satisfies ParamMeta));
  // It reads a string, as zod classic types it; zod/mini's type of stringbool says `unknown` on the way in.
  return codec as z.ZodMiniCodec<z.ZodMiniString<string>, z.ZodMiniBoolean<boolean>>;
}

/**
 * A hex colour, or the word `preset` (decoded to null) for the theme preset's own colour. Decoded to canonical
 * `#rrggbb[aa]`; printed without the `#` (in a URL a bare `#` would start the fragment and swallow the rest).
 */
export function colorParam() {
  return z
    .codec(
      urlText.check(z.regex(/^(?:preset|#?(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8}))$/, refusal('notColour'))),
      z.nullable(z.string().check(z.regex(/^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/))),
      {
        decode: (text) => (text === 'preset' ? null : canonicalHex(text)),
        encode: (value) => (value === null ? 'preset' : value.slice(1)),
      },
    )
    .check(z.meta({ control: 'color', allowed: { id: 'colour' } } satisfies ParamMeta));
}

/**
 * A comma-separated set of words, e.g. `meter,bursts`. Order and repeats do not matter, so the value is
 * decoded to the listed order without repeats: two spellings of one set give one canonical URL.
 */
export function setParam<const T extends readonly [string, ...string[]]>(values: T) {
  const member = z.enum(values, refusal('notInSet'));
  return z
    .codec(
      urlText,
      z.array(member).check(z.minLength(1, refusal('emptySet'))),
      {
        decode: (text) => {
          const known: readonly string[] = values;
          const rank = (word: string) => (known.includes(word) ? known.indexOf(word) : known.length);
          const words = [...new Set(text.split(',').map((word) => word.trim()))];
          return words.sort((a, b) => rank(a) - rank(b));
        },
        encode: (list) => list.join(','),
      },
    )
    .check(z.meta({ control: 'multi', options: values, allowed: { id: 'anyOf', args: { values: values.join(', ') } } } satisfies ParamMeta));
}

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A lower-case id (a-z, 0-9, -), or `word` (decoded to null) for "none in particular". */
export function idParam(word: string) {
  return z
    .codec(
      urlText.check(z.regex(ID, refusal('notId'))),
      z.nullable(z.string().check(z.regex(ID))),
      { decode: (text) => (text === word ? null : text), encode: (value) => value ?? word },
    )
    .check(z.meta({ control: 'text', allowed: { id: 'idOr', args: { word } } } satisfies ParamMeta));
}

const FEED_PROTOCOLS = new Set(['http:', 'https:']);

/** The protocol of an absolute URL, or '' (OBS 30's Chromium 103 has no `URL.canParse`). */
function protocolOf(text: string): string {
  try {
    return new URL(text).protocol;
  } catch {
    return '';
  }
}

/** An absolute http(s) URL, or `word` (decoded to null) for the server the overlay was loaded from. */
export function feedUrlParam(word: string) {
  const isFeedUrl = (text: string) => FEED_PROTOCOLS.has(protocolOf(text));
  return z
    .codec(
      urlText.check(z.refine((text) => text === word || isFeedUrl(text), refusal('notUrl'))),
      z.nullable(z.string().check(z.refine(isFeedUrl))),
      { decode: (text) => (text === word ? null : text), encode: (value) => value ?? word },
    )
    .check(z.meta({ control: 'text', allowed: { id: 'urlOr', args: { word } } } satisfies ParamMeta));
}

/**
 * A BCP 47 language tag the overlay speaks, kept as written but canonically cased (`zh-hant-hk` →
 * `zh-Hant-HK`): a region-qualified tag falls back to its language (`resolve`), and the region still
 * picks the number format. `languages` are the bare tags the builder offers.
 */
export function languageParam(languages: readonly string[], resolve: (tag: string) => unknown) {
  const canonicalTag = (text: string) => {
    try {
      return Intl.getCanonicalLocales(text)[0] ?? text;
    } catch {
      return text;
    }
  };
  return z
    .codec(
      urlText.check(z.refine((text) => resolve(text) !== null, refusal('notLanguage'))),
      z.string(),
      { decode: canonicalTag, encode: (value) => value },
    )
    .check(z.meta({ control: 'select', options: languages, allowed: { id: 'values', args: { values: languages.join(' | ') } } } satisfies ParamMeta));
}
