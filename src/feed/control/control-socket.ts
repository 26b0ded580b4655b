import type { Namespace, Server } from 'socket.io';
import type { ControlClientToServerEvents, ControlServerToClientEvents, FeedError } from '../../protocol/index.ts';
import { tokensMatch } from '../http/auth.ts';
import type { ControlService } from './control-service.ts';

export type ControlNamespace = Namespace<ControlClientToServerEvents, ControlServerToClientEvents>;

type AnyAck = (result: { ok: true; value: unknown } | { ok: false; error: FeedError }) => void;

/**
 * The `/control` namespace: the same commands as the HTTP API, for the control page. A socket connects
 * only with the producer's token (`io('/control', { auth: { token } })`); every command is answered
 * through its ack and every change, made on this node or another, is pushed to every control socket as `status`.
 */
export function attachControlNamespace(io: Server, control: ControlService, token: string, log: (message: string) => void): { close(): void } {
  const namespace = io.of('/control') as unknown as ControlNamespace;

  namespace.use((socket, next) => {
    const presented = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (tokensMatch(presented, token)) return next();
    const error = new Error('unauthorised: connect with auth: { token } set to the producer token') as Error & { data?: FeedError };
    error.data = { code: 'unauthorised', message: error.message };
    next(error);
  });

  namespace.on('connection', (socket) => {
    socket.emit('status', control.status());

    socket.on('status', (ack: unknown) => reply(ack)({ ok: true, value: control.status() }));

    socket.on('command', (command: unknown, ack: unknown) => {
      control.execute(command).then(reply(ack), (error: unknown) => {
        log(`control command failed: ${(error as Error)?.stack ?? String(error)}`);
        reply(ack)({ ok: false, error: { code: 'internal', message: 'internal error' } });
      });
    });
  });

  // Local: the control service of every node publishes every change it hears of to its own control pages.
  const stop = control.onStatus((status) => namespace.local.emit('status', status));
  return {
    close() {
      stop();
      // This node's producers only: with the Redis adapter a bare disconnectSockets reaches every node's.
      namespace.local.disconnectSockets(true);
    },
  };
}

/** A client may omit the ack or send something else in its place: only a function is called. */
function reply(ack: unknown): AnyAck {
  return typeof ack === 'function' ? (ack as AnyAck) : () => {};
}
