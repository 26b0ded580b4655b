import { beforeAll, describe, expect, it } from 'vitest';
import { loadWords, say, wordsOf } from '../../../../../src/i18n/words.ts';
import { LANGUAGES } from '../../../../../src/protocol/index.ts';
import { parseParams } from '../../../../../src/theme/parse-params.ts';
import { CARD_MAX_ENTRIES, cardContent, consoleLine } from '../../../../../src/overlay/widgets/error-card/card-text.ts';

describe('error card text', () => {
  beforeAll(() => Promise.all(LANGUAGES.map((lang) => loadWords(lang))));
  const { problems, unlistedProblems } = parseParams('preset=sunset&accent=pink&scale=9&meterstyle=bar&safe=-1');

  it('names parameter, value, what is allowed and the fallback, in the overlay language', () => {
    const en = cardContent(problems, unlistedProblems, 'en');
    expect(en.title).toBe('Check the overlay URL');
    expect(en.entries[0]).toEqual({
      heading: 'preset = “sunset”',
      reason: 'is not one of the choices',
      allowed: 'allowed: local-love | night | minimal',
      fallback: 'using: local-love',
    });
    const ja = cardContent(problems, unlistedProblems, 'ja');
    expect(ja.title).toBe('オーバーレイのURLを確認してください');
    expect(ja.entries[2]).toEqual({ heading: 'scale = “9”', reason: '2 を超えています', allowed: '指定できる値: 0.5〜2', fallback: '代わりに使用: 1' });
    const ko = cardContent(problems, unlistedProblems, 'ko');
    expect(ko.entries[0]).toEqual({ heading: 'preset = “sunset”', reason: '선택할 수 있는 값이 아닙니다', allowed: '사용 가능: local-love | night | minimal', fallback: '대신 사용: local-love' });
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('speaks %s throughout: no English sentence is left on the card', (lang) => {
    // Every kind of problem the card can show: bad values of each kind, unknown and repeated names, a fragment.
    const every = parseParams('preset=x&accent=x&scale=x&safe=99&density=-1&percent=x&widgets=x&region=X&feed=x&lang=fr&lang=en&meterstyle=x&zzz=1', '#x');
    const card = cardContent(every.problems.slice(0, 1), 0, lang);
    for (const problem of every.problems) {
      const [entry] = cardContent([problem], 0, lang).entries;
      // Each sentence differs from the English one, unless it is only what the URL may hold (`top | bottom`).
      for (const part of ['reason', 'allowed', 'fallback'] as const) {
        const verbatim = /^\{\w+\}$/.test(wordsOf('en').phrases[problem.says[part].id]);
        if (!verbatim) expect(say(problem.says[part], lang), `${problem.param} ${part}`).not.toBe(say(problem.says[part], 'en'));
        expect(entry![part]).toContain(say(problem.says[part], lang));
      }
      expect(entry!.allowed.startsWith(`${wordsOf(lang).card.allowed}: `)).toBe(true);
    }
    expect(card.title).toBe(wordsOf(lang).card.title);
    expect(cardContent(every.problems, 4, lang).more).toBe(wordsOf(lang).card.more.replace('{count}', String(every.problems.length - CARD_MAX_ENTRIES + 4)));
  });

  it('has every phrase in every language, with the same placeholders as the English one', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const lang of LANGUAGES) {
      const words = wordsOf(lang);
      expect(Object.keys(words.phrases).sort(), lang).toEqual(Object.keys(wordsOf('en').phrases).sort());
      for (const [id, text] of Object.entries(words.phrases)) {
        expect(placeholders(text), `${lang} ${id}`).toEqual(placeholders(wordsOf('en').phrases[id as keyof typeof words.phrases]));
      }
      expect(placeholders(words.marketGave), lang).toEqual(['amount', 'market']);
      expect(placeholders(words.approx), lang).toEqual(['amount']);
      expect(placeholders(words.card.more), lang).toEqual(['count']);
    }
  });

  it(`shows at most ${CARD_MAX_ENTRIES} and counts the rest, listed or not`, () => {
    const content = cardContent(problems, 7, 'en');
    expect(content.entries).toHaveLength(CARD_MAX_ENTRIES);
    expect(content.more).toBe(`${problems.length - CARD_MAX_ENTRIES + 7} more in the browser console`);
    expect(cardContent(problems.slice(0, 1), 0, 'en').more).toBeNull();
  });

  it('writes one console line per problem, in English, with everything the card says', () => {
    expect(consoleLine(problems[0]!)).toBe('URL parameter preset="sunset" is not one of the choices; allowed: local-love | night | minimal; using: local-love');
  });
});
