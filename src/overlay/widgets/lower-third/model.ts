import type { CardTexts } from './view.ts';

/** Every character a card draws: the glyphs to load before it is rasterised. */
export function glyphsOf(texts: CardTexts): string {
  return [...new Set(Object.values(texts).join(''))].join('');
}
