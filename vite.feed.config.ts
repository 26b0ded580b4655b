import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** The Noto Sans JP weights the recap card links (src/feed/recap/recap-html.ts). */
const RECAP_FONT_WEIGHTS = ['500', '800', '900'];

/**
 * Copies those weights (their CSS and woff2 subsets) into dist-feed/fonts: @fontsource is a build-time
 * dependency, so the installed package's recap finds its fonts there (render-recap.ts).
 */
function recapFonts(): Plugin {
  return {
    name: 'recap-fonts',
    writeBundle() {
      const source = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-jp/900.css'));
      const target = join('dist-feed', 'fonts');
      mkdirSync(join(target, 'files'), { recursive: true });
      for (const weight of RECAP_FONT_WEIGHTS) {
        cpSync(join(source, `${weight}.css`), join(target, `${weight}.css`));
        for (const file of readdirSync(join(source, 'files')).filter((name) => name.endsWith(`-${weight}-normal.woff2`))) {
          cpSync(join(source, 'files', file), join(target, 'files', file));
        }
      }
    },
  };
}

/**
 * The feed's build for the package: the `local-love-overlay` command bundled from its entry point into
 * plain JavaScript for Node (dist-feed/), whatever folders its sources live in. Packages from
 * node_modules stay outside the bundle (Vite's SSR default) and are the package's run-time
 * `dependencies`; each subcommand is its own chunk, loaded when run. The recap card's fonts are copied beside it.
 */
export default defineConfig({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  plugins: [recapFonts()],
  build: {
    ssr: 'src/feed/bin.ts',
    outDir: 'dist-feed',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bin.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
