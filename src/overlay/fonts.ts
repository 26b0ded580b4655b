import { installFaceRules } from './font-styles.ts';
import { parseUnicodeRange, uncovered, type CodeRange } from '../theme/language-fonts.ts';
import type { Theme } from '../theme/default-theme.ts';

/**
 * Loads the glyphs of `text` in every weight the theme uses, from the bundled faces of the language on
 * screen (theme/language-fonts.ts), before anything is drawn with them: pixi rasterises text and bitmap
 * fonts on a canvas once, and a font that arrives later would never show. The faces are split by
 * unicode-range, so only the subset files holding these characters are fetched.
 * A failure is logged and drawing goes on with the fallback font, so the overlay is never blank.
 */
export async function loadFonts(theme: Theme, text: string): Promise<void> {
  const unique = [...new Set(text)].join('');
  const weights = new Set([theme.weights.regular, theme.weights.heavy, theme.weights.number]);
  try {
    await installFaceRules(theme.fontFaces, weights);
    // The bundled faces, whatever the stack: they are the fallback for every glyph the system font lacks.
    // Each face after the first is asked only for what the faces before it do not cover: a Chinese title
    // must not fetch Noto Sans JP's kanji as well.
    const loads = [...weights].flatMap((weight) => {
      let wanted = unique;
      const covered: CodeRange[] = [];
      return theme.fontFaces.map((face) => {
        const load = wanted.length > 0 ? document.fonts.load(`${weight} 32px "${face}"`, wanted) : Promise.resolve([]);
        covered.push(...declaredRanges(face, weight));
        wanted = uncovered(wanted, covered);
        return load;
      });
    });
    await Promise.all(loads);
  } catch (error) {
    console.warn(`fonts could not be loaded, drawing with the fallback font: ${(error as Error).message}`);
  }
}

/** The unicode-ranges the page's @font-face rules declare for one face and weight. */
function declaredRanges(family: string, weight: number): CodeRange[] {
  const ranges: CodeRange[] = [];
  document.fonts.forEach((face) => {
    if (face.family.replace(/^["']|["']$/g, '') === family && face.weight === String(weight)) ranges.push(...parseUnicodeRange(face.unicodeRange));
  });
  return ranges;
}
