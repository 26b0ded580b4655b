import type { BUNDLED_WEIGHTS } from './theme/fonts.ts';

type Weight = (typeof BUNDLED_WEIGHTS)[number];

/**
 * The @fontsource stylesheet of each bundled face and weight (theme/language-fonts.ts says which faces a
 * language uses). Each is its own chunk: a Korean overlay adds the @font-face rules of Noto Sans KR and
 * Noto Sans JP, never those of the Thai or Chinese faces. The rules only declare the subset files; the
 * browser fetches a file when a character in its unicode-range is asked for (fonts.ts).
 */
const STYLESHEETS: Readonly<Record<string, Readonly<Record<Weight, () => Promise<unknown>>>>> = {
  'Noto Sans JP': {
    500: () => import('@fontsource/noto-sans-jp/500.css'),
    700: () => import('@fontsource/noto-sans-jp/700.css'),
    800: () => import('@fontsource/noto-sans-jp/800.css'),
    900: () => import('@fontsource/noto-sans-jp/900.css'),
  },
  'Noto Sans TC': {
    500: () => import('@fontsource/noto-sans-tc/500.css'),
    700: () => import('@fontsource/noto-sans-tc/700.css'),
    800: () => import('@fontsource/noto-sans-tc/800.css'),
    900: () => import('@fontsource/noto-sans-tc/900.css'),
  },
  'Noto Sans KR': {
    500: () => import('@fontsource/noto-sans-kr/500.css'),
    700: () => import('@fontsource/noto-sans-kr/700.css'),
    800: () => import('@fontsource/noto-sans-kr/800.css'),
    900: () => import('@fontsource/noto-sans-kr/900.css'),
  },
  'Noto Sans Thai': {
    500: () => import('@fontsource/noto-sans-thai/500.css'),
    700: () => import('@fontsource/noto-sans-thai/700.css'),
    800: () => import('@fontsource/noto-sans-thai/800.css'),
    900: () => import('@fontsource/noto-sans-thai/900.css'),
  },
  'Noto Sans': {
    500: () => import('@fontsource/noto-sans/500.css'),
    700: () => import('@fontsource/noto-sans/700.css'),
    800: () => import('@fontsource/noto-sans/800.css'),
    900: () => import('@fontsource/noto-sans/900.css'),
  },
};

const installed = new Map<string, Promise<unknown>>();

/** Adds the @font-face rules of these faces in these weights to the page, once each. */
export function installFaceRules(families: readonly string[], weights: readonly number[]): Promise<unknown[]> {
  const pending: Promise<unknown>[] = [];
  for (const family of families) {
    for (const weight of weights) {
      const load = STYLESHEETS[family]?.[weight as Weight];
      if (!load) throw new Error(`no bundled stylesheet for ${family} ${weight}`);
      const key = `${family} ${weight}`;
      if (!installed.has(key)) installed.set(key, load());
      pending.push(installed.get(key)!);
    }
  }
  return Promise.all(pending);
}
