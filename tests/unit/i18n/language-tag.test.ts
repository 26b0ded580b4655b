import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../src/i18n/language-tag.ts';
import { parseParams } from '../../../src/overlay/theme/parse-params.ts';
import { LANGUAGES } from '../../../src/protocol/index.ts';

describe('resolveLanguage: BCP 47 tags fall back to the language the overlay speaks', () => {
  it.each(LANGUAGES)('%s is spoken, formatted in its main market', (tag) => {
    expect(resolveLanguage(tag)?.language).toBe(tag);
  });

  it.each([
    ['en-US', 'en', 'en-US'],
    ['en-GB', 'en', 'en-GB'],
    ['zh-Hant-HK', 'zh-Hant', 'zh-Hant-HK'],
    ['zh-hant-tw', 'zh-Hant', 'zh-Hant-TW'],
    ['zh-TW', 'zh-Hant', 'zh-Hant-TW'],
    ['zh-HK', 'zh-Hant', 'zh-Hant-HK'],
    ['ko-KR', 'ko', 'ko-KR'],
    ['th', 'th', 'th-TH'],
    ['vi-VN', 'vi', 'vi-VN'],
    ['tl-PH', 'fil', 'fil-PH'],
    ['fil', 'fil', 'fil-PH'],
    ['id-ID', 'id', 'id-ID'],
    ['ja-JP', 'ja', 'ja-JP'],
  ])('%s → %s (%s)', (tag, language, locale) => {
    expect(resolveLanguage(tag)).toEqual({ language, locale });
  });

  it.each(['zh-Hans', 'zh-CN', 'zh', 'fr', 'de-DE', 'xx-invalid-!!', '', 'en_US'])('%s is not spoken', (tag) => {
    expect(resolveLanguage(tag)).toBeNull();
  });

  it('a region-qualified lang raises no error card; an unknown language does, and speaks Japanese', () => {
    for (const tag of ['en-US', 'zh-Hant-HK', 'ko-KR']) expect(parseParams(`lang=${tag}`).problems).toEqual([]);
    const { problems, theme } = parseParams('lang=fr');
    expect(problems).toMatchObject([{ param: 'lang', value: 'fr', reason: 'is not a language the overlay speaks', fallback: 'ja' }]);
    expect(theme.lang).toBe('ja');
  });
});
