/**
 * engine.io protocol v4 as it runs over a WebSocket: each frame is one packet, its type the first character
 * (`0` open, `1` close, `2` ping, `3` pong, `4` message, `5` upgrade, `6` noop). Pure, so it is tested in node.
 */

/** What the server says in its open packet: the session and the heartbeat it keeps. */
export interface Handshake {
  readonly sid: string;
  /** The server pings every pingInterval ms and gives up on a pong after pingTimeout ms. */
  readonly pingInterval: number;
  readonly pingTimeout: number;
  /** The longest frame the server reads, in bytes; a longer one makes it drop the connection. */
  readonly maxPayload: number;
}

export type EngineFrame =
  | { readonly kind: 'open'; readonly handshake: Handshake }
  | { readonly kind: 'bad-open'; readonly problem: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'ping' }
  | { readonly kind: 'message'; readonly data: string }
  /** pong, upgrade and noop: nothing for a websocket-only client to do. */
  | { readonly kind: 'ignored' }
  | { readonly kind: 'unreadable'; readonly problem: string };

export const PONG_FRAME = '3';

export function messageFrame(text: string): string {
  return `4${text}`;
}

export function readFrame(text: string): EngineFrame {
  const data = text.slice(1);
  switch (text.charAt(0)) {
    case '0':
      return readHandshake(data);
    case '1':
      return { kind: 'close' };
    case '2':
      return { kind: 'ping' };
    case '4':
      return { kind: 'message', data };
    case '3':
    case '5':
    case '6':
      return { kind: 'ignored' };
    case 'b':
      return { kind: 'unreadable', problem: 'a base64 binary packet (this client reads JSON text only)' };
    default:
      return { kind: 'unreadable', problem: `unknown engine.io packet type ${JSON.stringify(text.slice(0, 1))}` };
  }
}

function readHandshake(data: string): EngineFrame {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { kind: 'bad-open', problem: 'its JSON does not parse' };
  }
  const fields = (raw ?? {}) as Record<string, unknown>;
  const isDuration = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
  if (typeof fields.sid !== 'string') return { kind: 'bad-open', problem: 'it has no sid' };
  if (!isDuration(fields.pingInterval) || !isDuration(fields.pingTimeout)) return { kind: 'bad-open', problem: 'its pingInterval or pingTimeout is not a positive number' };
  // An engine.io server before v4 names no limit: then only the server's own check applies.
  const maxPayload = isDuration(fields.maxPayload) ? fields.maxPayload : Number.POSITIVE_INFINITY;
  return { kind: 'open', handshake: { sid: fields.sid, pingInterval: fields.pingInterval, pingTimeout: fields.pingTimeout, maxPayload } };
}
