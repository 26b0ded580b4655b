import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findBrowser } from '../../src/feed/recap/find-browser.ts';
import { buildPages } from '../../src/feed/setup/build-if-stale.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of the overlay, made once for all browser tests. */
    overlayDir: string;
    browserPath: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Finds a browser (or fails with how to get one: browser tests are never skipped quietly) and builds the
 * overlay once, with the real vite config, into a directory of its own: other builds may run at the same
 * time and must not share dist/.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browserPath = findBrowser();
  const overlayDir = await mkdtemp(join(tmpdir(), 'local-love-overlay-'));
  await buildPages(ROOT, { outDir: overlayDir });
  project.provide('overlayDir', overlayDir);
  project.provide('browserPath', browserPath);
  return () => rm(overlayDir, { recursive: true, force: true });
}
