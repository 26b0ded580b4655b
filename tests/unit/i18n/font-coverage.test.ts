import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { MoneyFormatter, ReferenceAmount } from '../../../src/donation/index.ts';
import { resolveLanguage } from '../../../src/i18n/language-tag.ts';
import { fallbackOrder, pickText } from '../../../src/i18n/pick-text.ts';
import { fill, loadWords, wordsOf } from '../../../src/i18n/words.ts';
import { BUNDLED_WEIGHTS } from '../../../src/theme/fonts.ts';
import { LANGUAGE_FACES, parseUnicodeRange, uncovered, type BundledFace, type CodeRange } from '../../../src/theme/language-fonts.ts';
import { CampaignConfig, LANGUAGES, type Language } from '../../../src/protocol/index.ts';

/**
 * No tofu: every character the overlay can draw from the sample campaign in a language (its texts in that
 * language, names, money, the dictionary) lies in the unicode-range of a face that language loads. The
 * ranges are read from the @fontsource stylesheets the overlay imports, so a face whose subsets lack a
 * character (or a language pointed at the wrong face) fails here, not on air.
 */
const require = createRequire(import.meta.url);
const campaign = CampaignConfig.parse(JSON.parse(readFileSync(new URL('../../../assets/campaigns/local-love.json', import.meta.url), 'utf8')));

function rangesOf(face: BundledFace, weight: number): CodeRange[] {
  const css = readFileSync(require.resolve(`${face.pkg}/${weight}.css`), 'utf8');
  return [...css.matchAll(/unicode-range:\s*([^;]+);/g)].flatMap(([, list]) => parseUnicodeRange(list!));
}

/** Everything a language draws from the sample campaign, as the widgets pick and format it. */
function drawnText(lang: Language): string {
  const order = fallbackOrder(lang, campaign.textFallback);
  const pick = (text: Parameters<typeof pickText>[0]) => pickText(text, order).text;
  const { locale } = resolveLanguage(lang)!;
  const money = new MoneyFormatter(campaign.currency, locale, { currencyDisplay: 'narrowSymbol' });
  const amounts = [0, 1_234_567_890, 12_345, 9_876_543_210_987].flatMap((minor) => [money.formatMinor(minor), money.formatCompactMinor(minor)]);
  const reference = ReferenceAmount.forViewer(campaign.referenceRates, campaign.currency, locale);
  const words = wordsOf(lang);
  return [
    pick(campaign.name),
    ...campaign.regions.map((region) => pick(region.name)),
    ...campaign.markets.map((market) => fill(words.marketGave, { market: pick(market.name), amount: amounts[1]! })),
    ...campaign.milestones.map((milestone) => pick(milestone.label)),
    ...campaign.roster.flatMap((entry) => [entry.names?.[lang] ?? entry.nameJa, entry.nameLatin, pick(entry.title)]),
    ...amounts,
    reference ? fill(words.approx, { amount: reference.formatMinor(1_234_567_890) }) : '',
    words.goal, words.goal.toLocaleUpperCase(locale), words.reconnecting, ...Object.values(words.card), ...Object.values(words.phrases),
    '0123456789%',
  ].join('');
}

describe('fonts cover what is shown (no tofu)', () => {
  beforeAll(() => Promise.all(LANGUAGES.map((lang) => loadWords(lang))));
  it.each(LANGUAGES)('%s: every character is in a face the language loads, in every bundled weight', (lang) => {
    const characters = drawnText(lang).replace(/\s/gu, '');
    expect(new Set(characters).size).toBeGreaterThan(30);
    for (const weight of BUNDLED_WEIGHTS) {
      const missing = [...uncovered(characters, LANGUAGE_FACES[lang].flatMap((face) => rangesOf(face, weight)))];
      expect(missing.map((char) => `${char} U+${char.codePointAt(0)!.toString(16).toUpperCase()}`), `${lang} ${weight}`).toEqual([]);
    }
  });

  it('reads unicode-ranges, wildcards included', () => {
    expect(parseUnicodeRange('U+0E01-0E5B, U+200C,U+4??')).toEqual([[0xe01, 0xe5b], [0x200c, 0x200c], [0x400, 0x4ff]]);
    expect(uncovered('aก한', [[0x61, 0x7a], [0xe01, 0xe5b]])).toBe('한');
  });

  it('would notice a face that lacks a script: Korean is not in the Thai face', () => {
    const thai = LANGUAGE_FACES.th[0]!;
    const ranges = rangesOf(thai, 700);
    expect(ranges.some(([from, to]) => 0xac00 >= from && 0xac00 <= to)).toBe(false);
  });
});
