import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGlyphs } from '../../overlay-text/start-glyphs.ts';
import { charsByWeight, type WeightedText } from '../../overlay-text/weighted-text.ts';
import { PAGE_FONTS_SCRIPT_ID, type CampaignInfo, type PageFonts } from '../../protocol/index.ts';
import { parseUnicodeRange, type CodeRange } from '../../theme/language-fonts.ts';
import { parseParams } from '../../theme/parse-params.ts';
import { scriptSafeJson } from './script-json.ts';
import { FONT_MANIFEST_FILE, type FontManifest, type ManifestFace } from './font-manifest.ts';
import { HINTING_REFERENCES } from '../fonts/autohint-references.ts';
import type { MergedFonts, SliceUse } from '../fonts/merged-fonts.ts';

interface Face extends ManifestFace {
  readonly spans: readonly CodeRange[];
  /** Its place among the build's rules. */
  readonly at: number;
}

/** A rule chosen for a page, and the page's characters it draws. */
export interface ChosenFace extends ManifestFace {
  readonly chars: string;
}

/** The rules to write for one page, and what they were chosen for. */
export interface ChosenFonts {
  readonly faces: readonly ChosenFace[];
  readonly page: PageFonts;
}

/**
 * Which of the build's @font-face rules hold a character, per face and weight. Each character is looked up
 * once (a face has up to 124 subsets of long range lists) and kept: the page is written at every load, on
 * the overlay's critical path, and its characters are mostly the same from one load to the next.
 */
export class FaceIndex {
  private readonly faces = new Map<string, Face[]>();
  private readonly found = new Map<string, readonly Face[]>();

  constructor({ ranges, faces }: FontManifest) {
    const spans = ranges.map(parseUnicodeRange);
    faces.forEach((face, at) => {
      const key = `${face.family}\n${face.weight}`;
      this.faces.set(key, [...(this.faces.get(key) ?? []), { ...face, spans: spans[face.range] ?? [], at }]);
    });
  }

  /** The characters of `chars` that `family` has in `weight`, by the slice that draws them. */
  slicesOf(family: string, weight: number, chars: string): SliceUse[] {
    const bySlice = new Map<string, string>();
    for (const char of chars) {
      const url = this.drawing(family, weight, char)?.url;
      if (url) bySlice.set(url, (bySlice.get(url) ?? '') + char);
    }
    return [...bySlice].map(([url, chars]) => ({ url, chars }));
  }

  /**
   * Of the rules holding `char`, the one the browser draws it from: the last defined (CSS Fonts: overlapping
   * unicode-ranges are tried from the last rule). The others would only be fetched and decoded.
   */
  drawing(family: string, weight: number, char: string): Face | undefined {
    return this.holding(family, weight, char).reduce<Face | undefined>((last, face) => (last && last.at > face.at ? last : face), undefined);
  }

  /** The rules of `family` in `weight` whose unicode-range holds `char` (none: the face lacks it). */
  holding(family: string, weight: number, char: string): readonly Face[] {
    const key = `${family}\n${weight}\n${char}`;
    let faces = this.found.get(key);
    if (faces === undefined) {
      const code = char.codePointAt(0)!;
      faces = (this.faces.get(`${family}\n${weight}`) ?? []).filter((face) => face.spans.some(([from, to]) => code >= from && code <= to));
      this.found.set(key, faces);
    }
    return faces;
  }
}

/**
 * The @font-face rules of the files that draw `glyphs`, per weight: each character from the first face in
 * `families` whose ranges hold it (as the overlay's loader asks, overlay/fonts.ts), and of that face's
 * subsets holding it, only the one defined last. That is the one the browser draws it from (CSS Fonts:
 * overlapping unicode-ranges are tried from the last rule); the others would only be fetched and decoded.
 * Noto Sans JP's Latin letters and digits are in its latin file and in up to a dozen numbered slices:
 * an English meter takes 3 files instead of 14.
 */
export function chooseFonts(index: FaceIndex, families: readonly string[], glyphs: readonly WeightedText[]): ChosenFonts {
  const chosen = new Map<Face, string>();
  const glyphsByWeight: Record<string, string> = {};
  for (const [weight, chars] of charsByWeight(glyphs)) {
    glyphsByWeight[String(weight)] = [...chars].join('');
    for (const char of chars) {
      const face = families.map((family) => index.drawing(family, weight, char)).find((face) => face !== undefined);
      if (face) chosen.set(face, (chosen.get(face) ?? '') + char);
    }
  }
  // In the build's order, so that the browser tries them as it would the whole stylesheet.
  const faces = [...chosen].sort(([a], [b]) => a.at - b.at).map(([{ family, weight, style, url, range }, chars]) => ({ family, weight, style, url, range, chars }));
  return { faces, page: { faces: [...families], glyphs: glyphsByWeight } };
}

/**
 * The page's fonts with the slices of each face and weight merged into one file (fonts/merged-fonts.ts):
 * its preload, and a FontFace for the overlay to add (overlay/page-fonts.ts), in place of the merged
 * slices' preloads and rules. A font added by script wins over every @font-face rule, so the stylesheets
 * the overlay installs later (for a lower third's names, say) never take its characters back. Each merged
 * font also holds the face's hinting references (fonts/autohint-references.ts), from their own slices.
 */
export async function mergeSlices(index: FaceIndex, { faces, page }: ChosenFonts, fonts: MergedFonts): Promise<ChosenFonts> {
  const groups = new Map<string, ChosenFace[]>();
  for (const face of faces) {
    const key = `${face.family}\n${face.weight}`;
    const group = groups.get(key);
    if (group) group.push(face);
    else groups.set(key, [face]);
  }
  const merged: NonNullable<PageFonts['merged']> = [];
  const replaced = new Set<string>();
  for (const group of groups.values()) {
    const { family, weight } = group[0]!;
    const font = group.length > 1 ? await fonts.merged(group, index.slicesOf(family, weight, HINTING_REFERENCES)) : null;
    if (!font) continue;
    font.slices.forEach((url) => replaced.add(url));
    merged.push({ family, weight, url: font.url, unicodeRange: unicodeRangeOf(font.chars) });
  }
  return merged.length === 0 ? { faces, page } : { faces: faces.filter((face) => !replaced.has(face.url)), page: { ...page, merged } };
}

function unicodeRangeOf(chars: string): string {
  return [...chars].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`).join(',');
}

/**
 * The head's elements for chosen fonts: preloads (fetched at once, while the JavaScript loads), the chosen
 * @font-face rules, and the PageFonts they were chosen for.
 *
 * The preloads are fetched at low priority: the browser opens six connections to a server, and the page's
 * dozen files queued for them; the scripts, run about 200 ms before the meter asks for its fonts, then came
 * 30 ms sooner on a loaded machine (on air 12-32 ms sooner, 24 paired fresh loads, twice; no difference on a
 * quiet one).
 *
 * Nothing lays the glyphs out ahead of the overlay: a hidden copy of them made the browser decode every file
 * while the scripts were still to run, which delayed the first frame by 35-40 ms more than decoding them when
 * the meter asks for them does.
 */
export function fontElements({ faces, page }: ChosenFonts, ranges: readonly string[]): string {
  const preloads = [
    ...faces.map((face) => `<link rel="preload" href="${face.url}" as="font" type="font/woff2" crossorigin fetchpriority="low">`),
    ...(page.merged ?? []).map((font) => `<link rel="preload" href="${font.url}" as="font" type="font/ttf" crossorigin fetchpriority="low">`),
  ];
  const rules = faces.map(
    (face) =>
      `@font-face{font-family:"${face.family}";font-style:${face.style};font-display:swap;font-weight:${face.weight};src:url(${face.url}) format("woff2");unicode-range:${ranges[face.range]}}`,
  );
  return [...preloads, `<style>${rules.join('')}</style>`, `<script type="application/json" id="${PAGE_FONTS_SCRIPT_ID}">${scriptSafeJson(page)}</script>`].join('\n    ');
}

/**
 * The fonts part of the overlay's page (overlay-page.ts) for a build in `dir`: for a request's query, the
 * head elements that fetch the font files of what the overlay draws first (overlay-text/start-glyphs.ts)
 * while its JavaScript loads, with the URL parameters read by the overlay's own parser. Null for a build
 * without the manifest (the overlay then loads its fonts from the stylesheets alone). Writes nothing for
 * an overlay that reads another feed (`feed=`): its campaign is not this one.
 */
export function overlayFonts(dir: string, merged: MergedFonts, log: (message: string) => void): ((query: string, campaign: CampaignInfo) => Promise<string | null>) | null {
  const file = join(dir, FONT_MANIFEST_FILE);
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as FontManifest;
  const index = new FaceIndex(manifest);
  return async (query, campaign) => {
    try {
      const { params, theme } = parseParams(query, '');
      if (params.feed !== null) return null;
      return fontElements(await mergeSlices(index, chooseFonts(index, theme.fontFaces, startGlyphs(params, theme, campaign)), merged), manifest.ranges);
    } catch (error) {
      // A page without them still works: the overlay then installs the stylesheets, as before.
      log(`the overlay page is served without its fonts: ${(error as Error).message}`);
      return null;
    }
  };
}
