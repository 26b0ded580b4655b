/**
 * How a line of text is made to fit its box without clipping a glyph. Japanese television first sets a
 * long name condensed (長体, narrower glyphs at full height) down to `maxCondense`, which keeps it as
 * large as possible; only a name longer still is then also scaled down as a whole.
 */
export interface TextFit {
  readonly scaleX: number;
  readonly scaleY: number;
}

/** Narrowest condensing before the whole line shrinks: beyond 80 % kana and kanji start to look crushed. */
export const MAX_CONDENSE = 0.8;

export function fitToWidth(naturalWidth: number, maxWidth: number, maxCondense = MAX_CONDENSE): TextFit {
  if (!(naturalWidth > maxWidth) || maxWidth <= 0) return { scaleX: 1, scaleY: 1 };
  const ratio = maxWidth / naturalWidth;
  if (ratio >= maxCondense) return { scaleX: ratio, scaleY: 1 };
  return { scaleX: ratio, scaleY: ratio / maxCondense };
}
