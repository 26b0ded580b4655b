import { hasLetterCase } from '../i18n/language-tag.ts';
import { textPicker } from '../i18n/pick-text.ts';
import { wordsOf } from '../i18n/words.ts';
import type { CampaignInfo } from '../protocol/index.ts';
import type { OverlayParams } from '../theme/params-schema.ts';
import type { Theme } from '../theme/theme.ts';
import { meterGlyphs } from './meter-texts.ts';
import type { WeightedText } from './weighted-text.ts';

/** The region an overlay shows (`region=`): null when the campaign lacks it (the overlay then shows the whole campaign). */
export function regionShown(campaign: CampaignInfo, region: string | null): string | null {
  return region !== null && campaign.regions.some((candidate) => candidate.id === region) ? region : null;
}

/** The market whose line the meter adds (`market=`): null when the campaign lacks it (the error card says so). */
export function marketShown(campaign: CampaignInfo, market: string | null): string | null {
  return market !== null && campaign.markets.some((candidate) => candidate.id === market) ? market : null;
}

/** The stale-feed sign's words, in capitals where the theme sets labels so and the script has case. */
export function staleSignLabel(theme: Theme): string {
  const words = wordsOf(theme.lang).reconnecting;
  return theme.labels.uppercase && hasLetterCase(theme.lang) ? words.toLocaleUpperCase(theme.locale) : words;
}

/**
 * What an overlay with these parameters draws first, each text in its weight: the meter (when it is one of
 * the widgets) and the stale-feed sign, both built at boot. The feed server preloads the font files of
 * these glyphs with the page, so they arrive while the overlay's JavaScript loads.
 */
export function startGlyphs(params: OverlayParams, theme: Theme, campaign: CampaignInfo): WeightedText[] {
  const glyphs: WeightedText[] = [[theme.weights.regular, staleSignLabel(theme)]];
  if (!params.widgets.includes('meter')) return glyphs;
  const text = textPicker(theme.lang, campaign.textFallback, () => {});
  const context = { campaign, lang: theme.lang, text, region: regionShown(campaign, params.region), market: marketShown(campaign, params.market), theme };
  return [...meterGlyphs(context), ...glyphs];
}
