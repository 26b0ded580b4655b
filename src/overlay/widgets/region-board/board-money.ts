import { MoneyFormatter } from '../../../donation/index.ts';
import type { CampaignInfo, Language } from '../../../protocol/index.ts';
import type { Theme } from '../../theme/default-theme.ts';
import type { BoardMoney } from './region-board.ts';

/** Amounts whose spellings, full and compact, hold every glyph a shown amount can use. */
const GLYPH_SAMPLES = [1_234_567_890, 12_345, 1_234_567, 123_456_789_012];

/** The board writes money as the meter does: the theme's notation and currency display, half-width ¥. */
export function boardMoney(campaign: CampaignInfo, lang: Language, theme: Theme): BoardMoney {
  const formatter = new MoneyFormatter(campaign.currency, lang, { currencyDisplay: theme.numbers.currencyDisplay });
  const compact = theme.numbers.notation === 'compact';
  const write = (minor: number) => (compact ? formatter.formatCompactMinor(minor) : formatter.formatMinor(minor)).replaceAll('￥', '¥');
  return {
    amount: write,
    chars: `0123456789${GLYPH_SAMPLES.map((minor) => (formatter.formatMinor(minor) + formatter.formatCompactMinor(minor)).replaceAll('￥', '¥')).join('')}`,
  };
}
