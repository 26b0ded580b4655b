import type { ServerResponse } from 'node:http';
import type { Aggregator } from '../aggregator.ts';
import { Serial } from '../control/serial.ts';
import { bearerToken, tokensMatch } from '../http/auth.ts';
import { sendError } from '../http/respond.ts';
import type { FeedRoute } from '../http/route.ts';
import { liveReport } from '../report/report-sources.ts';
import type { FeedStore } from '../store/store.ts';
import { RECAP_SIZES, RecapLanguage, recapCard, type RecapSize } from './recap-card.ts';
import { renderRecapPngs } from './render-recap.ts';

export const RECAP_PATH = '/api/recap.png';
/** Cards kept, newest first: one per size and language of the figures now is plenty. */
const CACHE_SIZE = 6;

/**
 * GET /api/recap.png?size=1920x1080|1080x1350|1080x1920&lang=ja|en — the results card of the show so far,
 * the same one `npm run recap` writes, for the producer's token only. Rendering takes Chromium a second or
 * two, so one card renders at a time (the feed's cores are for the show) and a card is kept until the
 * figures change (the feed's seq moves).
 */
export function recapRoute(token: string, aggregator: Aggregator, store: Pick<FeedStore, 'read'>, log: (line: string) => void): FeedRoute {
  const serial = new Serial();
  const cache: { key: string; png: Buffer }[] = [];
  const render = (size: RecapSize, lang: RecapLanguage) =>
    serial.run(async () => {
      const key = `${aggregator.seq}|${size}|${lang}`;
      const cached = cache.find((entry) => entry.key === key);
      if (cached) return cached.png;
      const report = await liveReport(aggregator, store);
      const [png] = await renderRecapPngs([{ card: recapCard(report, aggregator.campaign, lang), size }]);
      cache.unshift({ key, png: png! });
      cache.length = Math.min(cache.length, CACHE_SIZE);
      return png!;
    });
  return {
    method: 'GET',
    path: RECAP_PATH,
    async handle(request, response, { url }) {
      if (!tokensMatch(bearerToken(request), token)) {
        response.setHeader('www-authenticate', 'Bearer realm="local-love control"');
        return sendError(response, 'unauthorised', 'send the producer token as Authorization: Bearer <token>');
      }
      const size = url.searchParams.get('size') ?? '1920x1080';
      if (!(RECAP_SIZES as readonly string[]).includes(size)) return sendError(response, 'bad-request', `size: must be one of ${RECAP_SIZES.join(', ')}, got "${size}"`);
      const lang = RecapLanguage.safeParse(url.searchParams.get('lang') ?? 'ja');
      if (!lang.success) return sendError(response, 'bad-request', `lang: must be ja or en, got "${url.searchParams.get('lang')}"`);
      let png: Buffer;
      try {
        png = await render(size as RecapSize, lang.data);
      } catch (error) {
        log(`recap: rendering the card failed: ${(error as Error).message}`);
        return sendError(response, 'internal', `the recap card could not be rendered: ${(error as Error).message.split('\n')[0]}`, 503);
      }
      sendPng(response, png, `${aggregator.campaign.id}-recap-${lang.data}-${size}.png`);
    },
  };
}

function sendPng(response: ServerResponse, png: Buffer, filename: string): void {
  response.writeHead(200, {
    'content-type': 'image/png',
    'content-length': png.length,
    'content-disposition': `inline; filename="${filename}"`,
    'cache-control': 'no-store',
  });
  response.end(png);
}
