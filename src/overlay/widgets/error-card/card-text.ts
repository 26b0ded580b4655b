import type { Language } from '../../../protocol/index.ts';
import type { ParamProblem } from '../../theme/parse-params.ts';

/** The card shows this many problems; the rest are counted (all of them are in the console). */
export const CARD_MAX_ENTRIES = 3;

const WORDS: Record<Language, { title: string; allowed: string; using: string; more: (count: number) => string }> = {
  ja: {
    title: 'オーバーレイのURLを確認してください',
    allowed: '指定できる値',
    using: '代わりに使用',
    more: (count) => `ほか ${count} 件はブラウザのコンソールに表示しています`,
  },
  en: {
    title: 'Check the overlay URL',
    allowed: 'allowed',
    using: 'using',
    more: (count) => `${count} more in the browser console`,
  },
};

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

/** What the error card says about these problems, in the overlay's language. */
export function cardContent(problems: readonly ParamProblem[], unlisted: number, lang: Language): CardContent {
  const words = WORDS[lang];
  const entries = problems.slice(0, CARD_MAX_ENTRIES).map((problem) => ({
    heading: problem.param === '#' ? problem.value : `${problem.param} = “${problem.value}”`,
    reason: problem.reason,
    allowed: `${words.allowed}: ${problem.allowed}`,
    fallback: `${words.using}: ${problem.fallback}`,
  }));
  const hidden = problems.length - entries.length + unlisted;
  return { title: words.title, entries, more: hidden > 0 ? words.more(hidden) : null };
}

/** One console line per problem: everything the card says, for the producer who opens the console later. */
export function consoleLine(problem: ParamProblem): string {
  const name = problem.param === '#' ? 'URL fragment' : `URL parameter ${problem.param}`;
  return `${name}=${JSON.stringify(problem.value)} ${problem.reason}; allowed: ${problem.allowed}; using: ${problem.fallback}`;
}
