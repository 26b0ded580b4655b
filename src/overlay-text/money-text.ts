import { MoneyFormatter } from '../donation/index.ts';
import type { Theme } from '../theme/default-theme.ts';

/**
 * Intl writes yen in Japanese as the full-width ￥, one em wide: beside Latin digits it leaves a gap that
 * reads as "￥ 7,000,000". Broadcast typography uses the half-width ¥ there.
 */
export function halfWidth(money: string): string {
  return money.replaceAll('￥', '¥');
}

/** Money as the theme wants it shown: ¥, JPY or 円 (`currencyDisplay`), in full or compact (`numbers`). */
export function moneyOf(currency: string, theme: Theme) {
  // The narrow symbol: Korean and Indonesian would write "JP¥" where the campaign's own currency is meant.
  const display = theme.numbers.currencyDisplay === 'symbol' ? 'narrowSymbol' : theme.numbers.currencyDisplay;
  const formatter = new MoneyFormatter(currency, theme.locale, { currencyDisplay: display });
  const compact = theme.numbers.notation === 'compact';
  return {
    formatter,
    amount: (minor: number) => halfWidth(compact ? formatter.formatCompactMinor(minor) : formatter.formatMinor(minor)),
  };
}

/** Amounts whose spellings, full and compact, hold every glyph a shown amount can use (万, 億, K, M, B...). */
export const GLYPH_SAMPLES = [1_234_567_890, 12_345, 1_234_567, 123_456_789_012, 9_876_543_210_987];

/** Every glyph the counting figures of `money` can use, full and compact: a glyph strip holds exactly these. */
export function moneyChars(money: ReturnType<typeof moneyOf>): string {
  return `0123456789%${GLYPH_SAMPLES.map((minor) => halfWidth(money.formatter.formatMinor(minor) + money.formatter.formatCompactMinor(minor))).join('')}`;
}
