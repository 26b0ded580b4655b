import { LANGUAGES, type Language } from '../protocol/index.ts';

/** The locale a bare language formats money and numbers with: the market that language is mostly watched in. */
export const DEFAULT_LOCALES: Readonly<Record<Language, string>> = {
  ja: 'ja-JP',
  en: 'en-US',
  'zh-Hant': 'zh-Hant-TW',
  ko: 'ko-KR',
  th: 'th-TH',
  id: 'id-ID',
  vi: 'vi-VN',
  fil: 'fil-PH',
};

/** What a `lang` tag means to the overlay: the language of its words, and the locale of its numbers. */
export interface ResolvedLanguage {
  readonly language: Language;
  /** `zh-Hant-HK` stays `zh-Hant-HK` (HK$ and Hong Kong's grouping); a bare `ko` becomes `ko-KR`. */
  readonly locale: string;
}

/** Chinese written in Traditional characters: said outright (Hant), or implied by the region. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

function canonical(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(tag)[0] ?? '');
  } catch {
    return null;
  }
}

/**
 * The overlay's language for a BCP 47 tag, falling back from the most specific form to the language:
 * `en-US` → en, `zh-Hant-HK` and `zh-TW` → zh-Hant, `tl` → fil. Null for a tag that is not well formed or
 * names a language the overlay does not speak (`zh-Hans`, `fr`).
 */
export function resolveLanguage(tag: string): ResolvedLanguage | null {
  const locale = canonical(tag);
  if (locale === null) return null;
  const exact = LANGUAGES.find((language) => language.toLowerCase() === locale.baseName.toLowerCase());
  if (exact) return { language: exact, locale: DEFAULT_LOCALES[exact] };
  let language: Language | undefined;
  if (locale.language === 'zh') {
    const traditional = locale.script === 'Hant' || (locale.script === undefined && TRADITIONAL_REGIONS.has(locale.region ?? ''));
    language = traditional ? 'zh-Hant' : undefined;
  } else if (locale.language === 'tl') {
    language = 'fil';
  } else {
    language = LANGUAGES.find((candidate) => candidate === locale.language);
  }
  if (language === undefined) return null;
  // A region (en-GB, zh-Hant-HK) keeps its own number formats; a bare language takes its main market's.
  if (locale.region === undefined) return { language, locale: DEFAULT_LOCALES[language] };
  const script = language === 'zh-Hant' ? '-Hant' : '';
  return { language, locale: `${locale.language === 'tl' ? 'fil' : locale.language}${script}-${locale.region}` };
}

/** Languages written in an alphabet with capitals: themes that set labels in capitals may apply them. */
const CASED: ReadonlySet<Language> = new Set(['en', 'id', 'vi', 'fil']);

export function hasLetterCase(language: Language): boolean {
  return CASED.has(language);
}
