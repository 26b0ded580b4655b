import type { TrueTypeFont } from './truetype-read.ts';

/**
 * The glyphs a font's layout tables (GSUB, GPOS) can change or look at: the coverage of every lookup, the
 * second glyphs of its kerning pairs, the components of its ligatures, every glyph of a contextual
 * lookup's context. A glyph outside it is drawn the same in any font that has its outline and metrics, so
 * it may move to a merged font (truetype-merge.ts) beside glyphs of other slices without a pixel changing.
 * Null when the font has a lookup whose reach this does not follow: then every glyph may change.
 */
export function layoutTouched(font: TrueTypeFont): Set<number> | null {
  const touched = new Set<number>();
  const positions = font.table('GPOS');
  const substitutions = font.table('GSUB');
  const readable =
    (!positions || eachSubtable(positions, 9, (type, table, at) => touchPositioning(type, table, at, touched))) &&
    (!substitutions || eachSubtable(substitutions, 7, (type, table, at) => touchSubstitution(type, table, at, touched)));
  return readable ? touched : null;
}

/** Single (1) and pair (2) adjustments, and coverage-based contexts (7 and 8, format 3). */
function touchPositioning(type: number, table: DataView, at: number, touched: Set<number>): boolean {
  if (type === 1) return touchCoverage(table, at + table.getUint16(at + 2), touched);
  if (type === 2) return touchPairs(table, at, touched);
  if (type === 7) return touchContext(table, at, touched);
  if (type === 8) return touchChainedContext(table, at, touched);
  return false;
}

/** Single substitutions (1), ligatures (4), and coverage-based contexts (5 and 6, format 3). */
function touchSubstitution(type: number, table: DataView, at: number, touched: Set<number>): boolean {
  if (type === 1) return touchCoverage(table, at + table.getUint16(at + 2), touched);
  if (type === 4) return touchLigatures(table, at, touched);
  if (type === 5) return touchContext(table, at, touched);
  if (type === 6) return touchChainedContext(table, at, touched);
  return false;
}

/** Calls `visit` with each lookup subtable (unwrapping extensions); false as soon as a visit is. */
function eachSubtable(table: DataView, extensionType: number, visit: (type: number, table: DataView, at: number) => boolean): boolean {
  const lookups = table.getUint16(8);
  for (let lookup = 0; lookup < table.getUint16(lookups); lookup++) {
    const at = lookups + table.getUint16(lookups + 2 + lookup * 2);
    for (let subtable = 0; subtable < table.getUint16(at + 4); subtable++) {
      let type = table.getUint16(at);
      let start = at + table.getUint16(at + 6 + subtable * 2);
      if (type === extensionType) {
        type = table.getUint16(start + 2);
        start += table.getUint32(start + 4);
      }
      if (!visit(type, table, start)) return false;
    }
  }
  return true;
}

/** A pair adjustment: its first glyphs, and every glyph it pairs them with. */
function touchPairs(table: DataView, at: number, touched: Set<number>): boolean {
  if (!touchCoverage(table, at + table.getUint16(at + 2), touched)) return false;
  const format = table.getUint16(at);
  if (format === 2) return touchClasses(table, at + table.getUint16(at + 10), touched);
  if (format !== 1) return false;
  const recordSize = 2 + 2 * (bitCount(table.getUint16(at + 4)) + bitCount(table.getUint16(at + 6)));
  for (let set = 0; set < table.getUint16(at + 8); set++) {
    const pairs = at + table.getUint16(at + 10 + set * 2);
    for (let pair = 0; pair < table.getUint16(pairs); pair++) touched.add(table.getUint16(pairs + 2 + pair * recordSize));
  }
  return true;
}

/** A ligature substitution: its first glyphs and the other components of every ligature. */
function touchLigatures(table: DataView, at: number, touched: Set<number>): boolean {
  if (table.getUint16(at) !== 1 || !touchCoverage(table, at + table.getUint16(at + 2), touched)) return false;
  for (let set = 0; set < table.getUint16(at + 4); set++) {
    const ligatures = at + table.getUint16(at + 6 + set * 2);
    for (let ligature = 0; ligature < table.getUint16(ligatures); ligature++) {
      const start = ligatures + table.getUint16(ligatures + 2 + ligature * 2);
      for (let component = 1; component < table.getUint16(start + 2); component++) touched.add(table.getUint16(start + 2 + component * 2));
    }
  }
  return true;
}

/** A context of coverages (format 3): every glyph of each. Glyph and class contexts are not followed. */
function touchContext(table: DataView, at: number, touched: Set<number>): boolean {
  if (table.getUint16(at) !== 3) return false;
  // format, glyph count, lookup count, then the coverages
  for (let index = 0; index < table.getUint16(at + 2); index++) if (!touchCoverage(table, at + table.getUint16(at + 6 + index * 2), touched)) return false;
  return true;
}

/** A chained context of coverages (format 3): its backtrack, input and lookahead coverages. */
function touchChainedContext(table: DataView, at: number, touched: Set<number>): boolean {
  if (table.getUint16(at) !== 3) return false;
  let list: number | null = at + 2;
  for (let sequence = 0; sequence < 3 && list !== null; sequence++) list = touchCoverages(table, at, list, touched);
  return list !== null;
}

/** A count, then as many coverage offsets from `base`: touches each; where the list ends, or null. */
function touchCoverages(table: DataView, base: number, list: number, touched: Set<number>): number | null {
  const count = table.getUint16(list);
  for (let index = 0; index < count; index++) if (!touchCoverage(table, base + table.getUint16(list + 2 + index * 2), touched)) return null;
  return list + 2 + count * 2;
}

function touchCoverage(table: DataView, at: number, touched: Set<number>): boolean {
  const format = table.getUint16(at);
  const count = table.getUint16(at + 2);
  if (format === 1) for (let index = 0; index < count; index++) touched.add(table.getUint16(at + 4 + index * 2));
  else if (format === 2) for (let range = 0; range < count; range++) addRange(table, at + 4 + range * 6, touched);
  else return false;
  return true;
}

/** The glyphs a class definition puts in a class other than 0 (class 0 is every glyph it does not name). */
function touchClasses(table: DataView, at: number, touched: Set<number>): boolean {
  const format = table.getUint16(at);
  if (format === 1) {
    const first = table.getUint16(at + 2);
    for (let index = 0; index < table.getUint16(at + 4); index++) if (table.getUint16(at + 6 + index * 2) !== 0) touched.add(first + index);
  } else if (format === 2) {
    for (let range = 0; range < table.getUint16(at + 2); range++) if (table.getUint16(at + 8 + range * 6) !== 0) addRange(table, at + 4 + range * 6, touched);
  } else return false;
  return true;
}

function addRange(table: DataView, at: number, touched: Set<number>): void {
  for (let glyph = table.getUint16(at); glyph <= table.getUint16(at + 2); glyph++) touched.add(glyph);
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest; rest &= rest - 1) count++;
  return count;
}
