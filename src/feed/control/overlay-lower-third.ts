import type { Socket } from 'socket.io';
import type { OverlayClientToServerEvents, OverlayServerToClientEvents } from '../../protocol/index.ts';
import type { OverlayIo } from '../overlay-socket/overlay-io.ts';
import type { ControlService } from './control-service.ts';

type OverlaySocket = Socket<OverlayClientToServerEvents, OverlayServerToClientEvents>;

/**
 * The overlays' read-only view of the lower third, the show clock and the region on stage: every overlay gets the state when it subscribes
 * (and re-subscribes after a reconnect, so a reloaded overlay shows the card on air), and again on
 * every change, whichever feed node it was made on. Overlays cannot send anything that changes it.
 */
export function publishLowerThirdToOverlays(io: OverlayIo, control: ControlService): { close(): void } {
  const onConnection = (socket: OverlaySocket) => {
    socket.on('subscribe', () => {
      socket.emit('lowerThird', control.lowerThird.state);
      socket.emit('clock', control.clock.state);
      socket.emit('stageRegion', control.stageRegion.state);
    });
  };
  io.on('connection', onConnection);
  // Local: every node hears every change (its desks follow the store) and tells its own overlays, once.
  const stop = control.onLowerThird((state) => io.local.emit('lowerThird', state));
  const stopClock = control.onClock((state) => io.local.emit('clock', state));
  const stopStageRegion = control.onStageRegion((state) => io.local.emit('stageRegion', state));
  return {
    close() {
      stop();
      stopClock();
      stopStageRegion();
      io.off('connection', onConnection);
    },
  };
}
