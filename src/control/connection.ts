import { FeedSocket, type AckFailure } from '../feed-socket/feed-socket.ts';
import { pauseBeforeAskingAgain } from '../feed-socket/backoff.ts';
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
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(token: string, private readonly events: ControlConnectionEvents) {
    this.socket = new FeedSocket({ url: '/control', auth: { token }, reconnect: RECONNECT });
    events.onState('connecting', 'connecting to the feed…');
    this.socket.on('connect', () => events.onState('connected', 'connected'));
    this.socket.on('disconnect', (reason) => {
      events.onState('offline', `disconnected (${reason}); reconnecting…`);
      // The socket retries a lost connection by itself, but not one the server closed on purpose (a feed
      // shutting down for a restart): a dock open all show must come back, so it asks again after a pause.
      if (reason === 'io server disconnect' && !this.closed) this.retryTimer = setTimeout(() => this.socket.connect(), pauseBeforeAskingAgain(RECONNECT));
    });
    this.socket.on('connect_error', (error) => {
      if (/unauthorised/.test(error.message)) {
        // A wrong token will not become right by retrying.
        this.socket.disconnect();
        events.onState('unauthorised', 'the feed refused this token');
      } else if (error.refused) {
        // Refused for another reason (this page's origin, a feed without control): retrying meets the same answer.
        events.onState('offline', `the feed refused this page (${error.message}); reload once the feed is fixed`);
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
        if (!result) return unanswered('the feed did not answer in time');
        if (!result.ok) return result;
        this.accept(result.value);
        return { ok: true } as const;
      },
      // Never sent, or lost before the answer: the failure's message says which.
      (failure: AckFailure) => unanswered(failure.reason === 'timeout' ? 'the feed did not answer in time' : failure.message),
    );
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
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
