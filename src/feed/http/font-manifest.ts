/**
 * The overlay build's @font-face rules as data, written beside the build (`font-faces.json`, by the Vite
 * plugin in vite.config.ts) so the feed server can write into the overlay's page just the rules, and the
 * preloads, of the font files the overlay draws first (overlay-fonts.ts). A unicode-range is stored once
 * for all the weights of a face that share it.
 */
export interface FontManifest {
  readonly ranges: readonly string[];
  readonly faces: readonly ManifestFace[];
}

export interface ManifestFace {
  readonly family: string;
  readonly weight: number;
  readonly style: string;
  /** The woff2 file's URL, exactly as the build's stylesheet has it: the same file, cached once. */
  readonly url: string;
  /** Index into `ranges`. */
  readonly range: number;
}

export const FONT_MANIFEST_FILE = 'font-faces.json';

/** `Noto Sans JP` from `"Noto Sans JP"`, `'Noto Sans JP'` or the minifier's bare `Noto Sans JP`. */
function unquoted(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}

/** The @font-face rules of these stylesheets with a woff2 source, a weight and a unicode-range. */
export function fontManifestOf(stylesheets: Iterable<string>): FontManifest {
  const ranges: string[] = [];
  const rangeIndex = new Map<string, number>();
  const faces: ManifestFace[] = [];
  for (const css of stylesheets) {
    for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const declarations = new Map<string, string>();
      for (const declaration of body!.split(';')) {
        const colon = declaration.indexOf(':');
        if (colon > 0) declarations.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
      }
      const url = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(declarations.get('src') ?? '')?.[1];
      const family = declarations.get('font-family');
      const weight = Number(declarations.get('font-weight'));
      const range = declarations.get('unicode-range')?.replace(/\s+/g, '');
      if (!url || !family || !Number.isInteger(weight) || !range) continue;
      if (!rangeIndex.has(range)) rangeIndex.set(range, ranges.push(range) - 1);
      faces.push({ family: unquoted(family), weight, style: declarations.get('font-style') ?? 'normal', url, range: rangeIndex.get(range)! });
    }
  }
  return { ranges, faces };
}
