import type { OnAirCard } from '../protocol/index.ts';

/** A card's content before it is taken: an on-air card without its cueId. */
export type CardContent = Omit<OnAirCard, 'cueId'>;

/** Whether two cards show the same thing (their cueIds aside). */
export function sameContent(a: CardContent, b: CardContent): boolean {
  return (
    a.rosterId === b.rosterId &&
    a.nameJa === b.nameJa &&
    a.nameLatin === b.nameLatin &&
    a.title.ja === b.title.ja &&
    a.title.en === b.title.en &&
    a.region.id === b.region.id &&
    a.region.name.ja === b.region.name.ja &&
    a.region.name.en === b.region.name.en &&
    a.photo === b.photo
  );
}
