import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../../../src/overlay/theme/parse-params.ts';
import { CARD_MAX_ENTRIES, cardContent, consoleLine } from '../../../../../src/overlay/widgets/error-card/card-text.ts';

describe('error card text', () => {
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
    expect(ja.entries[2]).toMatchObject({ heading: 'scale = “9”', allowed: '指定できる値: 0.5 to 2', fallback: '代わりに使用: 1' });
  });

  it(`shows at most ${CARD_MAX_ENTRIES} and counts the rest, listed or not`, () => {
    const content = cardContent(problems, 7, 'en');
    expect(content.entries).toHaveLength(CARD_MAX_ENTRIES);
    expect(content.more).toBe(`${problems.length - CARD_MAX_ENTRIES + 7} more in the browser console`);
    expect(cardContent(problems.slice(0, 1), 0, 'en').more).toBeNull();
  });

  it('writes one console line per problem with everything the card says', () => {
    expect(consoleLine(problems[0]!)).toBe('URL parameter preset="sunset" is not one of the choices; allowed: local-love | night | minimal; using: local-love');
  });
});
