import type { Server } from 'socket.io';
import type { OverlayClientToServerEvents, OverlayServerToClientEvents } from '../../protocol/index.ts';
import { marketOfScope, type Scope } from '../aggregator.ts';

/** What the server remembers about each overlay connection. */
export interface OverlaySocketData {
  /** The scope the socket subscribed to; undefined until its first valid `subscribe`. */
  scope?: Scope;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoInterServerEvents = {};

/** The overlay namespace's socket.io server, typed by the shared event maps. */
export type OverlayIo = Server<OverlayClientToServerEvents, OverlayServerToClientEvents, NoInterServerEvents, OverlaySocketData>;

/** One room per scope, so an update is serialised once and written to every subscriber of that scope. */
export function roomOf(scope: Scope): string {
  if (scope === null) return 'scope:campaign';
  const market = marketOfScope(scope);
  return market === null ? `scope:region:${scope}` : `scope:market:${market}`;
}
