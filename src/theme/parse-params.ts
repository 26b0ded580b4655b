import { z } from '../protocol/zod.ts';
import { PHRASE_IDS, say, type Phrase, type PhraseId } from '../i18n/words.ts';
import { displayText } from './display-text.ts';
import { paramDoc, type ParamDoc } from './param-docs.ts';
import { MAX_VALUE_LENGTH } from './param-types.ts';
import { OverlayParamsSchema, PARAM_NAMES, defaultParams, type OverlayParams, type ParamName } from './params-schema.ts';
import { resolveLook, resolveTheme } from './resolve-theme.ts';
import type { ThemePreset } from './theme-schema.ts';
import type { Theme } from './theme.ts';

/** What a problem says, as phrases: the error card says them in the overlay's language. */
export interface ProblemPhrases {
  readonly reason: Phrase;
  readonly allowed: Phrase;
  readonly fallback: Phrase;
}

/**
 * One thing wrong with the URL, in words a producer can act on. All strings are display-safe; the three
 * sentences are in English (the console's and the builder's language) and, as phrases, in `says`.
 */
export interface ParamProblem {
  /** The parameter as written in the URL (or `#` for a fragment). */
  readonly param: string;
  /** The value as written, cut short. */
  readonly value: string;
  /** What is wrong with it. */
  readonly reason: string;
  /** What may be written instead. */
  readonly allowed: string;
  /** What the overlay uses instead. */
  readonly fallback: string;
  readonly says: ProblemPhrases;
}

/** A problem from its phrases, with the English sentences written out. */
export function paramProblem(param: string, value: string, says: ProblemPhrases): ParamProblem {
  return { param, value, reason: say(says.reason, 'en'), allowed: say(says.allowed, 'en'), fallback: say(says.fallback, 'en'), says };
}

/** A fallback that is a value as written in a URL (`ja`, `preset (#ff5c7a)`). */
export const asWritten = (value: string): Phrase => ({ id: 'value', args: { value } });

export interface ParsedParams {
  /** Every parameter, each either as given or its default. */
  readonly params: OverlayParams;
  /** The theme the widgets draw with. */
  readonly theme: Theme;
  readonly problems: readonly ParamProblem[];
  /** Problems beyond MAX_PROBLEMS, counted but not described (a URL can hold thousands). */
  readonly unlistedProblems: number;
}

export const MAX_PROBLEMS = 20;

function isParamName(key: string): key is ParamName {
  return Object.hasOwn(OverlayParamsSchema.shape, key);
}

/** Levenshtein distance, cut off early: only "close enough to be a typo" matters. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known parameter a typo most likely meant (`meterstyle`, `acent`, `lowerthird`), if any. */
export function suggestParam(key: string): ParamName | null {
  if (key.length > 40) return null;
  const lower = key.toLowerCase();
  let best: ParamName | null = null;
  let bestDistance = 3;
  for (const name of PARAM_NAMES) {
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

const isPhraseId = (text: string): text is PhraseId => (PHRASE_IDS as readonly string[]).includes(text);

/** The schema's refusal as a phrase (param-types.ts gives phrase ids as zod messages), with its numbers. */
function firstIssue(error: z.core.$ZodError, doc: ParamDoc): Phrase {
  const message = error.issues[0]?.message ?? '';
  // Anything else (a union's own "Invalid input") says nothing: the allowed values say more.
  if (!isPhraseId(message)) return { id: 'notAllowed' };
  return { id: message, args: { min: doc.min ?? '', max: message === 'tooLong' ? MAX_VALUE_LENGTH : (doc.max ?? '') } };
}

/** The fallback in words: the default, and for "take it from the preset" also what the preset gives. */
function fallbackText(name: ParamName, look: ThemePreset): string {
  const text = paramDoc(name).defaultText;
  const { colors } = look;
  const fromPreset: Partial<Record<ParamName, string>> = {
    accent: colors.accent,
    text: colors.text,
    panel: colors.panel,
    font: look.font.family,
  };
  const resolved = fromPreset[name];
  return resolved === undefined ? text : `${text} (${resolved})`;
}

/**
 * Reads the overlay's URL parameters without ever failing: each parameter is parsed on its own, and a bad
 * value, an unknown name or a repeated name becomes a problem and its default, never an exception and never
 * a lost neighbour. The theme preset is applied first and the explicit look parameters over it.
 * `hash` is the URL's fragment: a `#` typed into a colour cuts the query short, so it deserves a word.
 */
export function parseParams(query: URLSearchParams | string, hash = ''): ParsedParams {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const params = defaultParams() as Record<ParamName, unknown>;
  const seen = new Map<string, string[]>();
  for (const [key, value] of search) {
    const values = seen.get(key);
    if (values) values.push(value);
    else seen.set(key, [value]);
  }

  // Found in URL order; described (below) once the theme, and so every fallback, is known.
  const found: RawProblem[] = [];
  for (const [key, values] of seen) {
    const value = values.join(', ');
    if (!isParamName(key)) {
      found.push({ kind: 'unknown', key, value, reason: { id: 'unknownParam' } });
    } else if (values.length > 1) {
      found.push({ kind: 'bad', key, value, reason: { id: 'repeated', args: { count: values.length } } });
    } else {
      const result = OverlayParamsSchema.shape[key].safeParse(value);
      if (result.success) params[key] = result.data;
      else found.push({ kind: 'bad', key, value, reason: firstIssue(result.error, paramDoc(key)) });
    }
  }
  if (hash.length > 1) {
    found.push({ kind: 'fragment', key: '#', value: hash, reason: { id: 'fragment' } });
  }

  const complete = params as OverlayParams;
  const look = resolveLook(complete);
  return {
    params: complete,
    theme: resolveTheme(complete),
    problems: found.slice(0, MAX_PROBLEMS).map((problem) => describeProblem(problem, look)),
    unlistedProblems: Math.max(0, found.length - MAX_PROBLEMS),
  };
}

type RawProblem =
  | { kind: 'bad'; key: ParamName; value: string; reason: Phrase }
  | { kind: 'unknown' | 'fragment'; key: string; value: string; reason: Phrase };

function describeProblem(problem: RawProblem, look: ThemePreset): ParamProblem {
  const { key, value, reason } = problem;
  if (problem.kind === 'bad') {
    const { allowedPhrase } = paramDoc(problem.key);
    return paramProblem(key, displayText(value), { reason, allowed: allowedPhrase, fallback: asWritten(fallbackText(problem.key, look)) });
  }
  if (problem.kind === 'fragment') {
    return paramProblem('#', displayText(value), { reason, allowed: { id: 'noHash' }, fallback: { id: 'ignored' } });
  }
  const suggestion = suggestParam(key);
  return paramProblem(displayText(key, 32), displayText(value), {
    reason,
    allowed: suggestion ? { id: 'didYouMean', args: { name: suggestion } } : { id: 'seeReadme' },
    fallback: { id: 'ignored' },
  });
}
