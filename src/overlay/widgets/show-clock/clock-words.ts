import type { Language } from '../../../protocol/index.ts';

/** The show clock's words, until they join the i18n dictionaries. */
export const CLOCK_WORDS: Record<Language, { countdown: string; elapsed: string }> = {
  ja: { countdown: '配信終了まで', elapsed: '配信時間' },
  en: { countdown: 'LIVE ENDS IN', elapsed: 'ON AIR' },
};
