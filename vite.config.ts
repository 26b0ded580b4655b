import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { resolve } from 'node:path';
import { feedDevPlugin } from './src/feed/dev/vite-plugin.ts';
import { DICTIONARY_MANIFEST_FILE, dictionaryManifestOf } from './src/feed/http/dictionary-manifest.ts';
import { FONT_MANIFEST_FILE, fontManifestOf } from './src/feed/http/font-manifest.ts';
import { PIXI_CUTS } from './scripts/build/pixi-cuts.ts';
import { PAGES_BUILD_MODE } from './src/feed/setup/build-if-stale.ts';

// OBS 30 ships Chromium 103 and OBS 31 Chromium 127: build for the older one.
export const OBS_BROWSER_TARGET = 'chrome103';

const ROOT = import.meta.dirname;
/** Where and for which browser both builds write. */
const BUILD_TARGET = { target: OBS_BROWSER_TARGET, outDir: 'dist' } as const;
/** Both builds' plugins. The feed's applies only to `serve` (dev): the feed server and simulator on Vite's port. */
const SHARED_PLUGINS = () => [feedDevPlugin(), woff2Only(), dependencyCuts()];

/**
 * Two builds into one dist/: `vite build` makes the overlay alone, and `vite build --mode pages` the
 * producer's control page (also an OBS custom dock) and the URL builder beside it. Built in one go, the
 * pages' code shared with the overlay cut the overlay's start into six modules; alone it loads three (its
 * own, pixi's and its language's dictionary). In paired fresh loads that put it on air 13-40 ms sooner
 * while the machine was loaded, and made no difference on a quiet one.
 */
export default defineConfig(({ mode }): UserConfig =>
  mode === PAGES_BUILD_MODE
    ? {
        build: {
          ...BUILD_TARGET,
          // The overlay, built first, is already there.
          emptyOutDir: false,
          rollupOptions: { input: { control: resolve(ROOT, 'control.html'), builder: resolve(ROOT, 'builder.html') } },
        },
        plugins: SHARED_PLUGINS(),
      }
    : {
        build: {
          ...BUILD_TARGET,
          emptyOutDir: true,
          rollupOptions: { input: { overlay: resolve(ROOT, 'index.html') } },
        },
        server: { host: '127.0.0.1' },
        // The manifests describe the overlay's files, for the feed server's page (src/feed/http/).
        plugins: [...SHARED_PLUGINS(), fontManifest(), dictionaryManifest()],
      },
);

/**
 * @fontsource names a .woff fallback after each .woff2; every browser OBS ships loads the .woff2, so the
 * fallbacks are dropped from the style sheets and the build: 496 files and 15 MB the package need not carry.
 */
function woff2Only(): Plugin {
  return {
    name: 'local-love:woff2-only',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (fileName.endsWith('.woff')) delete bundle[fileName];
        else if (output.type === 'asset' && fileName.endsWith('.css') && typeof output.source === 'string') {
          output.source = output.source.replace(/,\s*url\([^)]+\.woff\)\s*format\(["']woff["']\)/g, '');
        }
      }
    },
  };
}

/**
 * Code our pages import but never run, left out of the build by cutting the lines that register or call it
 * (`remove`), or by putting a plain value or a clear error in place of a call (`replace`). Each cut is matched
 * exactly: if an update of the package rewrites them, the build fails here, to be looked at, rather than
 * quietly shipping the code again.
 */
export interface DependencyCut {
  file: RegExp;
  remove?: readonly string[];
  replace?: readonly (readonly [text: string, by: string])[];
}

const DEPENDENCY_CUTS: readonly DependencyCut[] = PIXI_CUTS;

/** Applies DEPENDENCY_CUTS (about 26 KiB gzip of the overlay's start). */
function dependencyCuts(): Plugin {
  return {
    name: 'local-love:dependency-cuts',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const cut = DEPENDENCY_CUTS.find((candidate) => candidate.file.test(id));
      if (!cut) return null;
      let trimmed = code;
      for (const [text, by] of [...(cut.remove ?? []).map((text) => [text, ''] as const), ...(cut.replace ?? [])]) {
        const found = trimmed.split(text).length - 1;
        if (found !== 1) throw new Error(`${id} holds ${JSON.stringify(text)} ${found} times, not once: the package changed, see DEPENDENCY_CUTS`);
        trimmed = trimmed.replace(text, () => by);
      }
      return { code: trimmed, map: null };
    },
  };
}

/**
 * The build's @font-face rules as data (`font-faces.json`, src/feed/http/font-manifest.ts): the feed server
 * writes into the overlay's page the rules and preloads of just the files the overlay draws first. Runs
 * after woff2Only, on the style sheets as they are shipped.
 */
function fontManifest(): Plugin {
  return {
    name: 'local-love:font-manifest',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const sheets = Object.values(bundle).flatMap((output) =>
        output.type === 'asset' && output.fileName.endsWith('.css') && typeof output.source === 'string' ? [output.source] : [],
      );
      this.emitFile({ type: 'asset', fileName: FONT_MANIFEST_FILE, source: JSON.stringify(fontManifestOf(sheets)) });
    },
  };
}

/** Writes which file holds each language's dictionary (src/feed/http/dictionary-manifest.ts), for the feed's page. */
function dictionaryManifest(): Plugin {
  return {
    name: 'local-love:dictionary-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [output] : []));
      this.emitFile({ type: 'asset', fileName: DICTIONARY_MANIFEST_FILE, source: JSON.stringify(dictionaryManifestOf(chunks)) });
    },
  };
}
