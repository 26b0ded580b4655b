import type { ServerResponse } from 'node:http';
import type { Aggregator } from '../aggregator.ts';
import { bearerToken, tokensMatch } from '../http/auth.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { FeedRoute } from '../http/route.ts';
import type { FeedStore } from '../store/store.ts';
import type { AuditReport } from './audit-report.ts';
import { liveReport } from './report-sources.ts';
import { timelineToCsv } from './timeline.ts';
import { reportToCsv } from './report-csv.ts';

/**
 * GET /api/report.json, /api/report.csv and /api/report-timeline.csv (per minute): the audit report of the running feed, for whoever holds the
 * control or an ingest token (`Authorization: Bearer <token>`). Overlays have no business here.
 */
export function reportRoutes(tokens: readonly string[], aggregator: Aggregator, store: Pick<FeedStore, 'read'>): FeedRoute[] {
  const authorised = (presented: string | undefined) => tokens.reduce((ok, token) => tokensMatch(presented, token) || ok, false);
  const route = (path: string, send: (response: ServerResponse, report: AuditReport) => void): FeedRoute => ({
    method: 'GET',
    path,
    async handle(request, response) {
      if (!authorised(bearerToken(request))) {
        response.setHeader('www-authenticate', 'Bearer realm="local-love report"');
        return sendError(response, 'unauthorised', 'send the control token (or an ingest token) as Authorization: Bearer <token>');
      }
      send(response, await liveReport(aggregator, store));
    },
  });
  const csv = (name: string, toCsv: (report: AuditReport) => string) => (response: ServerResponse, report: AuditReport) => {
    const text = toCsv(report);
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${aggregator.campaign.id}-${name}.csv"`,
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    response.end(text);
  };
  return [
    route('/api/report.json', (response, report) => sendJson(response, 200, report)),
    route('/api/report.csv', csv('report', reportToCsv)),
    route('/api/report-timeline.csv', csv('timeline', (report) => timelineToCsv(report.timeline))),
  ];
}
