// The weights of Noto Sans JP the theme presets use (BUNDLED_WEIGHTS in theme/fonts.ts), split by
// unicode-range: the browser fetches only the subsets whose characters we ask for below, so Japanese
// labels cost a few small files, not the whole font.
import '@fontsource/noto-sans-jp/500.css';
import '@fontsource/noto-sans-jp/700.css';
import '@fontsource/noto-sans-jp/800.css';
import '@fontsource/noto-sans-jp/900.css';
import type { Theme } from './theme/default-theme.ts';

/**
 * Loads the glyphs of `text` in every weight the theme uses, before anything is drawn with them: pixi
 * rasterises text and bitmap fonts on a canvas once, and a font that arrives later would never show.
 * A failure is logged and drawing goes on with the fallback font, so the overlay is never blank.
 */
export async function loadFonts(theme: Theme, text: string): Promise<void> {
  const unique = [...new Set(text)].join('');
  const weights = new Set([theme.weights.regular, theme.weights.heavy, theme.weights.number]);
  try {
    // The bundled face, whatever the stack: it is the fallback for every glyph the system font lacks.
    const loads = theme.fontFaces.flatMap((face) => [...weights].map((weight) => document.fonts.load(`${weight} 32px "${face}"`, unique)));
    await Promise.all(loads);
  } catch (error) {
    console.warn(`fonts could not be loaded, drawing with the fallback font: ${(error as Error).message}`);
  }
}
