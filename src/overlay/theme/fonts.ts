import type { Language } from '../../protocol/index.ts';
import { LANGUAGE_FACES, faceStack } from './language-fonts.ts';

/**
 * The font families a theme may use, by id. `noto-sans-jp` stands for "the bundled Noto faces of the
 * language on screen" (language-fonts.ts): Noto Sans JP for Japanese, Noto Sans KR for Korean and so on,
 * the only faces we can promise on every OBS machine. `system` uses the OS's own UI font first and falls
 * back to the bundled faces for glyphs it lacks.
 */
export const FONT_IDS = ['noto-sans-jp', 'system'] as const;
export type FontId = (typeof FONT_IDS)[number];

const SYSTEM_UI = 'system-ui, "Hiragino Sans", "Yu Gothic UI", "Segoe UI"';

/** The CSS font stack of a font id in a language. */
export function fontStack(font: FontId, language: Language): string {
  return font === 'system' ? `${SYSTEM_UI}, ${faceStack(language)}` : faceStack(language);
}

/** The bundled faces of a language, whose glyphs must be loaded before pixi rasterises text (src/overlay/fonts.ts). */
export function bundledFamilies(language: Language): string[] {
  return LANGUAGE_FACES[language].map((face) => face.family);
}

/**
 * The weights of the bundled faces that the overlay ships (src/overlay/fonts.ts loads one stylesheet per
 * weight). A preset may only use these: any other weight would be faked by the browser, smeared and wide.
 */
export const BUNDLED_WEIGHTS = [500, 700, 800, 900] as const;
