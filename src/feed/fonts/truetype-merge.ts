import type { TrueTypeFont } from './truetype-read.ts';

/** Some characters, and the font (one slice of a face) that draws them. */
export interface GlyphSource {
  readonly font: TrueTypeFont;
  readonly codes: readonly number[];
}

// Composite glyph flags (OpenType glyf table).
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_X_AND_Y_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;

interface Glyph {
  readonly bytes: Uint8Array;
  readonly advance: number;
  readonly leftSideBearing: number;
}

/**
 * One TrueType font with the glyphs of these characters, each taken from its own source: the slices of one
 * face and weight (Google Fonts cuts a CJK face into about a hundred) become one file. The first source
 * gives the font-wide tables (head, hhea, OS/2, name, prep, gasp): the slices of a face share them. The
 * layout tables (GSUB, GPOS) are left out: their lookups name glyphs of their own slice only, so the caller
 * gives only characters none of them reaches (truetype-layout.ts).
 */
export function mergeTrueType(sources: readonly GlyphSource[]): Uint8Array {
  const first = sources[0]?.font;
  if (!first) throw new Error('no font to merge glyphs from');
  const glyphs: Glyph[] = [copyGlyph(first, 0, new Map(), [])];
  const cmap = new Map<number, number>();
  for (const { font, codes } of sources) {
    const placed = new Map<number, number>([[0, 0]]);
    for (const code of codes) {
      const glyph = font.glyphOf(code);
      if (glyph === 0) throw new Error(`the font for U+${code.toString(16).toUpperCase()} has no glyph for it`);
      cmap.set(code, place(font, glyph, placed, glyphs));
    }
  }
  const codes = [...cmap.keys()].sort((a, b) => a - b);
  const glyf = concat(glyphs.map((glyph) => padded(glyph.bytes)));
  const loca = new DataView(new ArrayBuffer((glyphs.length + 1) * 4));
  glyphs.reduce((offset, glyph, index) => (loca.setUint32(index * 4, offset), offset + padded(glyph.bytes).length), 0);
  loca.setUint32(glyphs.length * 4, glyf.length);
  const hmtx = new DataView(new ArrayBuffer(glyphs.length * 4));
  glyphs.forEach((glyph, index) => (hmtx.setUint16(index * 4, glyph.advance), hmtx.setInt16(index * 4 + 2, glyph.leftSideBearing)));

  const head = copied(first, 'head');
  head.setUint32(8, 0); // checkSumAdjustment, set once the font is whole
  head.setInt16(50, 1); // long loca offsets
  const maxp = copied(first, 'maxp');
  for (const { font } of sources) for (let at = 6; at + 2 <= maxp.byteLength; at += 2) maxp.setUint16(at, Math.max(maxp.getUint16(at), font.table('maxp')!.getUint16(at)));
  maxp.setUint16(4, glyphs.length);
  const hhea = copied(first, 'hhea');
  hhea.setUint16(10, Math.max(...glyphs.map((glyph) => glyph.advance)));
  hhea.setUint16(34, glyphs.length);
  const os2 = copied(first, 'OS/2');
  os2.setUint16(64, Math.min(codes[0]!, 0xffff));
  os2.setUint16(66, Math.min(codes.at(-1)!, 0xffff));
  const post = copied(first, 'post', 32);
  post.setUint32(0, 0x00030000); // no glyph names

  const tables = new Map<string, Uint8Array>([
    ['OS/2', bytesOf(os2)],
    ['cmap', cmapTable(codes.map((code) => [code, cmap.get(code)!]))],
    ['glyf', glyf],
    ['head', bytesOf(head)],
    ['hhea', bytesOf(hhea)],
    ['hmtx', bytesOf(hmtx)],
    ['loca', bytesOf(loca)],
    ['maxp', bytesOf(maxp)],
    ['name', bytesOf(copied(first, 'name'))],
    ['post', bytesOf(post)],
  ]);
  for (const tag of ['gasp', 'prep', 'cvt ', 'fpgm']) if (first.table(tag)) tables.set(tag, bytesOf(copied(first, tag)));
  return sfnt(tables);
}

/** Places a glyph (and, for a composite, its components first) in the merged font once; its new index. */
function place(font: TrueTypeFont, glyph: number, placed: Map<number, number>, glyphs: Glyph[]): number {
  const known = placed.get(glyph);
  if (known !== undefined) return known;
  const copy = copyGlyph(font, glyph, placed, glyphs);
  placed.set(glyph, glyphs.length);
  return glyphs.push(copy) - 1;
}

function copyGlyph(font: TrueTypeFont, glyph: number, placed: Map<number, number>, glyphs: Glyph[]): Glyph {
  const bytes = font.glyphBytes(glyph).slice();
  const view = new DataView(bytes.buffer);
  // A composite glyph (negative contour count) names its components by index: renumber them.
  if (bytes.length >= 10 && view.getInt16(0) < 0) {
    for (let at = 10, flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
      flags = view.getUint16(at);
      view.setUint16(at + 2, place(font, view.getUint16(at + 2), placed, glyphs));
      at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
      at += flags & HAS_SCALE ? 2 : flags & HAS_X_AND_Y_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0;
    }
  }
  return { bytes, ...font.metrics(glyph) };
}

/** A cmap with a format 4 subtable (BMP, platform 3.1) and a format 12 one (every plane, 3.10). */
function cmapTable(mapping: readonly [code: number, glyph: number][]): Uint8Array {
  const bmp = mapping.filter(([code]) => code <= 0xffff);
  // Format 4: one segment per character, then the closing 0xFFFF segment.
  const segments = bmp.length + 1;
  const format4 = new DataView(new ArrayBuffer(16 + segments * 8));
  const power = 2 ** Math.floor(Math.log2(segments));
  [4, format4.byteLength, 0, segments * 2, power * 2, Math.log2(power), (segments - power) * 2].forEach((value, index) => format4.setUint16(index * 2, value));
  const ends = 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  [...bmp, [0xffff, 1] as const].forEach(([code, glyph], segment) => {
    format4.setUint16(ends + segment * 2, code);
    format4.setUint16(starts + segment * 2, code);
    format4.setUint16(deltas + segment * 2, (glyph - code) & 0xffff);
  });
  const format12 = new DataView(new ArrayBuffer(16 + mapping.length * 12));
  format12.setUint16(0, 12);
  format12.setUint32(4, format12.byteLength);
  format12.setUint32(12, mapping.length);
  mapping.forEach(([code, glyph], group) => [code, code, glyph].forEach((value, field) => format12.setUint32(16 + group * 12 + field * 4, value)));
  const header = new DataView(new ArrayBuffer(4 + 2 * 8));
  header.setUint16(2, 2);
  [[3, 1, header.byteLength], [3, 10, header.byteLength + format4.byteLength]].forEach(([platform, encoding, offset], record) => {
    header.setUint16(4 + record * 8, platform!);
    header.setUint16(6 + record * 8, encoding!);
    header.setUint32(8 + record * 8, offset!);
  });
  return concat([bytesOf(header), bytesOf(format4), bytesOf(format12)]);
}

/** The font file: table directory, then each table 4-byte aligned, checksums set (OpenType's sfnt layout). */
function sfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const header = new DataView(new ArrayBuffer(12 + tags.length * 16));
  header.setUint32(0, 0x00010000);
  [tags.length, power * 16, Math.log2(power), (tags.length - power) * 16].forEach((value, index) => header.setUint16(4 + index * 2, value));
  let offset = header.byteLength;
  tags.forEach((tag, record) => {
    const table = tables.get(tag)!;
    const at = 12 + record * 16;
    for (let char = 0; char < 4; char++) header.setUint8(at + char, tag.charCodeAt(char));
    header.setUint32(at + 4, checksum(table));
    header.setUint32(at + 8, offset);
    header.setUint32(at + 12, table.length);
    offset += padded(table).length;
  });
  const font = concat([bytesOf(header), ...tags.map((tag) => padded(tables.get(tag)!))]);
  const headAt = new DataView(font.buffer).getUint32(12 + tags.indexOf('head') * 16 + 8);
  new DataView(font.buffer).setUint32(headAt + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}

function checksum(bytes: Uint8Array): number {
  const words = padded(bytes);
  const view = new DataView(words.buffer, words.byteOffset, words.byteLength);
  let sum = 0;
  for (let at = 0; at < words.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}

function padded(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 4 === 0) return bytes;
  const copy = new Uint8Array(bytes.length + 4 - (bytes.length % 4));
  copy.set(bytes);
  return copy;
}

/** A writable copy of a table, `length` bytes long (the table's own length by default). */
function copied(font: TrueTypeFont, tag: string, length?: number): DataView {
  const table = font.table(tag);
  if (!table) throw new Error(`the font has no ${tag} table`);
  const copy = new Uint8Array(length ?? table.byteLength);
  copy.set(new Uint8Array(table.buffer, table.byteOffset, Math.min(copy.length, table.byteLength)));
  return new DataView(copy.buffer);
}

function bytesOf(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (whole.set(part, at), at + part.length), 0);
  return whole;
}
