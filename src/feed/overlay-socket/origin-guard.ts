import type { Namespace } from 'socket.io';
import { originAllowed } from '../http/origin.ts';

/** The socket side of the origin allow-list: a page from a foreign origin cannot even connect. */
export function guardSocketOrigins(namespace: Namespace, allowed: ReadonlySet<string>): void {
  namespace.use((socket, next) => {
    if (originAllowed(socket.handshake.headers, allowed)) return next();
    next(new Error(`origin ${String(socket.handshake.headers.origin).slice(0, 100)} may not connect to ${namespace.name}: add it to ALLOWED_ORIGINS`));
  });
}
