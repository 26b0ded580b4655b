import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the overlay build is made from, relative to the project root. */
export const BUILD_INPUTS = ['src', 'index.html', 'control.html', 'builder.html', 'assets', 'public', 'vite.config.ts', 'package.json'];

/** The pages the build writes into dist/: the overlay's first, the producer's control page and URL builder after it. */
const BUILT_PAGES = ['index.html', 'control.html', 'builder.html'];

/**
 * The Vite mode (`vite build --mode pages`) that builds the producer's pages into dist/ beside the overlay,
 * built alone before them (vite.config.ts).
 */
export const PAGES_BUILD_MODE = 'pages';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** True when a built page is missing or older than any file the build reads. */
export function isBuildStale(root: string, outDir = join(root, 'dist')): boolean {
  const built = BUILT_PAGES.map((page) => join(outDir, page));
  if (!built.every((page) => existsSync(page))) return true;
  const builtAt = Math.min(...built.map((page) => statSync(page).mtimeMs));
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > builtAt);
}

/**
 * Builds what `npm run build` builds into dist/ (or `outDir`) with the project's vite.config.ts: the overlay,
 * then the producer's pages beside it. Vite is loaded only when a build is needed.
 */
export async function buildPages(root: string, options: { outDir?: string; logLevel?: 'warn' | 'error' } = {}): Promise<void> {
  const { build } = await import('vite');
  const { outDir, logLevel = 'warn' } = options;
  const configFile = join(root, 'vite.config.ts');
  await build({ root, configFile, logLevel, build: outDir ? { outDir, emptyOutDir: true } : {} });
  await build({ root, configFile, logLevel, mode: PAGES_BUILD_MODE, build: outDir ? { outDir } : {} });
}
