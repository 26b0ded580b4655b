import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { feedDevPlugin } from './src/feed/vite-plugin.ts';

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
  plugins: [feedDevPlugin()],
});
