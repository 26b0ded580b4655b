/**
 * The font families a theme may use, by id. Noto Sans JP is bundled with the overlay (it has every kana and
 * kanji a lower third needs, at every weight), so it is the only one we can promise on every OBS machine;
 * `system` uses the OS's own UI font and falls back to the bundled one for glyphs it lacks.
 */
export const FONT_STACKS = {
  'noto-sans-jp': '"Noto Sans JP", sans-serif',
  system: 'system-ui, "Hiragino Sans", "Yu Gothic UI", "Segoe UI", "Noto Sans JP", sans-serif',
} as const;

export type FontId = keyof typeof FONT_STACKS;

export const FONT_IDS = Object.keys(FONT_STACKS) as [FontId, ...FontId[]];
