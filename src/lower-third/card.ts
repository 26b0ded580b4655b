import { LANGUAGES, type LocalizedText, type OnAirCard } from '../protocol/index.ts';

/** A card's content before it is taken: an on-air card without its cueId. */
export type CardContent = Omit<OnAirCard, 'cueId'>;

/** Whether two cards show the same thing (their cueIds aside). */
export function sameContent(a: CardContent, b: CardContent): boolean {
  return (
    a.rosterId === b.rosterId &&
    a.nameJa === b.nameJa &&
    a.nameLatin === b.nameLatin &&
    sameText(a.title, b.title) &&
    sameText(a.names, b.names) &&
    a.region.id === b.region.id &&
    sameText(a.region.name, b.region.name) &&
    a.photo === b.photo
  );
}

/** Whether two texts say the same in every language (and lack the same ones). */
function sameText(a: LocalizedText | undefined, b: LocalizedText | undefined): boolean {
  return LANGUAGES.every((language) => a?.[language] === b?.[language]);
}
