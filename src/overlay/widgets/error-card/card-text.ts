import type { Language } from '../../../protocol/index.ts';
import { fill, say, wordsOf } from '../../../i18n/words.ts';
import type { ParamProblem } from '../../../theme/parse-params.ts';

/** The card shows this many problems; the rest are counted (all of them are in the console). */
export const CARD_MAX_ENTRIES = 3;

export interface CardEntry {
  /** `accent = “pink”`: the parameter and the value as written. */
  readonly heading: string;
  /** What is wrong with it. */
  readonly reason: string;
  readonly allowed: string;
  readonly fallback: string;
}

export interface CardContent {
  readonly title: string;
  readonly entries: readonly CardEntry[];
  /** `2 more in the browser console`, or null. */
  readonly more: string | null;
}

/** What the error card says about these problems, all of it in the overlay's language. */
export function cardContent(problems: readonly ParamProblem[], unlisted: number, lang: Language): CardContent {
  const words = wordsOf(lang).card;
  const entries = problems.slice(0, CARD_MAX_ENTRIES).map((problem) => ({
    heading: problem.param === '#' ? problem.value : `${problem.param} = “${problem.value}”`,
    reason: say(problem.says.reason, lang),
    allowed: `${words.allowed}: ${say(problem.says.allowed, lang)}`,
    fallback: `${words.using}: ${say(problem.says.fallback, lang)}`,
  }));
  const hidden = problems.length - entries.length + unlisted;
  return { title: words.title, entries, more: hidden > 0 ? fill(words.more, { count: hidden }) : null };
}

/** One console line per problem, in English: everything the card says, for the producer who opens the console later. */
export function consoleLine(problem: ParamProblem): string {
  const name = problem.param === '#' ? 'URL fragment' : `URL parameter ${problem.param}`;
  return `${name}=${JSON.stringify(problem.value)} ${problem.reason}; allowed: ${problem.allowed}; using: ${problem.fallback}`;
}
