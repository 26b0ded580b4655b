import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutTouched } from '../../../../src/feed/fonts/truetype-layout.ts';
import { mergeTrueType } from '../../../../src/feed/fonts/truetype-merge.ts';
import { readTrueType, type TrueTypeFont } from '../../../../src/feed/fonts/truetype-read.ts';
import { decodeWoff2 } from '../../../../src/feed/fonts/woff2.ts';

const require = createRequire(import.meta.url);
const files = join(dirname(require.resolve('@fontsource/noto-sans-jp/500.css')), 'files');
/** A slice of Noto Sans JP 500 as the overlay bundles it, decoded. */
const slice = async (name: string): Promise<TrueTypeFont> => readTrueType(await decodeWoff2(readFileSync(join(files, `noto-sans-jp-${name}-500-normal.woff2`))));
const code = (char: string) => char.codePointAt(0)!;

let kanjiA: TrueTypeFont;
let kanjiB: TrueTypeFont;
let kana: TrueTypeFont;
beforeAll(async () => {
  [kanjiA, kanjiB, kana] = await Promise.all([slice('77'), slice('111'), slice('119')]);
});

describe('merging TrueType slices', () => {
  it("keeps each character's outline and metrics from its own slice, under one cmap", () => {
    const merged = readTrueType(mergeTrueType([
      { font: kanjiA, codes: [code('兆')] },
      { font: kanjiB, codes: [code('万'), code('再')] },
    ]));
    expect(merged.glyphCount).toBe(4); // .notdef and three
    for (const [font, char] of [[kanjiA, '兆'], [kanjiB, '万'], [kanjiB, '再']] as const) {
      const [from, to] = [font.glyphOf(code(char)), merged.glyphOf(code(char))];
      expect(to).toBeGreaterThan(0);
      expect([...merged.glyphBytes(to).subarray(0, font.glyphBytes(from).length)]).toEqual([...font.glyphBytes(from)]);
      expect(merged.metrics(to)).toEqual(font.metrics(from));
    }
    expect(merged.glyphOf(code('あ'))).toBe(0);
    // The font-wide tables come from the first slice.
    expect(merged.table('hhea')!.getInt16(4)).toBe(kanjiA.table('hhea')!.getInt16(4));
    expect(merged.table('GPOS')).toBeUndefined();
  });

  it('names the character a slice cannot draw, and needs a slice', () => {
    expect(() => mergeTrueType([{ font: kanjiA, codes: [code('万')] }])).toThrow(/U\+4E07/);
    expect(() => mergeTrueType([])).toThrow(/no font/);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => readTrueType(new TextEncoder().encode('wOF2 not a font at all'))).toThrow(/not a TrueType font/);
  });
});

describe("the glyphs a slice's layout tables reach", () => {
  it('leaves out kanji no lookup names, and names the punctuation its kerning and trimming move', () => {
    const touched = layoutTouched(kanjiB)!;
    expect(touched).not.toBeNull();
    expect(touched.has(kanjiB.glyphOf(code('万')))).toBe(false);
    expect(touched.has(kanjiB.glyphOf(code('『')))).toBe(true);
  });

  it("names the kana slice's kana: its kerning, ligatures and contextual forms reach them", () => {
    const touched = layoutTouched(kana)!;
    expect(touched).not.toBeNull();
    for (const char of 'のをにロ') expect(touched.has(kana.glyphOf(code(char)))).toBe(true);
  });

  it('is unknown for a font with a lookup it cannot follow (a multiple substitution)', () => {
    // GSUB 1.0 whose lookup list (at 10) holds one lookup of type 2, with one subtable.
    const gsub = new DataView(new ArrayBuffer(26));
    [1, 0, 0, 0, 10, 1, 4, 2, 0, 1, 8, 1].forEach((value, index) => gsub.setUint16(index * 2, value));
    const font: TrueTypeFont = { ...kanjiA, table: (tag) => (tag === 'GSUB' ? gsub : undefined) };
    expect(layoutTouched(font)).toBeNull();
  });
});
