import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_SCRIPT_ID, type CampaignInfo } from '../../protocol/index.ts';
import { loadEveryLanguage } from '../../i18n/words.ts';
import type { FontElements } from './overlay-fonts.ts';
import type { Middleware } from './router.ts';
import { scriptSafeJson } from './script-json.ts';

/**
 * Serves the overlay's page (`/`, `/index.html`) with the campaign written into it, as the `campaign` event
 * would bring it: the overlay starts its fonts and meter at once instead of after the socket's round trip.
 * The element is data (type application/json), never run. With it, for the request's URL parameters, the
 * preloads and @font-face rules of the font files the overlay draws first (overlay-fonts.ts): they are
 * fetched while the JavaScript loads. Anything else goes on to the static files.
 */
export function overlayPage(dir: string, campaignInfo: () => CampaignInfo, log: (message: string) => void = () => {}): Middleware {
  const file = join(dir, 'index.html');
  // Read once: the build does not change under a running server (an update restarts it). A page without a
  // head to write into is served as it is, by the static files.
  const read = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const page = read.includes('</head>') ? read : null;
  const fonts = page === null ? null : lazyFonts(dir, log);
  return (request, response, next) => {
    const url = request.url ?? '/';
    const queryAt = url.includes('?') ? url.indexOf('?') : url.length;
    const [path, query] = [url.slice(0, queryAt), url.slice(queryAt + 1)];
    if (page === null || (request.method !== 'GET' && request.method !== 'HEAD') || (path !== '/' && path !== '/index.html')) return next();
    void (fonts?.() ?? Promise.resolve(null))
      .then((writeFonts) => {
        const campaign = campaignInfo();
        const data = `<script type="application/json" id="${CAMPAIGN_SCRIPT_ID}">${scriptSafeJson(campaign)}</script>`;
        const written = writeFonts?.(query, campaign) ?? null;
        const head = page.replace('</head>', `    ${written ? `${data}\n    ${written.head}` : data}\n  </head>`);
        const body = written ? head.replace(/<body[^>]*>/, (tag) => `${tag}\n    ${written.body}`) : head;
        response.statusCode = 200;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.setHeader('content-length', Buffer.byteLength(body));
        // Always asked afresh: an old page would hold an old campaign (and an old overlay after an update).
        response.setHeader('cache-control', 'no-cache');
        response.end(request.method === 'HEAD' ? undefined : body);
      })
      .catch((error: unknown) => {
        log(`the overlay page could not be written: ${(error as Error).message}`);
        if (!response.headersSent) response.statusCode = 500;
        response.end();
      });
  };
}

type FontsWriter = (query: string, campaign: CampaignInfo) => FontElements | null;

/**
 * The page's fonts (overlay-fonts.ts), made at the first page asked for rather than at start: their index
 * (the build's font manifest, every language's words, the overlay's parameter parser) costs about 100 ms,
 * which a feed restarted after a crash must not wait for before it answers. A failure leaves the pages
 * without fonts (the overlay then takes the stylesheets).
 */
function lazyFonts(dir: string, log: (message: string) => void): () => Promise<FontsWriter | null> {
  let made: Promise<FontsWriter | null> | null = null;
  return () =>
    (made ??= Promise.all([import('./overlay-fonts.ts'), loadEveryLanguage()]).then(
      ([{ overlayFonts }]) => overlayFonts(dir, log),
      (error: unknown) => {
        log(`the overlay pages are served without their fonts: ${(error as Error).message}`);
        return null;
      },
    ));
}
