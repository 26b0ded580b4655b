import type { IncomingHttpHeaders } from 'node:http';
import { sendError } from './respond.ts';
import type { FeedRoute } from './route.ts';

/**
 * The origin allow-list for the routes that change or reveal something (control, ingest, report).
 * A request without an `Origin` header does not come from a web page (curl, a Stream Deck, an ingest
 * bridge): its token decides. A page's request is allowed only from the feed's own origin or one listed
 * in ALLOWED_ORIGINS, so a foreign page holding a leaked token still cannot use it from a browser.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowed: ReadonlySet<string>): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  const host = headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/** `ALLOWED_ORIGINS=https://a.example,http://localhost:5173` as normalised origins; throws naming a bad entry. */
export function parseAllowedOrigins(text: string | undefined): string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((entry) => {
    const trimmed = entry.trim();
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new Error(`"${trimmed}" is not an origin such as https://studio.example:8443`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== trimmed.replace(/\/$/, '')) {
      throw new Error(`"${trimmed}" must be scheme://host[:port] with nothing after it (got ${url.origin} + more)`);
    }
    return url.origin;
  });
}

/** The routes, each refusing a page from a foreign origin with 403 before anything else (token included). */
export function guardOrigins(routes: readonly FeedRoute[], allowed: ReadonlySet<string>): FeedRoute[] {
  return routes.map((route) => ({
    ...route,
    handle(request, response, context) {
      if (!originAllowed(request.headers, allowed)) {
        request.resume();
        return sendError(response, 'unauthorised', `origin ${String(request.headers.origin).slice(0, 100)} may not call ${route.path}: add it to ALLOWED_ORIGINS`, 403);
      }
      return route.handle(request, response, context);
    },
  }));
}
