/**
 * The font families a theme may use, by id. Noto Sans JP is bundled with the overlay (it has every kana and
 * kanji a lower third needs), so it is the only face we can promise on every OBS machine; `system` uses the
 * OS's own UI font and falls back to the bundled one for glyphs it lacks.
 */
export const BUNDLED_FACE = 'Noto Sans JP';

export const FONT_STACKS = {
  'noto-sans-jp': `"${BUNDLED_FACE}", sans-serif`,
  system: `system-ui, "Hiragino Sans", "Yu Gothic UI", "Segoe UI", "${BUNDLED_FACE}", sans-serif`,
} as const;

export type FontId = keyof typeof FONT_STACKS;

export const FONT_IDS = Object.keys(FONT_STACKS) as [FontId, ...FontId[]];

/**
 * The weights of the bundled face that the overlay ships (src/overlay/fonts.ts imports one stylesheet per
 * weight). A preset may only use these: any other weight would be faked by the browser, smeared and wide.
 */
export const BUNDLED_WEIGHTS = [500, 700, 800, 900] as const;
