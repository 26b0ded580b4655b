import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CampaignConfig } from '../../protocol/index.ts';
import type { Aggregator } from '../reactions/aggregator.ts';
import type { OverlayIo } from '../overlay-socket/overlay-io.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What every route handler may use: the parsed URL and the feed's parts. */
export interface RouteContext {
  readonly url: URL;
  readonly campaign: CampaignConfig;
  readonly aggregator: Aggregator;
  readonly io: OverlayIo;
}

/**
 * One entry of the route table: an exact method and path. Features (control, ingest) add routes by
 * passing their own arrays to `startFeedServer({ routes })`, never by editing a switch.
 * A handler that throws or rejects answers 500 without crashing the server.
 */
export interface FeedRoute {
  readonly method: HttpMethod;
  readonly path: string;
  handle(request: IncomingMessage, response: ServerResponse, context: RouteContext): void | Promise<void>;
}
