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
 * rasterises text on a canvas once, and a font that arrives later would never show.
 */
export function loadFonts(theme: Theme, text: string): Promise<void> {
  const { regular, heavy, number } = theme.weights;
  return loadFontWeights(theme, [regular, heavy, number].map((weight) => [weight, text]));
}

/**
 * Loads each text's glyphs in its own weight only: every weight of every subset a text touches is a
 * file to fetch and decode before the first frame. A failure is logged and drawing goes on with the
 * fallback font, so the overlay is never blank.
 */
export async function loadFontWeights(theme: Theme, texts: readonly (readonly [weight: number, text: string])[]): Promise<void> {
  const byWeight = new Map<number, Set<string>>();
  for (const [weight, text] of texts) {
    const chars = byWeight.get(weight) ?? new Set<string>();
    for (const char of text) chars.add(char);
    byWeight.set(weight, chars);
  }
  try {
    // The bundled face, whatever the stack: it is the fallback for every glyph the system font lacks.
    await Promise.all([...byWeight].map(([weight, chars]) => document.fonts.load(`${weight} 32px "${theme.fontFace}"`, [...chars].join(''))));
  } catch (error) {
    console.warn(`fonts could not be loaded, drawing with the fallback font: ${(error as Error).message}`);
  }
}
