import { PONG_FRAME, messageFrame, readFrame, type Handshake } from './frames.ts';

/** Measures a frame as the server does: in UTF-8 bytes. */
const UTF8 = new TextEncoder();

/** Why a link ended by itself (the socket.io names, which the pages show and test for). */
export type LinkEnd = 'transport close' | 'transport error' | 'ping timeout';

export interface EngineLinkEvents {
  /** The server's handshake arrived: messages may be sent now. */
  onOpen(handshake: Handshake): void;
  /** One engine.io message: a socket.io packet. */
  onMessage(text: string): void;
  /** The link ended without `close()` being called; nothing more is heard from it. */
  onEnd(reason: LinkEnd): void;
  warn(message: string): void;
}

/**
 * One engine.io connection on one browser WebSocket, from the handshake until it ends; it never reconnects
 * (FeedSocket makes a new link). It answers the server's pings, and ends itself when none has come for
 * pingInterval + pingTimeout: a link whose network went silent (a router that drops the path, a laptop
 * that slept) sends no close, and would otherwise look connected forever.
 */
export class EngineLink {
  private readonly ws: WebSocket | null = null;
  private heartbeat: ReturnType<typeof setTimeout> | undefined;
  /** pingInterval + pingTimeout: how long the server may be quiet before the link counts as dead. */
  private pingWindowMs = 0;
  private maxPayload = Number.POSITIVE_INFINITY;
  private ended = false;

  constructor(
    url: string,
    private readonly events: EngineLinkEvents,
  ) {
    try {
      this.ws = new WebSocket(url);
    } catch (error) {
      events.warn(`cannot open a WebSocket to ${url}: ${(error as Error)?.message ?? String(error)}`);
      // Told after the caller has its link: an end reported from inside the constructor would come first.
      setTimeout(() => this.end('transport error'), 0);
      return;
    }
    this.ws.binaryType = 'arraybuffer';
    this.ws.onmessage = (event: MessageEvent) => this.receive(event.data);
    this.ws.onerror = () => this.end('transport error');
    this.ws.onclose = () => this.end('transport close');
  }

  /** Sends one socket.io packet; false when the link is not open or the packet is beyond the server's limit. */
  send(text: string): boolean {
    if (this.ended || this.ws?.readyState !== WebSocket.OPEN) return false;
    const frame = messageFrame(text);
    // The server drops the whole connection over a frame beyond its limit: refuse this one message instead.
    const bytes = UTF8.encode(frame).length;
    if (bytes > this.maxPayload) {
      this.events.warn(`not sent: a message of ${bytes} bytes, beyond the feed's limit of ${this.maxPayload}`);
      return false;
    }
    this.ws.send(frame);
    return true;
  }

  /** Ends the link from our side; `onEnd` is not called. */
  close(): void {
    this.finish();
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return this.events.warn('ignored a binary WebSocket frame from the feed (its protocol is JSON text only)');
    const frame = readFrame(data);
    switch (frame.kind) {
      case 'open':
        this.maxPayload = frame.handshake.maxPayload;
        this.pingWindowMs = frame.handshake.pingInterval + frame.handshake.pingTimeout;
        this.awaitPing();
        return this.events.onOpen(frame.handshake);
      case 'bad-open':
        this.events.warn(`the feed's engine.io handshake is unreadable (${frame.problem}): closing`);
        return this.end('transport error');
      case 'ping':
        this.ws?.send(PONG_FRAME);
        return this.awaitPing();
      case 'message':
        return this.events.onMessage(frame.data);
      case 'close':
        return this.end('transport close');
      case 'ignored':
        return;
      case 'unreadable':
        return this.events.warn(`ignored a frame from the feed: ${frame.problem}`);
    }
  }

  private awaitPing(): void {
    if (this.pingWindowMs === 0) return; // a ping before the handshake: the window is not known yet
    clearTimeout(this.heartbeat);
    this.heartbeat = setTimeout(() => this.end('ping timeout'), this.pingWindowMs);
  }

  private end(reason: LinkEnd): void {
    if (this.finish()) this.events.onEnd(reason);
  }

  /** Stops everything; returns whether the link was still running. */
  private finish(): boolean {
    if (this.ended) return false;
    this.ended = true;
    clearTimeout(this.heartbeat);
    if (this.ws) {
      this.ws.onmessage = this.ws.onerror = this.ws.onclose = null;
      this.ws.close();
    }
    return true;
  }
}
