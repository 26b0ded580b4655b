import { installFaceRules } from './font-styles.ts';
import type { Theme } from './theme/default-theme.ts';

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
    const loads = theme.fontFaces.flatMap((face) => [...weights].map((weight) => document.fonts.load(`${weight} 32px "${face}"`, unique)));
    await Promise.all(loads);
  } catch (error) {
    console.warn(`fonts could not be loaded, drawing with the fallback font: ${(error as Error).message}`);
  }
}
