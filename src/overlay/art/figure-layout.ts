/** What laying out a line needs to know of a glyph, in stage units. */
export interface GlyphMetrics {
  /** How far the pen moves past it. */
  readonly advance: number;
  /** How far its frame starts left of the pen. */
  readonly left: number;
}

export interface PlacedGlyph {
  readonly char: string;
  /** Where its frame's left edge goes, from the line's start. */
  readonly x: number;
}

/**
 * Places `text` glyph after glyph on one line, as a figure of sprites shows it. A character without a glyph
 * is left out rather than drawn as a box: the strip holds every character the formatter can write, so this
 * only happens to a formatter that changed under us, and the figure then still reads.
 */
export function layoutFigure(text: string, glyphOf: (char: string) => GlyphMetrics | undefined): { glyphs: PlacedGlyph[]; width: number } {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const char of text) {
    const glyph = glyphOf(char);
    if (!glyph) continue;
    glyphs.push({ char, x: pen - glyph.left });
    pen += glyph.advance;
  }
  return { glyphs, width: pen };
}
