import type { ServerResponse } from 'node:http';
import type { Aggregator } from '../reactions/aggregator.ts';
import { bearerToken, tokensMatch } from '../http/auth.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { FeedRoute } from '../http/route.ts';
import { liveReport } from './report-sources.ts';
import { reportToCsv } from './report-csv.ts';

/**
 * GET /api/report.json and /api/report.csv: the audit report of the running feed, for whoever holds the
 * control or an ingest token (`Authorization: Bearer <token>`). Overlays have no business here.
 */
export function reportRoutes(tokens: readonly string[], aggregator: Aggregator): FeedRoute[] {
  const authorised = (presented: string | undefined) => tokens.reduce((ok, token) => tokensMatch(presented, token) || ok, false);
  const route = (path: string, send: (response: ServerResponse) => void): FeedRoute => ({
    method: 'GET',
    path,
    handle(request, response) {
      if (!authorised(bearerToken(request))) {
        response.setHeader('www-authenticate', 'Bearer realm="local-love report"');
        return sendError(response, 'unauthorised', 'send the control token (or an ingest token) as Authorization: Bearer <token>');
      }
      send(response);
    },
  });
  return [
    route('/api/report.json', (response) => sendJson(response, 200, liveReport(aggregator))),
    route('/api/report.csv', (response) => {
      const csv = reportToCsv(liveReport(aggregator));
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${aggregator.campaign.id}-report.csv"`,
        'content-length': Buffer.byteLength(csv),
        'cache-control': 'no-store',
      });
      response.end(csv);
    }),
  ];
}
