import { installFaceRules } from './font-styles.ts';
import { pageCovers } from './page-fonts.ts';
import { charsByWeight, type WeightedText } from '../overlay-text/weighted-text.ts';
import { parseUnicodeRange, uncovered, type CodeRange } from '../theme/language-fonts.ts';
import type { Theme } from '../theme/default-theme.ts';

/**
 * Loads the glyphs of `text` in every weight the theme uses (for texts whose weight is not known up front,
 * like a lower third's lines in three weights). See loadFontWeights.
 */
export function loadFonts(theme: Theme, text: string): Promise<void> {
  const { regular, heavy, number } = theme.weights;
  return loadFontWeights(theme, [regular, heavy, number].map((weight) => [weight, text]));
}

/**
 * At boot, before the campaign is known, while the feed connects: the stylesheets of the weights the meter
 * is set in, and the digits in the number weight (the figures' subset), so the meter's own loads find
 * most of what they need already there. Nothing, on a page that the feed server wrote these fonts into.
 */
export function prefetchFonts(theme: Theme): void {
  const { regular, heavy, number } = theme.weights;
  void loadFontWeights(theme, [
    [number, '0123456789,.%'],
    [heavy, ''],
    [regular, ''],
  ]);
}

/**
 * Loads each text's glyphs in its own weight only, from the bundled faces of the language on screen
 * (theme/language-fonts.ts), before anything is drawn with them: pixi rasterises text on a canvas once, and
 * a font that arrives later would never show. Every face, weight and unicode-range subset a text touches is
 * a file to fetch and decode before the first frame, so only those are asked for: the language's faces
 * (their stylesheets installed per weight), the weights the texts are set in, the subsets of the characters
 * shown. A failure is logged and drawing goes on with the fallback font, so the overlay is never blank.
 */
export async function loadFontWeights(theme: Theme, texts: readonly WeightedText[]): Promise<void> {
  const byWeight = charsByWeight(texts);
  try {
    // A weight whose characters the page's own rules hold (written by the feed server, files preloaded)
    // needs no stylesheet: 26-54 KiB each, fetched and parsed before a glyph could be asked for.
    const covered = await Promise.all([...byWeight].map(([weight, chars]) => pageCovers(theme, weight, chars)));
    await installFaceRules(theme.fontFaces, [...byWeight.keys()].filter((_weight, index) => !covered[index]));
    // The bundled faces, whatever the stack: they are the fallback for every glyph the system font lacks.
    // Each face after the first is asked only for what the faces before it do not cover: a Chinese title
    // must not fetch Noto Sans JP's kanji as well.
    const loads = [...byWeight].flatMap(([weight, chars]) => {
      let wanted = [...chars].join('');
      const covered: CodeRange[] = [];
      return theme.fontFaces.map((face, index) => {
        const load = wanted.length > 0 ? document.fonts.load(`${weight} 32px "${face}"`, wanted) : Promise.resolve([]);
        // What the last face covers matters to no face after it.
        if (index < theme.fontFaces.length - 1 && wanted.length > 0) {
          covered.push(...declaredRanges(face, weight));
          wanted = uncovered(wanted, covered);
        }
        return load;
      });
    });
    await Promise.all(loads);
  } catch (error) {
    console.warn(`fonts could not be loaded, drawing with the fallback font: ${(error as Error).message}`);
  }
}

/**
 * Each rule's unicode-range, parsed once: a CJK face declares over a hundred subsets of hundreds of spans
 * each, and every load of every widget asks again (parsing them all each time cost 25-50 ms at boot).
 */
const parsedRanges = new WeakMap<FontFace, CodeRange[]>();

/** The unicode-ranges the page's @font-face rules declare for one face and weight. */
function declaredRanges(family: string, weight: number): CodeRange[] {
  const ranges: CodeRange[] = [];
  document.fonts.forEach((face) => {
    if (face.family.replace(/^["']|["']$/g, '') !== family || face.weight !== String(weight)) return;
    let parsed = parsedRanges.get(face);
    if (!parsed) parsedRanges.set(face, (parsed = parseUnicodeRange(face.unicodeRange)));
    ranges.push(...parsed);
  });
  return ranges;
}
