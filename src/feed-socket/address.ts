/** Where a socket connects: the engine.io WebSocket URL and the socket.io namespace. */
export interface SocketAddress {
  readonly url: string;
  readonly namespace: string;
}

/** socket.io's server answers on this path unless configured otherwise; ours is not. */
const SOCKET_IO_PATH = '/socket.io/';

/**
 * As socket.io-client reads its first argument: an http(s) URL or a path on the page's own origin, whose
 * path names the namespace (`/control`) and whose query goes with the handshake. Pure.
 *
 * @param target  null for the page's own origin and the main namespace
 * @param page    the page's location, against which a path is resolved
 */
export function socketAddress(target: string | null, page: string | undefined): SocketAddress {
  const where = new URL(target ?? '/', page);
  if (where.protocol !== 'http:' && where.protocol !== 'https:') throw new Error(`the feed address ${where.href} is not http(s)`);
  const query = new URLSearchParams(where.search);
  query.set('EIO', '4');
  query.set('transport', 'websocket');
  const scheme = where.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: `${scheme}//${where.host}${SOCKET_IO_PATH}?${query}`, namespace: where.pathname || '/' };
}
