/**
 * socket.io protocol v5, the packets inside engine.io messages: a type digit, the namespace unless it is
 * `/` (followed by a comma), an ack id, then JSON. `0` connect, `1` disconnect, `2` event, `3` ack, `4`
 * connect error; `5` and `6` are their binary forms, which our JSON-only protocol never sends. Pure.
 */

export type SocketPacket =
  | { readonly type: 'connect'; readonly nsp: string; readonly sid: string }
  | { readonly type: 'connect_error'; readonly nsp: string; readonly message: string; readonly data?: unknown }
  | { readonly type: 'disconnect'; readonly nsp: string }
  | { readonly type: 'event'; readonly nsp: string; readonly id?: number; readonly name: string; readonly args: readonly unknown[] }
  | { readonly type: 'ack'; readonly nsp: string; readonly id: number; readonly args: readonly unknown[] };

export type PacketRead = { readonly ok: true; readonly packet: SocketPacket } | { readonly ok: false; readonly problem: string };

/** Event names the client itself emits: one from the server would pass for the connection's own news. */
export const RESERVED_EVENTS: ReadonlySet<string> = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

const prefix = (type: string, nsp: string) => (nsp === '/' ? type : `${type}${nsp},`);

export function connectPacket(nsp: string, auth?: Readonly<Record<string, unknown>>): string {
  return prefix('0', nsp) + (auth === undefined ? '' : JSON.stringify(auth));
}

export function disconnectPacket(nsp: string): string {
  return prefix('1', nsp);
}

export function eventPacket(nsp: string, name: string, args: readonly unknown[], id?: number): string {
  return prefix('2', nsp) + (id ?? '') + JSON.stringify([name, ...args]);
}

export function ackPacket(nsp: string, id: number, args: readonly unknown[]): string {
  return prefix('3', nsp) + id + JSON.stringify(args);
}

export function readPacket(text: string): PacketRead {
  const type = text.charAt(0);
  if (type === '5' || type === '6') return refuse('a binary packet (this client reads JSON only)');
  if (type < '0' || type > '4') return refuse(`unknown socket.io packet type ${JSON.stringify(type)}`);
  let rest = text.slice(1);
  let nsp = '/';
  if (rest.startsWith('/')) {
    const comma = rest.indexOf(',');
    nsp = comma < 0 ? rest : rest.slice(0, comma);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  const digits = /^\d+/.exec(rest)?.[0];
  const id = digits === undefined ? undefined : Number(digits);
  rest = rest.slice(digits?.length ?? 0);
  let payload: unknown;
  if (rest !== '') {
    try {
      payload = JSON.parse(rest);
    } catch {
      return refuse('its JSON does not parse');
    }
  }
  switch (type) {
    case '0': {
      const sid = (payload as { sid?: unknown } | undefined)?.sid;
      // A v2 server answers a connect without a session id: its packets mean other things.
      return typeof sid === 'string' ? accept({ type: 'connect', nsp, sid }) : refuse('a connect answer without a sid (a socket.io v2 server?)');
    }
    case '1':
      return accept({ type: 'disconnect', nsp });
    case '2': {
      if (!Array.isArray(payload) || typeof payload[0] !== 'string') return refuse('an event that is not an array starting with its name');
      const [name, ...args] = payload as [string, ...unknown[]];
      if (RESERVED_EVENTS.has(name)) return refuse(`an event named ${JSON.stringify(name)}, a name socket.io reserves`);
      return accept({ type: 'event', nsp, name, args, ...(id === undefined ? {} : { id }) });
    }
    case '3':
      if (id === undefined || !Array.isArray(payload)) return refuse('an ack without an id or an array');
      return accept({ type: 'ack', nsp, id, args: payload });
    default: {
      // v5 sends { message, data }; older servers sent the message alone.
      if (typeof payload === 'string') return accept({ type: 'connect_error', nsp, message: payload });
      const refusal = payload as { message?: unknown; data?: unknown } | undefined;
      if (typeof refusal?.message !== 'string') return refuse('a connect error without a message');
      return accept({ type: 'connect_error', nsp, message: refusal.message, ...(refusal.data === undefined ? {} : { data: refusal.data }) });
    }
  }
}

const accept = (packet: SocketPacket): PacketRead => ({ ok: true, packet });
const refuse = (problem: string): PacketRead => ({ ok: false, problem });
