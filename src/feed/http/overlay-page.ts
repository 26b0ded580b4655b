import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAMPAIGN_SCRIPT_ID, type CampaignInfo } from '../../protocol/index.ts';
import type { Middleware } from './router.ts';

/** `<` written as `\u003c`, so no text in the campaign (a name with `</script>`) can end the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Serves the overlay's page (`/`, `/index.html`) with the campaign written into it, as the `campaign` event
 * would bring it: the overlay starts its fonts and meter at once instead of after the socket's round trip.
 * The element is data (type application/json), never run. Anything else goes on to the static files.
 */
export function overlayPage(dir: string, campaignInfo: () => CampaignInfo): Middleware {
  const file = join(dir, 'index.html');
  // Read once: the build does not change under a running server (an update restarts it). A page without a
  // head to write into is served as it is, by the static files.
  const read = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const page = read.includes('</head>') ? read : null;
  return (request, response, next) => {
    const path = (request.url ?? '/').split('?')[0];
    if (page === null || (request.method !== 'GET' && request.method !== 'HEAD') || (path !== '/' && path !== '/index.html')) return next();
    const data = `<script type="application/json" id="${CAMPAIGN_SCRIPT_ID}">${scriptSafeJson(campaignInfo())}</script>`;
    const body = page.replace('</head>', `    ${data}\n  </head>`);
    response.statusCode = 200;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('content-length', Buffer.byteLength(body));
    // Always asked afresh: an old page would hold an old campaign (and an old overlay after an update).
    response.setHeader('cache-control', 'no-cache');
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
