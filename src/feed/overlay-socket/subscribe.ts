import type { Socket } from 'socket.io';
import {
  unknownPlace,
  Subscription,
  campaignInfoOf,
  describeZodError,
  type Ack,
  type FeedError,
  type FeedState,
  type OverlayClientToServerEvents,
  type OverlayServerToClientEvents,
} from '../../protocol/index.ts';
import { marketScope, type Aggregator, type Scope } from '../reactions/aggregator.ts';
import { roomOf, type OverlaySocketData } from './overlay-io.ts';

type OverlaySocket = Socket<OverlayClientToServerEvents, OverlayServerToClientEvents, object, OverlaySocketData>;

/** The client may omit the acknowledgement or send anything in its place: only a function is called. */
function replyWith(ack: unknown): Ack<FeedState> {
  return typeof ack === 'function' ? (result) => ack(result) : () => {};
}

export interface OverlaySocketOptions {
  /**
   * Awaited before a subscriber's snapshot is taken: a scaled-out node first catches up with Redis, so an
   * overlay that moves from another node never gets an older snapshot than the state it already showed.
   */
  beforeSnapshot?: () => Promise<void>;
  /** The server time the show clock reads (`time`): on Redis, Redis's clock, the same on every node. Default Date.now. */
  now?: () => number;
}

/**
 * Wires one overlay connection. Every handler is wrapped: whatever a client sends, the worst it gets is a
 * `refused` event naming what is wrong; the server and the other clients carry on untouched.
 */
export function handleOverlaySocket(socket: OverlaySocket, aggregator: Aggregator, log: (message: string) => void, options: OverlaySocketOptions = {}): void {
  const refuse = (error: FeedError, ack: unknown) => {
    socket.emit('refused', error);
    replyWith(ack)({ ok: false, error });
  };
  const fail = (error: unknown, ack: unknown) => {
    log(`subscribe failed: ${(error as Error)?.stack ?? String(error)}`);
    refuse({ code: 'internal', message: 'internal error while subscribing' }, ack);
  };

  const answer = (scope: Scope, ack: unknown) => {
    try {
      if (socket.data.scope !== undefined && socket.data.scope !== scope) socket.leave(roomOf(socket.data.scope));
      socket.data.scope = scope;
      socket.join(roomOf(scope));
      const state = aggregator.state(scope);
      socket.emit('campaign', campaignInfoOf(aggregator.campaign));
      // Answered once: in the acknowledgement when the client asked for one, else as a `snapshot` event.
      if (typeof ack === 'function') ack({ ok: true, value: state });
      else socket.emit('snapshot', state);
    } catch (error) {
      fail(error, ack);
    }
  };

  socket.on('subscribe', (payload: unknown, ack?: unknown) => {
    try {
      const parsed = Subscription.safeParse(payload);
      if (!parsed.success) return refuse({ code: 'bad-request', message: `subscribe is invalid:\n${describeZodError(parsed.error)}` }, ack);
      const { region, market } = parsed.data;
      if (region !== null && !aggregator.hasRegion(region)) {
        return refuse({ code: 'not-found', message: `subscribe is invalid:\nregion: ${unknownPlace('region', region, aggregator.places.regions)}` }, ack);
      }
      if (market !== null && !aggregator.hasMarket(market)) {
        return refuse({ code: 'not-found', message: `subscribe is invalid:\nmarket: ${unknownPlace('market', market, aggregator.places.markets)}` }, ack);
      }
      const scope = market !== null ? marketScope(market) : region;
      if (!options.beforeSnapshot) return answer(scope, ack);
      // Waiting is best effort: whatever happens, the subscriber gets the freshest snapshot this node has.
      options
        .beforeSnapshot()
        .catch(() => {})
        .then(() => {
          if (socket.connected) answer(scope, ack);
        });
    } catch (error) {
      fail(error, ack);
    }
  });

  socket.on('time', (ack: unknown) => {
    if (typeof ack === 'function') ack(options.now?.() ?? Date.now());
  });

  // An event nobody listens to would otherwise vanish silently; say so, so a client bug is visible.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && socket.listeners(event as 'subscribe').length > 0) return;
    const ack = args.at(-1);
    refuse({ code: 'bad-request', message: `unknown event ${JSON.stringify(String(event)).slice(0, 80)}` }, ack);
  });
}
