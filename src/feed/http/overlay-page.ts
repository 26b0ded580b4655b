import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CAMPAIGN_SCRIPT_ID, STATE_SCRIPT_ID, type CampaignInfo, type FeedState } from '../../protocol/index.ts';
import { loadEveryLanguage } from '../../i18n/words.ts';
import { MERGED_FONT_PATH, MergedFonts } from '../fonts/merged-fonts.ts';
import type { Middleware } from './router.ts';
import { scriptSafeJson } from './script-json.ts';

export interface OverlayPageSources {
  /** The campaign, as the socket's `campaign` event brings it. */
  readonly campaign: () => CampaignInfo;
  /**
   * The state of a region (null: the whole campaign), as the socket's snapshot brings it; of the whole
   * campaign for a region the campaign lacks, which the overlay drops at once.
   */
  readonly state?: (region: string | null) => FeedState;
  readonly log?: (message: string) => void;
}

/**
 * Serves the overlay's page (`/`, `/index.html`) with the campaign and the state of the region its URL names
 * written into it, as the `campaign` event and the snapshot would bring them: the overlay builds its meter
 * at once and draws it before its socket has answered. The elements are data (type application/json), never
 * run. With them, for the request's URL parameters, the preloads and @font-face rules of the font files the
 * overlay draws first (overlay-fonts.ts) and the preload of its dictionary (overlay-dictionary.ts): they are
 * fetched while the JavaScript loads. Anything else goes on to the static files.
 */
export function overlayPage(dir: string, { campaign: campaignInfo, state: stateOf, log = () => {} }: OverlayPageSources): OverlayPage {
  const file = join(dir, 'index.html');
  // Read once: the build does not change under a running server (an update restarts it). A page without a
  // head to write into is served as it is, by the static files.
  const read = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const page = read.includes('</head>') ? read : null;
  const mergedFonts = new MergedFonts(dir, log);
  const parts = page === null ? null : lazyParts(dir, mergedFonts, log);
  const serve: Middleware = (request, response, next) => {
    const url = request.url ?? '/';
    const queryAt = url.includes('?') ? url.indexOf('?') : url.length;
    const [path, query] = [url.slice(0, queryAt), url.slice(queryAt + 1)];
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (path.startsWith(MERGED_FONT_PATH)) return serveMergedFont(mergedFonts.file(path.slice(MERGED_FONT_PATH.length)), request.method, response, next);
    if (page === null || (path !== '/' && path !== '/index.html')) return next();
    void (parts?.() ?? Promise.resolve(null))
      .then(async (writers) => {
        const campaign = campaignInfo();
        // The fonts first: a page whose fonts are merged afresh waits for them, and its state is read after.
        const fonts = (await writers?.fonts?.(query, campaign)) ?? null;
        const state = pageState(stateOf, query, log);
        const preload = writers?.dictionary?.(query);
        const data = [
          `<script type="application/json" id="${CAMPAIGN_SCRIPT_ID}">${scriptSafeJson(campaign)}</script>`,
          ...(state ? [`<script type="application/json" id="${STATE_SCRIPT_ID}">${scriptSafeJson(state)}</script>`] : []),
          ...(preload ? [preload] : []),
        ].join('\n    ');
        const body = page.replace('</head>', `    ${fonts ? `${data}\n    ${fonts}` : data}\n  </head>`);
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
  // Prepared with the fonts of the page OBS loads without parameters, merged (fonts/merged-fonts.ts).
  const prepare = () => void parts?.().then((writers) => writers?.fonts?.('', campaignInfo()));
  return Object.assign(serve, { prepare });
}

/** A merged font's file, as immutable as the build's assets (its name is its hash); anything else goes on. */
function serveMergedFont(bytes: Uint8Array | undefined, method: string, response: ServerResponse, next: () => void): void {
  if (!bytes) return next();
  response.statusCode = 200;
  response.setHeader('content-type', 'font/ttf');
  response.setHeader('content-length', bytes.length);
  response.setHeader('cache-control', 'public, max-age=31536000, immutable');
  response.end(method === 'HEAD' ? undefined : bytes);
}

/**
 * The state for the page's `region=` (read as it is written: a region the overlay reads otherwise, from the
 * URL's hash, gets a state it sees is not its own, and waits for its socket). None for an overlay that reads
 * another feed (`feed=`). A state that cannot be had leaves the page without one: the socket brings it.
 */
function pageState(stateOf: OverlayPageSources['state'], query: string, log: (message: string) => void): FeedState | null {
  const params = new URLSearchParams(query);
  if (!stateOf || params.has('feed')) return null;
  try {
    return stateOf(params.get('region'));
  } catch (error) {
    log(`the overlay page is served without its state: ${(error as Error).message}`);
    return null;
  }
}

/** The overlay's page, and a way to make what it writes ahead of the first page asked for. */
export type OverlayPage = Middleware & { readonly prepare: () => void };

interface PartsWriters {
  readonly fonts: ((query: string, campaign: CampaignInfo) => Promise<string | null>) | null;
  readonly dictionary: ((query: string) => string) | null;
}

/**
 * The page's fonts (overlay-fonts.ts) and the preload of its dictionary (overlay-dictionary.ts), made at the
 * first page asked for, or when the server prepares them (OverlayPage.prepare), rather than at start: their
 * index (the build's manifests, every language's words, the overlay's parameter parser) costs about 100 ms,
 * which a feed restarted after a crash must not wait for before it answers. A failure leaves the pages
 * without them (the overlay then takes the stylesheets, and asks for its dictionary itself).
 */
function lazyParts(dir: string, mergedFonts: MergedFonts, log: (message: string) => void): () => Promise<PartsWriters | null> {
  let made: Promise<PartsWriters | null> | null = null;
  return () =>
    (made ??= Promise.all([import('./overlay-fonts.ts'), import('./overlay-dictionary.ts'), loadEveryLanguage()])
      // A manifest that cannot be read (a build copied half-way) fails here too, not at every page.
      .then(([{ overlayFonts }, { overlayDictionary }]) => ({ fonts: overlayFonts(dir, mergedFonts, log), dictionary: overlayDictionary(dir) }))
      .catch((error: unknown) => {
        log(`the overlay pages are served without their fonts and dictionary: ${(error as Error).message}`);
        return null;
      }));
}
