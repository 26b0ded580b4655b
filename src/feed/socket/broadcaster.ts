import { marketScope, type Aggregator, type Scope } from '../aggregator.ts';
import { roomOf, type OverlayIo } from './overlay-io.ts';

/**
 * Sends at most one `update` per scope per tick, and only for a scope that changed since the last one:
 * a thousand deltas within a tick become one message carrying their sum. Each update is emitted to the
 * scope's room, so socket.io encodes it once however many overlays watch that scope.
 *
 * Updates go to this node's overlays only (`io.local`), even with the Redis adapter installed: when
 * several nodes share Redis, every node follows the shared log and holds the same totals, so each one
 * updates its own overlays (see scale-out/redis-scale-out.ts). Relaying through the adapter would deliver
 * every update once per node. And so the check below, which sees this node's rooms only, is the right one.
 */
export class Broadcaster {
  private readonly sentAtSeq = new Map<Scope, number>();
  private readonly scopes: readonly Scope[];

  constructor(
    private readonly io: OverlayIo,
    private readonly aggregator: Aggregator,
  ) {
    const { regions, markets } = aggregator.campaign;
    this.scopes = [null, ...regions.map((region) => region.id), ...markets.map((market) => marketScope(market.id))];
  }

  /** One tick: called by the server's interval, and directly by tests that want no wall-clock waits. */
  flush(): void {
    const rooms = this.io.of('/').adapter.rooms;
    for (const scope of this.scopes) {
      const lastChange = this.aggregator.lastChangeSeq(scope);
      if ((this.sentAtSeq.get(scope) ?? 0) === lastChange) continue;
      const room = roomOf(scope);
      // A scope nobody watches is not sent; its subscribers get a snapshot when they arrive.
      if (rooms.has(room)) this.io.local.to(room).emit('update', this.aggregator.state(scope));
      this.sentAtSeq.set(scope, lastChange);
    }
  }
}
