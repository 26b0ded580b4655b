import type { Namespace } from 'socket.io';
import type { StreamServerToClientEvents } from '../../protocol/index.ts';
import type { StreamBoard } from '../sources/tiktok/stream-board.ts';
import type { OverlayIo } from './overlay-io.ts';

/**
 * Pushes the stream list to producers as `streams` on the `/control` namespace: the list when a control
 * socket connects, and again on every change. Only call it once the control feature has attached, so
 * its token check guards the namespace.
 */
export function publishStreamStatus(io: OverlayIo, board: StreamBoard): { close(): void } {
  const producers = io.of('/control') as unknown as Namespace<Record<string, never>, StreamServerToClientEvents>;
  const onConnection = (socket: { emit: (event: 'streams', list: ReturnType<StreamBoard['list']>) => void }) => socket.emit('streams', board.list());
  producers.on('connection', onConnection);
  // Local only: every node's board holds every stream, from its own point of view ("here" is this node),
  // and the Redis adapter would hand this node's list to the pages of every other node.
  const stop = board.onChange((list) => producers.local.emit('streams', list));
  return {
    close() {
      stop();
      producers.off('connection', onConnection);
    },
  };
}
