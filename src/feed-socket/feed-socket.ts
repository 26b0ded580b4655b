import { socketAddress, type SocketAddress } from './address.ts';
import { Backoff, pauseBeforeAskingAgain, type BackoffOptions } from './backoff.ts';
import { EngineLink, type LinkEnd } from './engine-link.ts';
import { ackPacket, connectPacket, disconnectPacket, eventPacket, readPacket } from './packets.ts';
import { ConnectError, type AckAnswer, type AckedEvents, type DisconnectReason, type EventsOf, type ReservedEvents, type WireArgs } from './typed-events.ts';

export interface FeedSocketOptions {
  /** An http(s) URL, or a path on the page's own origin; its path names the namespace (`/control`). Null: the page's origin, namespace `/`. */
  readonly url: string | null;
  /** Sent with the namespace's connect packet, for the server's middleware (the control page's token). */
  readonly auth?: Readonly<Record<string, unknown>>;
  /** The waits between attempts after a connection is lost or an attempt failed. */
  readonly reconnect: BackoffOptions;
  /** An attempt not connected (WebSocket, handshake, namespace) within this is given up and tried again. */
  readonly connectTimeoutMs?: number;
  /**
   * When the server closes the socket on purpose (a feed shutting down for a restart) or refuses it, which
   * socket.io never tries again: ask again after a pause of about `reconnect.maxMs`, jittered, so a page open
   * all show comes back once the feed does. A listener that calls `disconnect()` (a wrong token) stops it.
   */
  readonly askAgainWhenStopped?: boolean;
  /** Where a packet the socket cannot read is reported; console.warn by default. */
  readonly warn?: (message: string) => void;
}

/** Why a request got no answer. */
export class AckFailure extends Error {
  constructor(
    readonly reason: 'not sent' | 'timeout' | 'disconnected',
    message: string,
  ) {
    super(message);
    this.name = 'AckFailure';
  }
}

interface PendingAck {
  readonly event: string;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (failure: AckFailure) => void;
  readonly timer: ReturnType<typeof setTimeout> | undefined;
}

type Listener = (...args: never[]) => void;

/** socket.io-client's own default: a connection that takes longer is not coming. */
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * A socket.io client (protocol v5 over engine.io v4) on a plain browser WebSocket: what our pages need of
 * socket.io-client, at a quarter of its size. One namespace per socket, JSON only (a binary or unknown packet
 * is warned about and ignored; no frame throws out of the socket).
 *
 * - `connect()` starts it; a lost connection (closed, failed, or silent past the server's heartbeat) is
 *   tried again after `reconnect`'s waits, for as long as it takes.
 * - The server closing the socket on purpose (`disconnect` with 'io server disconnect') or refusing it in
 *   its middleware (`connect_error` with the server's message and data) stops it, as socket.io does, unless
 *   `askAgainWhenStopped`: then it asks again after a pause.
 * - `request()` sends an event with an ack (every event our pages send has one) and resolves with the
 *   server's answer. It fails at once when not connected, when the connection is lost before the answer
 *   (the server cannot answer on another one), or after its timeout. Nothing is queued while
 *   disconnected: the pages send again on `connect` what they need (the overlay subscribes).
 */
export class FeedSocket<Listen extends EventsOf<Listen>, Emit extends EventsOf<Emit>> {
  private readonly address: SocketAddress;
  private readonly backoff: Backoff;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly pendingAcks = new Map<number, PendingAck>();
  private nextAckId = 0;
  private link: EngineLink | null = null;
  private isConnected = false;
  /** Connecting, connected, or waiting to try again: `connect()` was called and nothing has stopped it since. */
  private isActive = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: FeedSocketOptions) {
    this.address = socketAddress(options.url, globalThis.location?.href);
    this.backoff = new Backoff(options.reconnect);
  }

  get connected(): boolean {
    return this.isConnected;
  }

  on<E extends keyof (Listen & ReservedEvents) & string>(event: E, listener: (Listen & ReservedEvents)[E]): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  /** Starts connecting, unless already connecting, connected or waiting to try again. */
  connect(): this {
    if (this.isActive) return this;
    this.isActive = true;
    this.backoff.reset();
    this.open();
    return this;
  }

  /** Leaves the namespace and stops; `disconnect` ('io client disconnect') is told if it was connected. */
  disconnect(): this {
    if (this.isConnected) this.link?.send(disconnectPacket(this.address.namespace));
    this.stop();
    this.lose('io client disconnect');
    return this;
  }

  /** Sends an event with an ack and resolves with the server's answer (see the class for when it fails). */
  request<E extends AckedEvents<Emit>>(event: E, args: WireArgs<Emit[E]>, timeoutMs?: number): Promise<AckAnswer<Emit[E]>> {
    return new Promise((resolve, reject) => {
      if (!this.isConnected) return reject(new AckFailure('not sent', `"${event}" not sent: not connected to the feed`));
      const id = this.nextAckId++;
      if (!this.link?.send(eventPacket(this.address.namespace, event, args, id))) return reject(new AckFailure('not sent', `"${event}" not sent: the connection is closing, or the message is too large`));
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pendingAcks.delete(id);
              reject(new AckFailure('timeout', `the feed did not answer "${event}" within ${timeoutMs} ms`));
            }, timeoutMs);
      this.pendingAcks.set(id, { event, resolve: resolve as (answer: unknown) => void, reject, timer });
    });
  }

  private open(): void {
    this.retryTimer = undefined;
    const link: EngineLink = new EngineLink(this.address.url, {
      onOpen: () => link.send(connectPacket(this.address.namespace, this.options.auth)),
      onMessage: (text) => this.receive(text),
      onEnd: (reason) => this.linkEnded(reason),
      warn: (message) => this.warn(message),
    });
    this.link = link;
    const timeoutMs = this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.connectTimer = setTimeout(() => {
      link.close();
      this.link = null;
      this.tell('connect_error', new ConnectError(`timeout: not connected within ${timeoutMs} ms`));
      this.retryLater();
    }, timeoutMs);
  }

  /** The link ended by itself: tell, then try again after a wait. */
  private linkEnded(reason: LinkEnd): void {
    this.link = null;
    clearTimeout(this.connectTimer);
    if (this.isConnected) this.lose(reason);
    else this.tell('connect_error', new ConnectError(`${reason}: no connection to ${this.address.url.split('?')[0]}`));
    this.retryLater();
  }

  private retryLater(): void {
    // A listener may have stopped the socket, or started it again.
    if (this.isActive && !this.link && this.retryTimer === undefined) this.retryTimer = setTimeout(() => this.open(), this.backoff.next());
  }

  private receive(text: string): void {
    const read = readPacket(text);
    if (!read.ok) return this.warn(`ignored a packet from the feed: ${read.problem}`);
    const packet = read.packet;
    if (packet.nsp !== this.address.namespace) return this.warn(`ignored a packet for namespace ${packet.nsp} on a socket of ${this.address.namespace}`);
    switch (packet.type) {
      case 'connect':
        if (this.isConnected) return;
        clearTimeout(this.connectTimer);
        this.isConnected = true;
        this.backoff.reset();
        return this.tell('connect');
      case 'connect_error':
        this.stoppedByServer();
        return this.tell('connect_error', new ConnectError(packet.message, true, packet.data));
      case 'disconnect':
        this.stoppedByServer();
        // Closed before the namespace was connected: to the page, as much a refusal as connect_error is.
        if (!this.isConnected) return this.tell('connect_error', new ConnectError('the feed closed the socket before connecting it', true));
        return this.lose('io server disconnect');
      case 'event': {
        if (!this.isConnected) return this.warn(`ignored the event "${packet.name}", sent before the namespace was connected`);
        const answer = packet.id === undefined ? [] : [this.answerer(packet.id)];
        return this.tell(packet.name, ...packet.args, ...answer);
      }
      case 'ack': {
        // An answer after its request timed out has no one left to hear it.
        const pending = this.pendingAcks.get(packet.id);
        if (!pending) return;
        this.pendingAcks.delete(packet.id);
        clearTimeout(pending.timer);
        return pending.resolve(packet.args[0]);
      }
    }
  }

  /** The reply function of a server's event that asks for an ack; only its first call is sent. */
  private answerer(id: number): (...answer: unknown[]) => void {
    let answered = false;
    return (...answer) => {
      if (answered) return;
      answered = true;
      this.link?.send(ackPacket(this.address.namespace, id, answer));
    };
  }

  /**
   * The server closed or refused the socket: it stops, or (askAgainWhenStopped) waits to ask again. Done
   * before the listeners are told, so that one of them can still stop it for good (`disconnect()`).
   */
  private stoppedByServer(): void {
    this.stop();
    if (!this.options.askAgainWhenStopped) return;
    this.isActive = true;
    this.retryTimer = setTimeout(() => this.open(), pauseBeforeAskingAgain(this.options.reconnect));
  }

  /** No link, no timers, no retry. */
  private stop(): void {
    this.isActive = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.connectTimer);
    this.retryTimer = undefined;
    this.link?.close();
    this.link = null;
  }

  /** A connected socket is no longer: every request still waiting fails, then `disconnect` is told. */
  private lose(reason: DisconnectReason): void {
    if (!this.isConnected) return;
    this.isConnected = false;
    for (const pending of this.pendingAcks.values()) {
      clearTimeout(pending.timer);
      pending.reject(new AckFailure('disconnected', `the connection closed before the feed answered "${pending.event}"`));
    }
    this.pendingAcks.clear();
    this.tell('disconnect', reason);
  }

  /** Calls the listeners; one that throws is reported and does not stop the others or the socket. */
  private tell(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (...args: unknown[]) => void)(...args);
      } catch (error) {
        console.error(`a listener of the feed's "${event}" failed:`, error);
      }
    }
  }

  private warn(message: string): void {
    (this.options.warn ?? console.warn)(message);
  }
}
