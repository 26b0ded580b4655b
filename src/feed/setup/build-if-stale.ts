import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the overlay build is made from, relative to the project root. */
export const BUILD_INPUTS = ['src', 'index.html', 'assets', 'public', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** True when dist/index.html is missing or older than any file the build reads. */
export function isBuildStale(root: string, outDir = join(root, 'dist')): boolean {
  const built = join(outDir, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > builtAt);
}

/** Builds with the project's vite.config.ts; Vite is loaded only when a build is needed. */
export async function buildOverlay(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
}
