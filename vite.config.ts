import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { feedDevPlugin } from './src/feed/dev/vite-plugin.ts';
import { FONT_MANIFEST_FILE, fontManifestOf } from './src/feed/http/font-manifest.ts';

// OBS 30 ships Chromium 103 and OBS 31 Chromium 127: build for the older one.
export const OBS_BROWSER_TARGET = 'chrome103';

export default defineConfig({
  build: {
    target: OBS_BROWSER_TARGET,
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        overlay: resolve(import.meta.dirname, 'index.html'),
        // The producer's control page (also an OBS custom dock): lower thirds, goal, test reactions.
        control: resolve(import.meta.dirname, 'control.html'),
        // The URL builder: every overlay parameter as a control, a live preview, the URL for OBS.
        builder: resolve(import.meta.dirname, 'builder.html'),
      },
    },
  },
  server: { host: '127.0.0.1' },
  // Dev only (the plugin applies to `serve`): the feed server and simulator on Vite's port.
  plugins: [feedDevPlugin(), woff2Only(), fontManifest()],
});

/**
 * @fontsource names a .woff fallback after each .woff2; every browser OBS ships loads the .woff2, so the
 * fallbacks are dropped from the style sheets and the build: 496 files and 15 MB the package need not carry.
 */
export function woff2Only(): Plugin {
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
 * The build's @font-face rules as data (`font-faces.json`, src/feed/http/font-manifest.ts): the feed server
 * writes into the overlay's page the rules and preloads of just the files the overlay draws first. Runs
 * after woff2Only, on the style sheets as they are shipped.
 */
export function fontManifest(): Plugin {
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
