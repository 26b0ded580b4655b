import { LANGUAGES, type Language, type LocalizedText } from '../protocol/index.ts';

/** The order a campaign falls back in when it does not declare one (`textFallback`). */
export const DEFAULT_TEXT_FALLBACK: readonly Language[] = ['en', 'ja'];

/** The languages to try for `language`, in order: itself, the declared fallbacks, then every other. */
export function fallbackOrder(language: Language, declared: readonly Language[] = DEFAULT_TEXT_FALLBACK): Language[] {
  return [...new Set([language, ...declared, ...LANGUAGES])];
}

export interface PickedText {
  readonly text: string;
  /** The language the text is actually in. */
  readonly language: Language;
}

/** The text in the first language of `order` it is written in (a LocalizedText always has one). */
export function pickText(text: LocalizedText, order: readonly Language[]): PickedText {
  for (const language of order) {
    const value = text[language];
    if (value !== undefined) return { text: value, language };
  }
  throw new Error('a localized text without any language');
}

/** Picks texts for one language and reports, once per text, what it had to show in another language. */
export type TextPicker = (text: LocalizedText, what: string) => string;

export function textPicker(language: Language, declared: readonly Language[] | undefined, warn: (line: string) => void): TextPicker {
  const order = fallbackOrder(language, declared);
  const reported = new Set<string>();
  return (text, what) => {
    const picked = pickText(text, order);
    if (picked.language !== language && !reported.has(what)) {
      reported.add(what);
      warn(`${what} has no ${language} text; showing its ${picked.language} text "${picked.text}" (fallback order ${order.slice(1, 4).join(', ')}, …)`);
    }
    return picked.text;
  };
}
