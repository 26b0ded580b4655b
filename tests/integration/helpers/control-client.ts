import { io as connect, type Socket } from 'socket.io-client';
import type { ControlClientToServerEvents, ControlServerToClientEvents, ControlStatus, FeedError } from '../../../src/protocol/index.ts';

export type ControlClient = Socket<ControlServerToClientEvents, ControlClientToServerEvents>;
export type ControlAck = { ok: true; value: ControlStatus } | { ok: false; error: FeedError };

/** A real socket.io-client on the /control namespace. Resolves once connected; rejects with the server's refusal. */
export async function connectControl(url: string, token: string | undefined): Promise<ControlClient> {
  const client: ControlClient = connect(`${url}/control`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(token === undefined ? {} : { auth: { token } }),
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', (error) => {
      client.close();
      reject(error);
    });
  });
  return client;
}

export function sendCommand(client: ControlClient, command: unknown): Promise<ControlAck> {
  return new Promise((resolve) => client.emit('command', command as never, resolve as never));
}

/** A JSON request to the control API with an optional bearer token. */
export async function api(url: string, path: string, options: { token?: string; body?: unknown; method?: string; rawBody?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    headers,
    ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}
