import { EventEmitter } from 'node:events';
import type { LiveConnection } from '../../../src/feed/sources/tiktok/live-connection.ts';

/*
 * A stand-in for the third-party tiktok-live-connector 2.5 (never for our own code), so the source can
 * be tested without the internet. It copies what the library does, read from its dist/lib-*.js:
 * - connect(): emits "connected" with the connection state, then resolves; on failure emits "error"
 *   `{ info, exception }` and rejects with the same error;
 * - disconnect(): closes the socket, which emits "disconnected" `{ code, reason }`;
 * - a stream end: emits "streamEnd" `{ action: 3 }`, then disconnects itself;
 * - the error classes the source must recognise, with the library's names and fields.
 */

export class UserOfflineError extends Error {}
export class InvalidUniqueIdError extends Error {}

class SignAPIError extends Error {
  constructor(
    readonly reason: string,
    ...args: string[]
  ) {
    super([`[${reason}]`, ...args].join(' '));
    this.name = this.constructor.name;
  }
}

/** SignAPIError.formatSignServerMessage, as the library draws it. */
function boxed(message: string): string {
  const header = `+${'-'.repeat(Math.floor((message.length - 19) / 2))} SIGN SERVER MESSAGE ${'-'.repeat(Math.floor((message.length - 19) / 2) + ((message.length - 19) % 2))}+`;
  return `\n\t|${' '.repeat(header.length - 2)}|\n\t${header}\n\t| ${message} |\n\t+${'-'.repeat(message.length + 2)}+\n`;
}

export class SignatureRateLimitError extends SignAPIError {
  /** The X-RateLimit-Reset header × 1000 (ms since the epoch), undefined when absent, as the library reads it. */
  readonly resetTime: number | undefined;
  constructor(
    readonly retryAfter: number,
    apiMessage?: string,
    resetTime?: number,
    limitLabel?: string,
  ) {
    super('Rate Limited', `${limitLabel ? `(${limitLabel}) ` : ''}Too many connections started, try again later.`, ...(apiMessage ? [boxed(apiMessage)] : []));
    this.resetTime = resetTime;
  }
}

/** A route's error ("[routeId] message"), as the library builds it. */
export class InvalidResponseError extends Error {
  constructor(
    readonly config: { routeId: string },
    message: string,
  ) {
    super(`[${config.routeId}] ${message}`);
  }
}

/** got's HTTPError, which the library's web client lets through from TikTok's HTML and API routes. */
export class HTTPError extends Error {
  override readonly name = 'HTTPError';
  readonly response: { statusCode: number; statusMessage: string };
  constructor(statusCode: number, statusMessage: string) {
    super(`Response code ${statusCode} (${statusMessage})`);
    this.response = { statusCode, statusMessage };
  }
}

export class PremiumFeatureError extends SignAPIError {
  constructor(apiMessage: string) {
    super('Premium Feature', 'Error fetching the signed TikTok WebSocket', boxed(apiMessage));
  }
}

export class InvalidResponseCompositeError extends Error {
  readonly config: { routeId: string; requestErrs: Error[] };
  constructor(requestErrs: Error[]) {
    super('Failed to retrieve Room ID from all sources.');
    this.config = { routeId: 'fetchRoomIdRoute', requestErrs };
  }
}

/** How one connection attempt ends: joined a room, or failed with this error. */
export type ConnectOutcome = { roomId: string } | Error;

export class FakeLiveConnection extends EventEmitter implements LiveConnection {
  connected = false;
  disconnectCalls = 0;
  isLiveCalls = 0;
  /** What TikTok's unsigned room info says; by default: live unless the attempt's outcome is UserOfflineError. */
  live: boolean | Error;

  constructor(
    readonly uniqueId: string,
    private readonly outcome: ConnectOutcome,
  ) {
    super();
    this.live = !(outcome instanceof UserOfflineError);
  }

  /** fetchIsLive(): the unsigned routes only (the source turns the Euler fallback off). */
  async fetchIsLive(): Promise<boolean> {
    this.isLiveCalls += 1;
    await Promise.resolve();
    if (this.live instanceof Error) throw this.live;
    return this.live;
  }

  async connect(): Promise<unknown> {
    await Promise.resolve(); // the real one talks to TikTok and the sign server first
    if (this.outcome instanceof Error) {
      this.emit('error', { info: 'Error while connecting', exception: this.outcome });
      throw this.outcome;
    }
    this.connected = true;
    const state = { isConnected: true, isConnecting: false, roomId: this.outcome.roomId, roomInfo: null, availableGifts: null };
    this.emit('connected', state);
    return state;
  }

  async disconnect(): Promise<void> {
    this.disconnectCalls += 1;
    if (!this.connected) return;
    this.connected = false;
    this.emit('disconnected', { code: 1000, reason: '' });
  }

  /** TikTok sends a message: the library emits it under its event name. */
  push(type: string, data: unknown): void {
    this.emit(type, data);
  }

  /** The socket dies (network, TikTok restarts a server). */
  drop(code = 1006): void {
    this.connected = false;
    this.emit('disconnected', { code, reason: '' });
  }

  /** The streamer ends the LIVE: WebcastControlMessage action 3. */
  async endStream(): Promise<void> {
    this.emit('streamEnd', { action: 3 });
    await this.disconnect();
  }
}

/** The library's constructor, as the source's `openConnection`: one scripted outcome per attempt. */
export class FakeLibrary {
  readonly opened: FakeLiveConnection[] = [];

  constructor(private readonly outcomes: ConnectOutcome[] = []) {}

  /** Queues more outcomes; once none are left, attempts join room "7441000000000000001". */
  script(...outcomes: ConnectOutcome[]): void {
    this.outcomes.push(...outcomes);
  }

  readonly open = (uniqueId: string): FakeLiveConnection => {
    const connection = new FakeLiveConnection(uniqueId, this.outcomes.shift() ?? { roomId: '7441000000000000001' });
    this.opened.push(connection);
    return connection;
  };

  get last(): FakeLiveConnection {
    const connection = this.opened.at(-1);
    if (!connection) throw new Error('no connection was opened');
    return connection;
  }
}
