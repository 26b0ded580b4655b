import { hasLetterCase } from '../i18n/language-tag.ts';
import type { TextPicker } from '../i18n/pick-text.ts';
import type { Language, LocalizedText } from '../protocol/index.ts';

/** The parts of a card (roster entry, inline card or card on air) that carry words. */
export interface WordedCard {
  readonly nameJa: string;
  readonly nameLatin: string;
  readonly names?: LocalizedText | undefined;
  readonly title: LocalizedText;
  readonly region: { readonly name: LocalizedText };
}

/** What a lower third says, slot by slot (the overlay draws it; the control page previews it). */
export interface CardWords {
  /** The large name: as this language's viewers read it, else the Japanese name. */
  readonly nameJa: string;
  /** The romanised name under it, the same in every language. */
  readonly nameLatin: string;
  readonly title: string;
  /** The home region on the card's tab; in capitals where the script has them. */
  readonly region: string;
}

/**
 * A card in one language. Names do not fall back through other languages: a person's name in Korean
 * is written for Korean viewers or not at all, and then the Japanese name (with the romaji under it) is
 * the right thing to show. Title and region follow the campaign's fallback order (`pick`).
 */
export function cardWords(card: WordedCard, language: Language, locale: string, pick: TextPicker): CardWords {
  const region = pick(card.region.name, `region name of ${card.nameLatin}'s card`);
  return {
    nameJa: card.names?.[language] ?? card.nameJa,
    nameLatin: card.nameLatin,
    title: pick(card.title, `title of ${card.nameLatin}`),
    region: hasLetterCase(language) ? region.toLocaleUpperCase(locale) : region,
  };
}
