import type { Language, OnAirCard } from '../../../protocol/index.ts';
import type { CardTexts } from './view.ts';

/**
 * What a card says in the overlay's language: both names always (the Japanese one large, the romaji
 * under it, for the nine markets watching), the title and home region in the overlay's language.
 * Japanese has no letter case; an English region name is set in capitals on its tab.
 */
export function cardTexts(card: OnAirCard, lang: Language): CardTexts {
  return {
    nameJa: card.nameJa,
    nameLatin: card.nameLatin,
    title: card.title[lang],
    region: lang === 'en' ? card.region.name.en.toLocaleUpperCase('en') : card.region.name.ja,
  };
}

/** Every character a card draws: the glyphs to load before it is rasterised. */
export function glyphsOf(texts: CardTexts): string {
  return [...new Set(Object.values(texts).join(''))].join('');
}
