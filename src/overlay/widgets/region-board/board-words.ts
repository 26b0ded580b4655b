import type { Language } from '../../../protocol/index.ts';

/** The region board's words, until they join the i18n dictionaries. */
export const BOARD_WORDS: Record<Language, { title: string }> = {
  ja: { title: '地域別の支援' },
  en: { title: 'BY REGION' },
};
