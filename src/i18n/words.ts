import type { Language } from '../protocol/index.ts';
import { en } from './words/en.ts';
import { fil } from './words/fil.ts';
import { id } from './words/id.ts';
import { ja } from './words/ja.ts';
import { ko } from './words/ko.ts';
import { th } from './words/th.ts';
import { vi } from './words/vi.ts';
import { zhHant } from './words/zh-Hant.ts';

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

export const WORDS: Readonly<Record<Language, Words>> = { ja, en, 'zh-Hant': zhHant, ko, th, id, vi, fil };

/** Fills a template's `{placeholders}`; an unknown placeholder stays as written, so a gap is visible. */
export function fill(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : whole));
}

/** A phrase in a language. */
export function say(phrase: Phrase, language: Language): string {
  return fill(WORDS[language].phrases[phrase.id], phrase.args);
}
