import type { CampaignInfo } from './campaign-info.ts';
import type { LowerThirdServerToClientEvents } from './control.ts';
import type { Ack, FeedError, FeedState, SubscriptionInput } from './feed.ts';
import type { ShowClockServerToClientEvents } from './show-clock.ts';
import type { StageRegionServerToClientEvents } from './stage-region.ts';

/**
 * The typed socket.io event maps of the overlay namespace ("/"), shared by server and client so a
 * renamed event or a changed payload is a compile error on both sides.
 */
export interface OverlayServerToClientEvents extends LowerThirdServerToClientEvents, ShowClockServerToClientEvents, StageRegionServerToClientEvents {
  /** Names, currency, goal and milestones of the campaign: sent in answer to `subscribe`, before `snapshot`. */
  campaign: (info: CampaignInfo) => void;
  /** The answer to a `subscribe` sent without an acknowledgement (with one, the acknowledgement carries it). */
  snapshot: (state: FeedState) => void;
  /** Sent at most once per tick, only when the subscribed scope changed. */
  update: (state: FeedState) => void;
  /** A message the client sent was refused. */
  refused: (error: FeedError) => void;
}

export interface OverlayClientToServerEvents {
  /**
   * Choose the scope; the server answers once with a snapshot (in `ack`, or as `snapshot` without one) and
   * then sends updates. Re-sent after every reconnect.
   */
  subscribe: (subscription: SubscriptionInput, ack?: Ack<FeedState>) => void;
  /** The server's clock now (ms since the epoch), for the show clock: the client times the round trip. */
  time: (ack: (serverTime: number) => void) => void;
}
