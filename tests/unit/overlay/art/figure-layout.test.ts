import { describe, expect, it } from 'vitest';
import { layoutFigure, type GlyphMetrics } from '../../../../src/overlay/art/figure-layout.ts';

/** Digits 10 wide, separators 4, the won sign 12 with ink reaching 1 left of its pen; 3 of padding each. */
const METRICS: Record<string, GlyphMetrics> = {
  ...Object.fromEntries([...'0123456789'].map((digit) => [digit, { advance: 10, left: 3 }])),
  ',': { advance: 4, left: 3 },
  '₩': { advance: 12, left: 4 },
};
const glyphOf = (char: string) => METRICS[char];

describe('layoutFigure', () => {
  it('places each glyph where the pen stands, less its frame\'s left margin, and measures the pen\'s travel', () => {
    const { glyphs, width } = layoutFigure('₩1,0', glyphOf);
    expect(glyphs).toEqual([
      { char: '₩', x: -4 },
      { char: '1', x: 12 - 3 },
      { char: ',', x: 22 - 3 },
      { char: '0', x: 26 - 3 },
    ]);
    expect(width).toBe(36);
  });

  it('takes characters by code point, so a sign outside the BMP is one glyph', () => {
    const wide = { '𝟘': { advance: 9, left: 0 } } as Record<string, GlyphMetrics>;
    expect(layoutFigure('𝟘𝟘', (char) => wide[char]).glyphs).toHaveLength(2);
  });

  it('leaves out a character the strip lacks instead of drawing a box, and keeps the rest in place', () => {
    const { glyphs, width } = layoutFigure('1?0', glyphOf);
    expect(glyphs.map((glyph) => glyph.char)).toEqual(['1', '0']);
    expect(width).toBe(20);
  });

  it('lays out nothing as an empty line', () => {
    expect(layoutFigure('', glyphOf)).toEqual({ glyphs: [], width: 0 });
  });
});
