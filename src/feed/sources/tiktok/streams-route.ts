import type { StreamBoard } from './stream-board.ts';
import type { FeedRoute } from '../../http/route.ts';
import { sendJson } from '../../http/respond.ts';

/**
 * GET /api/streams: where each TikTok LIVE stream of the campaign stands (StreamStatusList), for
 * producers and monitoring. Read-only, like /api/state; an empty list when TikTok sources are off.
 */
export function streamsRoute(board: StreamBoard | null): FeedRoute {
  return {
    method: 'GET',
    path: '/api/streams',
    handle(_request, response) {
      sendJson(response, 200, board?.list() ?? { streams: [] });
    },
  };
}
