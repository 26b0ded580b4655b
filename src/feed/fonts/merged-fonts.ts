import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTrueType, type TrueTypeFont } from './truetype-read.ts';
import { layoutTouched } from './truetype-layout.ts';
import { mergeTrueType, type GlyphSource } from './truetype-merge.ts';
import { decodeWoff2 } from './woff2.ts';

/** Where the merged fonts are served (overlay-page.ts), by the hash of their bytes: cached forever. */
export const MERGED_FONT_PATH = '/fonts/merged/';

/** Some characters of one woff2 slice of a face and weight (its URL in the build). */
export interface SliceUse {
  readonly url: string;
  readonly chars: string;
}

/** One font file made of several slices' glyphs: what the page declares (with a FontFace) and preloads. */
export interface MergedFont {
  readonly url: string;
  /** The slices whose characters it draws instead. */
  readonly slices: readonly string[];
  /** The characters it draws: its FontFace's unicode-range. */
  readonly chars: string;
}

/** Merged fonts and decoded slices kept: a campaign's pages need a few fonts (a weight and language each). */
const KEPT_FONTS = 64;
const KEPT_SLICES = 512;

/**
 * The fonts that merge a page's CJK slices. Google Fonts cut a CJK face into about a hundred slices by how
 * often its characters are used, so a title of twenty kanji takes a dozen files per weight, each a fetch
 * and a decode before the first frame. A merged font holds the page's characters of every slice whose
 * layout tables do not reach them (truetype-layout.ts); the others (kana, with their kerning and
 * ligatures) keep their slice.
 *
 * With them it holds the face's hinting references (autohint-references.ts, given by the caller): the
 * hinter then measures it as it measures the whole face, so every ideograph of the page is snapped alike,
 * where each slice was snapped by whichever of those characters it happened to hold.
 *
 * A merge decodes its slices once (about 2 ms each, 30 ms for the decoder's first) and is kept; a slice
 * that cannot be read or merged is logged, and its page takes the slices themselves.
 */
export class MergedFonts {
  private readonly made = new Map<string, Promise<MergedFont | null>>();
  private readonly files = new Map<string, Uint8Array>();
  private readonly slices = new Map<string, Promise<DecodedSlice>>();

  constructor(
    private readonly dir: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The merged font of these slices of one face and weight, with these references; null if none is worth it. */
  merged(slices: readonly SliceUse[], references: readonly SliceUse[]): Promise<MergedFont | null> {
    const key = [...slices, { url: '', chars: '' }, ...references].map((slice) => `${slice.url}\n${slice.chars}`).join('\n');
    let made = this.made.get(key);
    if (!made) {
      this.made.set(key, (made = this.make(slices, references)));
      forgetOldest(this.made, KEPT_FONTS);
    }
    return made;
  }

  /** A merged font's bytes by its file name, or undefined for one this server did not make. */
  file(name: string): Uint8Array | undefined {
    return this.files.get(name);
  }

  private async make(slices: readonly SliceUse[], references: readonly SliceUse[]): Promise<MergedFont | null> {
    try {
      const sources: (GlyphSource & { url: string })[] = [];
      for (const slice of slices) {
        const { font, touched } = await this.decoded(slice.url);
        const codes = codesOf(slice.chars);
        // Only characters no layout table of their slice reaches move: they are drawn the same anywhere.
        if (touched && codes.every((code) => font.glyphOf(code) !== 0 && !touched.has(font.glyphOf(code)))) sources.push({ font, codes, url: slice.url });
      }
      if (sources.length < 2) return null;
      const drawn = new Set(sources.flatMap((source) => source.codes));
      const measured = await Promise.all(
        references.map(async (slice) => {
          const { font } = await this.decoded(slice.url);
          // A slice's unicode-range may name a character its font lacks: a reference is measured only if there.
          return { font, codes: codesOf(slice.chars).filter((code) => !drawn.has(code) && font.glyphOf(code) !== 0) };
        }),
      );
      const bytes = mergeTrueType([...sources, ...measured.filter((source) => source.codes.length > 0)]);
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.ttf`;
      this.files.set(name, bytes);
      forgetOldest(this.files, KEPT_FONTS);
      return { url: `${MERGED_FONT_PATH}${name}`, slices: sources.map((source) => source.url), chars: String.fromCodePoint(...drawn) };
    } catch (error) {
      this.log(`the font slices ${slices.map((slice) => slice.url).join(', ')} could not be merged: ${(error as Error).message}`);
      return null;
    }
  }

  /** A slice read once for every merge it is in, with the glyphs its layout tables reach. */
  private decoded(url: string): Promise<DecodedSlice> {
    let slice = this.slices.get(url);
    if (!slice) {
      slice = readFile(join(this.dir, url))
        .then(decodeWoff2)
        .then(readTrueType)
        .then((font) => ({ font, touched: layoutTouched(font) }));
      this.slices.set(url, slice);
      forgetOldest(this.slices, KEPT_SLICES);
    }
    return slice;
  }
}

interface DecodedSlice {
  readonly font: TrueTypeFont;
  readonly touched: ReadonlySet<number> | null;
}

function codesOf(chars: string): number[] {
  return [...chars].map((char) => char.codePointAt(0)!);
}

function forgetOldest(map: Map<string, unknown>, kept: number): void {
  for (const key of map.keys()) {
    if (map.size <= kept) return;
    map.delete(key);
  }
}
