import { PAGE_FONTS_SCRIPT_ID, PageFonts, describeZodError } from '../protocol/index.ts';
import type { Theme } from '../theme/default-theme.ts';

let written: PageFonts | null | undefined;
/** Per family and weight, whether the page's merged font loaded (false: its characters need the stylesheet). */
const mergedLoads = new Map<string, Promise<boolean>>();

/**
 * The PageFonts the feed server wrote into the page, or null (the Vite dev server, `feed=`, a saved page).
 * Read once; its merged fonts are added to the page then, and start loading (their files were preloaded).
 */
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
  written = parsed?.success ? parsed.data : null;
  for (const font of written?.merged ?? []) mergedLoads.set(`${font.family}\n${font.weight}`, addMergedFont(font));
  return written;
}

/**
 * A font that merges subset files of one face and weight (feed/fonts/merged-fonts.ts), added by script: such
 * a FontFace wins over every @font-face rule, so the face's stylesheet, installed later for other
 * characters, never takes these back to files the page did not load.
 */
async function addMergedFont({ family, weight, url, unicodeRange }: NonNullable<PageFonts['merged']>[number]): Promise<boolean> {
  try {
    const face = new FontFace(family, `url("${url}") format("truetype")`, { weight: String(weight), unicodeRange, display: 'swap' });
    document.fonts.add(face);
    await face.load();
    return true;
  } catch (error) {
    console.warn(`the page's merged font ${url} could not be loaded, taking the stylesheet: ${(error as Error).message}`);
    return false;
  }
}

/**
 * Whether the page's own fonts, written by the feed server for this theme's faces, hold every character
 * of `chars` in `weight`: then the face's whole stylesheet is not needed to draw them, and its files were
 * preloaded with the page (feed/http/overlay-fonts.ts). Not when a merged font of that weight failed.
 */
export async function pageCovers(theme: Theme, weight: number, chars: ReadonlySet<string>): Promise<boolean> {
  const fonts = pageFonts();
  const listed = fonts?.glyphs[String(weight)];
  if (!fonts || listed === undefined || fonts.faces.join('\n') !== theme.fontFaces.join('\n')) return false;
  const covered = new Set(listed);
  if (![...chars].every((char) => covered.has(char))) return false;
  const loads = theme.fontFaces.flatMap((family) => mergedLoads.get(`${family}\n${weight}`) ?? []);
  return (await Promise.all(loads)).every(Boolean);
}
