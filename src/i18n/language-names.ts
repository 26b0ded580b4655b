import type { Language } from '../protocol/index.ts';

/** Each language in its own words, for the pickers of the URL builder and the control page. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ja: '日本語',
  en: 'English',
  'zh-Hant': '繁體中文',
  ko: '한국어',
  th: 'ไทย',
  id: 'Bahasa Indonesia',
  vi: 'Tiếng Việt',
  fil: 'Filipino',
};
