import type { Language } from '../protocol/index.ts';
import { en } from './words/en.ts';

/**
 * What the error card says about a refused URL parameter, by phrase. A problem is built from phrases
 * (theme/parse-params.ts), so the card can say it in the overlay's language and the console in English.
 */
export const PHRASE_IDS = [
  // Why a value is refused.
  'notChoice', 'notNumber', 'below', 'above', 'notSwitch', 'notColour', 'notInSet', 'emptySet', 'notId', 'notUrl',
  'tooLong', 'notAllowed', 'unknownParam', 'repeated', 'fragment', 'otherCampaign', 'unknownRegion', 'unknownMarket',
  'notLanguage',
  // What may be written instead.
  'values', 'range', 'anyOf', 'idOr', 'urlOr', 'colour', 'didYouMean', 'seeReadme', 'noHash', 'orAny',
  // What the overlay does instead.
  'value', 'ignored', 'feedCampaign', 'wholeCampaign', 'noMarketLine',
] as const;
export type PhraseId = (typeof PHRASE_IDS)[number];

/** A phrase and the values of its `{placeholders}` (already display-safe). */
export interface Phrase {
  readonly id: PhraseId;
  readonly args?: Readonly<Record<string, string | number>>;
}

/**
 * Every word the overlay draws, in one language. Templates hold `{placeholders}`; the files under words/
 * are the dictionary a native reviewer checks (one file per language, the same keys in each).
 */
export interface Words {
  /** Before the goal amount: `GOAL ¥20,000,000`. */
  readonly goal: string;
  /** The stale-feed sign. */
  readonly reconnecting: string;
  /** The meter's line for one market (`market=`): `{market}` and `{amount}`. */
  readonly marketGave: string;
  /** The meter's line in the viewer's currency at a fixed reference rate: `{amount}`. */
  readonly approx: string;
  /** `adjustments=split`: the line under the amount for what the producer added (a match, a donation box): `{amount}`. */
  readonly adjustmentsAdded: string;
  /** The same line when corrections took money off: `{amount}` (without its sign). */
  readonly adjustmentsCorrected: string;
  /** The region board's title (`widgets=…,board`). */
  readonly regionBoard: string;
  /** The show clock's label while it counts down to the end of the LIVE. */
  readonly clockCountdown: string;
  /** The show clock's label while it shows the show's running time. */
  readonly clockElapsed: string;
  /** Before the goal once the meter has moved on past the first goal: `NEXT GOAL ¥22,000,000`. */
  readonly nextGoal: string;
  /** The celebration banner when the meter passes a goal and moves on: `{amount}`. */
  readonly goalPassed: string;
  /** On a region's overlay (`region=`): the line under the meter with the whole campaign's amount, `{amount}`. */
  readonly campaignTotal: string;
  readonly card: {
    readonly title: string;
    /** Before what may be written: `allowed: top | bottom`. */
    readonly allowed: string;
    /** Before what is used instead: `using: ja`. */
    readonly using: string;
    /** `{count}` problems more than the card shows. */
    readonly more: string;
  };
  readonly phrases: Readonly<Record<PhraseId, string>>;
}

/** Each language's dictionary, in a file of its own: an overlay fetches only the one it shows. */
const DICTIONARIES: Readonly<Record<Language, () => Promise<Words>>> = {
  ja: async () => (await import('./words/ja.ts')).ja,
  en: async () => en,
  'zh-Hant': async () => (await import('./words/zh-Hant.ts')).zhHant,
  ko: async () => (await import('./words/ko.ts')).ko,
  th: async () => (await import('./words/th.ts')).th,
  id: async () => (await import('./words/id.ts')).id,
  vi: async () => (await import('./words/vi.ts')).vi,
  fil: async () => (await import('./words/fil.ts')).fil,
};

/** The dictionaries loaded so far: English always (the console's language), and the overlay's. */
const loaded: Partial<Record<Language, Words>> = { en };

/**
 * Loads a language's words, for wordsOf. A dictionary that cannot be fetched is reported and English used
 * in its place: an overlay in the wrong language is better than an empty one.
 */
export async function loadWords(language: Language, report: (line: string) => void = () => {}): Promise<Words> {
  const known = loaded[language];
  if (known) return known;
  let words: Words;
  try {
    words = await DICTIONARIES[language]();
  } catch (error) {
    report(`the ${language} words could not be loaded, English is shown instead: ${String(error)}`);
    words = en;
  }
  return (loaded[language] = words);
}

/** Every language's words: the feed server writes the overlay's page for any language (overlay-text/). */
export function loadEveryLanguage(): Promise<Words[]> {
  return Promise.all((Object.keys(DICTIONARIES) as Language[]).map((language) => loadWords(language)));
}

/** A language's words, once loaded (loadWords): the overlay loads its language before it builds a widget. */
export function wordsOf(language: Language): Words {
  const words = loaded[language];
  if (words === undefined) throw new Error(`the ${language} words are used before they are loaded (loadWords)`);
  return words;
}

/** Fills a template's `{placeholders}`; an unknown placeholder stays as written, so a gap is visible. */
export function fill(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : whole));
}

/** A phrase in a language. */
export function say(phrase: Phrase, language: Language): string {
  return fill(wordsOf(language).phrases[phrase.id], phrase.args);
}
