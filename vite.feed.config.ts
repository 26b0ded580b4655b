import { defineConfig } from 'vite';

/**
 * The feed's build for the package: the `local-love-overlay` command bundled from its entry point into
 * plain JavaScript for Node (dist-feed/), whatever folders its sources live in. Packages from
 * node_modules stay outside the bundle (Vite's SSR default) and are the package's run-time
 * `dependencies`; each subcommand is its own chunk, loaded when run.
 */
export default defineConfig({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/feed/bin.ts',
    outDir: 'dist-feed',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bin.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
