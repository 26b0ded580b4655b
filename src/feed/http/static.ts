import { existsSync } from 'node:fs';
import sirv from 'sirv';
import type { Middleware } from './router.ts';

/**
 * Serves the built overlay. Vite puts content-hashed files under /assets/, so those may be cached forever;
 * index.html must not be, or OBS keeps an old overlay after an update.
 */
export function staticFiles(dir: string): Middleware {
  if (!existsSync(dir)) throw new Error(`static directory ${dir} does not exist (build the overlay first: npm run build)`);
  const serve = sirv(dir, {
    dev: false,
    etag: true,
    setHeaders(response, pathname) {
      if (pathname.startsWith('/assets/')) response.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else response.setHeader('cache-control', 'no-cache');
    },
  });
  return (request, response, next) => serve(request, response, next);
}
