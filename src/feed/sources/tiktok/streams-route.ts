import type { StreamBoard } from './stream-board.ts';
import type { FeedRoute } from '../../http/route.ts';
import { sendJson } from '../../http/respond.ts';

/**
 * GET /api/streams: where each TikTok LIVE stream of the campaign stands (StreamStatusList), for
 * producers and monitoring, on every node: which node runs each stream and the simulator, and each
 * stream's status as that node reports it. Read-only, like /api/state; no streams when TikTok is off.
 */
export function streamsRoute(board: StreamBoard): FeedRoute {
  return {
    method: 'GET',
    path: '/api/streams',
    handle(_request, response) {
      sendJson(response, 200, board.list());
    },
  };
}
