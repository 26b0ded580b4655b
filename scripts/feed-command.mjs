#!/usr/bin/env node
/**
 * `npm start` and the feed's other npm scripts in a clone: the bundled command (dist-feed/bin.js, what the
 * installed package runs), rebuilt first when it is missing or older than its sources. So what a developer
 * or a supervisor starts from the repository starts as fast as the package: no TypeScript compiled at run
 * time (tsx cost 0.4-0.8 s of every start). Plain JavaScript: it must run before anything is built.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist-feed', 'bin.js');
/** What the feed's bundle is made from (vite.feed.config.ts). */
const FEED_INPUTS = ['src', 'package.json', 'vite.feed.config.ts'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (FEED_INPUTS.some((input) => newestMtime(join(root, input)) > builtAt)) {
  console.error('Building the feed (dist-feed/ is missing or older than its sources)...');
  const { build } = await import('vite');
  // The config's paths are relative to the repository, where npm runs its scripts.
  process.chdir(root);
  await build({ configFile: join(root, 'vite.feed.config.ts'), logLevel: 'warn' });
}
await import(pathToFileURL(bundle).href);
