import type { Language } from '../../protocol/index.ts';

/**
 * Which bundled faces a language is drawn in. Pure data, so the font loader (src/overlay/fonts.ts), the
 * no-tofu test and the docs all read the same answer. Each face is an @fontsource package whose CSS splits
 * the font by unicode-range into subsets: the browser fetches only the subset files holding characters we
 * ask for, so a Korean overlay fetches a few Korean files and never a Japanese or Thai one.
 */
export interface BundledFace {
  /** The CSS font-family name the package declares. */
  readonly family: string;
  /** The @fontsource package (one CSS file per weight). */
  readonly pkg: string;
  /** The package's named subsets this language draws from (numbered CJK slices belong to the script's subset). */
  readonly subsets: readonly string[];
}

const JP: BundledFace = { family: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', subsets: ['japanese', 'latin', 'latin-ext'] };
const TC: BundledFace = { family: 'Noto Sans TC', pkg: '@fontsource/noto-sans-tc', subsets: ['chinese-traditional', 'latin'] };
const KR: BundledFace = { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', subsets: ['korean', 'latin'] };
const THAI: BundledFace = { family: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', subsets: ['thai', 'latin'] };
const LATIN: BundledFace = { family: 'Noto Sans', pkg: '@fontsource/noto-sans', subsets: ['latin', 'latin-ext', 'vietnamese'] };

/**
 * The faces of each language, first choice first. Noto Sans JP comes last everywhere: it is the face the
 * overlay has always had, and it holds the kanji and kana of the Japanese names a card shows in any language.
 * English, Indonesian and Filipino keep its Latin (the look the presets were designed in); Vietnamese takes
 * Noto Sans, whose Latin was drawn for stacked marks (ấ, ệ, ở).
 */
export const LANGUAGE_FACES: Readonly<Record<Language, readonly BundledFace[]>> = {
  ja: [JP],
  en: [JP],
  'zh-Hant': [TC, JP],
  ko: [KR, JP],
  th: [THAI, JP],
  id: [JP],
  vi: [LATIN, JP],
  fil: [JP],
};

/** Every face any language uses, once (for the loader's table of stylesheets). */
export const BUNDLED_FACES: readonly BundledFace[] = [JP, TC, KR, THAI, LATIN];

/** The faces as a CSS font stack, before `generic` (the family the browser falls back to last). */
export function faceStack(language: Language, generic = 'sans-serif'): string {
  return [...LANGUAGE_FACES[language].map((face) => `"${face.family}"`), generic].join(', ');
}

/** A span of code points, inclusive. */
export type CodeRange = readonly [number, number];

/** A CSS unicode-range (`U+0E01-0E5B, U+200C, U+4??`) as spans of code points. */
export function parseUnicodeRange(text: string): CodeRange[] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part.length > 0)
    .map((part) => {
      const [from, to = from] = part.split('-') as [string, string?];
      // `4??` stands for 400 to 4FF.
      return [parseInt(from.replaceAll('?', '0'), 16), parseInt(to!.replaceAll('?', 'F'), 16)] as const;
    });
}

/** The characters of `text` that none of `ranges` covers: what a fallback face still has to draw. */
export function uncovered(text: string, ranges: readonly CodeRange[]): string {
  return [...new Set(text)].filter((char) => {
    const code = char.codePointAt(0)!;
    return !ranges.some(([from, to]) => code >= from && code <= to);
  }).join('');
}
