/**
 * Reading a TrueType font (an sfnt with `glyf` outlines, as the bundled woff2 files hold once decompressed):
 * its tables, which glyph a character maps to, a glyph's bytes and metrics. Only what merging fonts needs
 * (truetype-merge.ts); a font that is not what it should be throws an error that says what is wrong.
 */
export interface TrueTypeFont {
  /** A table's bytes, or undefined when the font has none. */
  table(tag: string): DataView | undefined;
  readonly glyphCount: number;
  /** The glyph of a character in the font's Unicode cmap, or 0 (.notdef) when it has none. */
  glyphOf(code: number): number;
  /** A glyph's outline as the `glyf` table holds it (empty for a glyph without one, like a space). */
  glyphBytes(glyph: number): Uint8Array;
  /** A glyph's advance width and left side bearing (`hmtx`). */
  metrics(glyph: number): { advance: number; leftSideBearing: number };
}

export function readTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0) !== 0x00010000) throw new Error('not a TrueType font (its sfnt version is not 1.0)');
  const tables = new Map<string, DataView>();
  for (let record = 0; record < view.getUint16(4); record++) {
    const at = 12 + record * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const [offset, length] = [view.getUint32(at + 8), view.getUint32(at + 12)];
    if (offset + length > bytes.byteLength) throw new Error(`its ${tag} table runs past the end of the file`);
    tables.set(tag, new DataView(bytes.buffer, bytes.byteOffset + offset, length));
  }
  const required = (tag: string) => {
    const table = tables.get(tag);
    if (!table) throw new Error(`it has no ${tag} table`);
    return table;
  };
  const [head, maxp, hhea, hmtx, loca, glyf] = ['head', 'maxp', 'hhea', 'hmtx', 'loca', 'glyf'].map(required) as [DataView, ...DataView[]];
  const glyphCount = maxp!.getUint16(4);
  const longOffsets = head.getInt16(50) === 1;
  const offsetOf = (glyph: number) => (longOffsets ? loca!.getUint32(glyph * 4) : loca!.getUint16(glyph * 2) * 2);
  const longMetrics = hhea!.getUint16(34);
  const glyphOf = unicodeCmap(required('cmap'));
  const checked = (glyph: number) => {
    if (!Number.isInteger(glyph) || glyph < 0 || glyph >= glyphCount) throw new Error(`it has no glyph ${glyph} (it has ${glyphCount})`);
    return glyph;
  };
  return {
    table: (tag) => tables.get(tag),
    glyphCount,
    glyphOf,
    glyphBytes(glyph) {
      const [from, to] = [offsetOf(checked(glyph)), offsetOf(glyph + 1)];
      return new Uint8Array(glyf!.buffer, glyf!.byteOffset + from, to - from);
    },
    metrics(glyph) {
      checked(glyph);
      const last = Math.min(glyph, longMetrics - 1);
      const leftSideBearing = glyph < longMetrics ? hmtx!.getInt16(glyph * 4 + 2) : hmtx!.getInt16(longMetrics * 4 + (glyph - longMetrics) * 2);
      return { advance: hmtx!.getUint16(last * 4), leftSideBearing };
    },
  };
}

/** Character to glyph, from the cmap's Windows Unicode subtable: full repertoire (format 12) or BMP (format 4). */
function unicodeCmap(cmap: DataView): (code: number) => number {
  const subtables = new Map<string, number>();
  for (let record = 0; record < cmap.getUint16(2); record++) {
    const at = 4 + record * 8;
    subtables.set(`${cmap.getUint16(at)}.${cmap.getUint16(at + 2)}`, cmap.getUint32(at + 4));
  }
  const full = subtables.get('3.10');
  if (full !== undefined && cmap.getUint16(full) === 12) {
    const groups = cmap.getUint32(full + 12);
    return (code) => {
      for (let group = 0; group < groups; group++) {
        const at = full + 16 + group * 12;
        if (code >= cmap.getUint32(at) && code <= cmap.getUint32(at + 4)) return cmap.getUint32(at + 8) + code - cmap.getUint32(at);
      }
      return 0;
    };
  }
  const bmp = subtables.get('3.1') ?? subtables.get('0.3');
  if (bmp === undefined || cmap.getUint16(bmp) !== 4) throw new Error('its cmap has no Unicode subtable of format 4 or 12');
  const segments = cmap.getUint16(bmp + 6) / 2;
  const ends = bmp + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let segment = 0; segment < segments; segment++) {
      if (code > cmap.getUint16(ends + segment * 2)) continue;
      const start = cmap.getUint16(starts + segment * 2);
      if (code < start) return 0;
      const delta = cmap.getUint16(deltas + segment * 2);
      const rangeOffset = cmap.getUint16(rangeOffsets + segment * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = cmap.getUint16(rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
