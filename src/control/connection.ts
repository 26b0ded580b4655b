import { FeedSocket, type AckFailure } from '../feed-socket/feed-socket.ts';
import {
  ControlStatus,
  StreamStatusList,
  describeZodError,
  type ControlClientToServerEvents,
  type ControlCommandInput,
  type ControlServerToClientEvents,
  type FeedError,
  type StreamServerToClientEvents,
} from '../protocol/index.ts';

type ControlSocket = FeedSocket<ControlServerToClientEvents & StreamServerToClientEvents, ControlClientToServerEvents>;

export type ConnectionState = 'connecting' | 'connected' | 'unauthorised' | 'offline';

export interface ControlConnectionEvents {
  onStatus(status: ControlStatus): void;
  /** The TikTok LIVE streams' status (pushed when the feed follows TikTok), validated. */
  onStreams(list: StreamStatusList): void;
  onState(state: ConnectionState, detail: string): void;
}

const COMMAND_TIMEOUT_MS = 8_000;
/** 1 s doubling to 5 s, jittered by half: socket.io-client's defaults, which this page always used. */
const RECONNECT = { minMs: 1_000, maxMs: 5_000, jitter: 0.5 } as const;

const unanswered = (message: string) => ({ ok: false, error: { code: 'internal', message } }) as const;

/**
 * The control page's link to the feed: the `/control` namespace, with the producer's token as socket
 * auth. Every status the server pushes is validated before the page shows it. Commands resolve with the
 * server's answer (the new status, or an error naming the problem).
 */
export class ControlConnection {
  private readonly socket: ControlSocket;

  constructor(token: string, private readonly events: ControlConnectionEvents) {
    // A dock open all show comes back even after the feed closed it on purpose (shutting down for a restart).
    this.socket = new FeedSocket({ url: '/control', auth: { token }, reconnect: RECONNECT, askAgainWhenStopped: true });
    events.onState('connecting', 'connecting to the feed…');
    this.socket.on('connect', () => events.onState('connected', 'connected'));
    this.socket.on('disconnect', (reason) => events.onState('offline', `disconnected (${reason}); reconnecting…`));
    this.socket.on('connect_error', (error) => {
      if (/unauthorised/.test(error.message)) {
        // A wrong token will not become right by asking again.
        this.socket.disconnect();
        events.onState('unauthorised', 'the feed refused this token');
      } else if (error.refused) {
        // Refused for another reason (this page's origin, a feed without control): lifted once the feed is fixed.
        events.onState('offline', `the feed refused this page (${error.message}); asking again in a moment…`);
      } else {
        events.onState('offline', `cannot reach the feed (${error.message}); retrying…`);
      }
    });
    this.socket.on('status', (raw) => this.accept(raw));
    this.socket.on('streams', (raw) => {
      const parsed = StreamStatusList.safeParse(raw);
      if (parsed.success) events.onStreams(parsed.data);
      else console.warn(`ignored a bad stream list from the feed:\n${describeZodError(parsed.error)}`);
    });
    this.socket.connect();
  }

  command(command: ControlCommandInput): Promise<{ ok: true } | { ok: false; error: FeedError }> {
    return this.socket.request('command', [command], COMMAND_TIMEOUT_MS).then(
      (result) => {
        if (!result) return unanswered('the feed answered without a result');
        if (!result.ok) return result;
        this.accept(result.value);
        return { ok: true } as const;
      },
      // Never sent, or lost before the answer: the failure's message says which.
      (failure: AckFailure) => unanswered(failure.reason === 'timeout' ? 'the feed did not answer in time' : failure.message),
    );
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private accept(raw: unknown): void {
    const parsed = ControlStatus.safeParse(raw);
    if (!parsed.success) {
      console.warn(`ignored a bad status from the feed:\n${describeZodError(parsed.error)}`);
      return;
    }
    this.events.onStatus(parsed.data);
  }
}
