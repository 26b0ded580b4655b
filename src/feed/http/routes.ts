import { unknownPlace } from '../../protocol/index.ts';
import type { FeedRoute } from './route.ts';
import { sendError, sendJson } from './respond.ts';

/** GET /healthz: liveness for process managers and tests. */
export const healthRoute: FeedRoute = {
  method: 'GET',
  path: '/healthz',
  handle(_request, response, { aggregator }) {
    sendJson(response, 200, { ok: true, campaignId: aggregator.campaign.id, seq: aggregator.seq });
  },
};

/** GET /api/state?region=ID: the same FeedState a socket subscriber gets (whole campaign without `region`). */
export const stateRoute: FeedRoute = {
  method: 'GET',
  path: '/api/state',
  handle(_request, response, { url, aggregator }) {
    const region = url.searchParams.get('region');
    if (region !== null && !aggregator.hasRegion(region)) {
      return sendError(response, 'bad-request', `region: ${unknownPlace('region', region, aggregator.places.regions)}`);
    }
    sendJson(response, 200, aggregator.state(region));
  },
};

/** The routes every feed server has; features append their own tables. */
export const coreRoutes: readonly FeedRoute[] = [healthRoute, stateRoute];
