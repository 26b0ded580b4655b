import { z } from './zod.ts';

/**
 * What the feed server wrote into the overlay's page about fonts (feed/http/overlay-fonts.ts): beside
 * `<link rel=preload>` for the font files and the @font-face rules of just those files, the characters per
 * weight those rules were chosen for. The overlay loads a text from those rules alone, without the face's
 * whole stylesheet, only when every character of it is listed for its weight and the faces are its own
 * (overlay/page-fonts.ts); anything else takes the stylesheets, as without a written page.
 */
export const PageFonts = z.object({
  /** The bundled faces the rules were chosen from, first choice first (the theme's `fontFaces`). */
  faces: z.array(z.string()),
  /** Weight (as a string key) to every character the rules cover in that weight. */
  glyphs: z.record(z.string(), z.string()),
  /**
   * Fonts that merge several subset files of one face and weight (feed/fonts/merged-fonts.ts), each to be
   * added as a FontFace for just its characters; the page has no rules for the files they replace.
   */
  merged: z.optional(z.array(z.object({ family: z.string(), weight: z.number().check(z.int()), url: z.string(), unicodeRange: z.string() }))),
});
export type PageFonts = z.infer<typeof PageFonts>;

/** The id of the element that holds the PageFonts (JSON) in the overlay's page. */
export const PAGE_FONTS_SCRIPT_ID = 'local-love-fonts';
