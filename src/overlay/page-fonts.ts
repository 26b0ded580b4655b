import { PAGE_FONTS_SCRIPT_ID, PageFonts, describeZodError } from '../protocol/index.ts';
import type { Theme } from '../theme/default-theme.ts';

let written: PageFonts | null | undefined;

/** The PageFonts the feed server wrote into the page, or null (the Vite dev server, `feed=`, a saved page). */
function pageFonts(): PageFonts | null {
  if (written !== undefined) return written;
  const text = document.getElementById(PAGE_FONTS_SCRIPT_ID)?.textContent;
  let parsed: ReturnType<typeof PageFonts.safeParse> | null = null;
  try {
    parsed = text ? PageFonts.safeParse(JSON.parse(text)) : null;
  } catch {
    // Not JSON: as if there were none; the stylesheets are installed as without a written page.
  }
  if (parsed && !parsed.success) console.warn(`ignored the page's fonts:\n${describeZodError(parsed.error)}`);
  return (written = parsed?.success ? parsed.data : null);
}

/**
 * Whether the page's own @font-face rules, written by the feed server for this theme's faces, hold every
 * character of `chars` in `weight`: then the face's whole stylesheet is not needed to draw them, and its
 * files were preloaded with the page (feed/http/overlay-fonts.ts).
 */
export function pageCovers(theme: Theme, weight: number, chars: ReadonlySet<string>): boolean {
  const fonts = pageFonts();
  const listed = fonts?.glyphs[String(weight)];
  if (!fonts || listed === undefined || fonts.faces.join('\n') !== theme.fontFaces.join('\n')) return false;
  const covered = new Set(listed);
  return [...chars].every((char) => covered.has(char));
}
