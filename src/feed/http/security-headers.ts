import type { IncomingMessage, ServerResponse } from 'node:http';

/** Host headers we are willing to echo into the CSP: a name or address and a port, nothing else. */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The headers every page and answer of the production server carries. The CSP allows only this origin:
 * the overlay's scripts, styles, fonts and images are all served by us, and its one connection is the
 * socket.io feed on the same host (listed as ws:/wss: too, for browsers whose 'self' does not cover
 * websockets). Images may be data:/blob: (lower-third photos, pixi textures).
 *
 * pixi.js v8 compiles its uniform-upload functions with `new Function` and refuses to start without
 * 'unsafe-eval' (unless the overlay imports the slower `pixi.js/unsafe-eval` polyfills), so overlay
 * pages allow eval; the control pages, which draw no pixi, do not.
 */
export function setSecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  const host = request.headers.host;
  const sockets = host !== undefined && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  const path = (request.url ?? '/').split('?')[0]!;
  const allowsEval = !path.startsWith('/control') && !path.startsWith('/api/');
  response.setHeader(
    'content-security-policy',
    [
      "default-src 'self'",
      `script-src 'self'${allowsEval ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self'${sockets}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ].join('; '),
  );
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'SAMEORIGIN');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}
