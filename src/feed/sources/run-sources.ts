import type { CampaignConfig } from '../../protocol/index.ts';
import type { DurableTotals } from '../reactions/durable-totals.ts';
import type { RedisScaleOut } from '../scale-out/redis-scale-out.ts';
import type { SharedStreamStatus } from '../scale-out/shared-stream-status.ts';
import type { LeaseView, SourceLeases } from '../scale-out/source-leases.ts';
import { SimulatorSource, type SimulatorOptions } from './simulator.ts';
import type { ReactionSource } from './source.ts';
import type { StreamBoard, TikTokStream } from './tiktok/index.ts';

export interface RunSourcesOptions {
  campaign: CampaignConfig;
  totals: DurableTotals;
  simulator: SimulatorOptions | false;
  /** The TikTok streams this node may follow (none when TikTok is off). */
  streams: readonly TikTokStream[];
  /** Where the streams' status and every source's owner are shown (/api/streams). */
  board: StreamBoard;
  /** Sources every node runs for itself (the control page's test source, a test's own): never leased. */
  ownSources: readonly ReactionSource[];
  /** Each TikTok room's highest like total as the store held it at the start (one node, no Redis). */
  roomLikeTotals: Readonly<Record<string, number>>;
  /** Scaled out: the simulator and each TikTok stream run under a lease, on one node at a time. */
  scaleOut: RedisScaleOut | null;
  nodeId: string;
  log: (line: string) => void;
}

/** The leases' names: a source's own name, as its batches are logged. */
const SIMULATOR_LEASE = 'simulator';
const tiktokLease = (uniqueId: string) => `tiktok:@${uniqueId}`;

export interface RunningSources {
  /** Stops every source here, waits for their last batches, then lets go of their leases. */
  close(): Promise<void>;
}

/**
 * Starts the feed's sources, each feeding its own sink (reactions/durable-totals.ts).
 * - One node (journal or memory): every source runs here, at once.
 * - Scaled out on Redis: the simulator and each TikTok stream are leased (scale-out/source-leases.ts), so
 *   each runs on exactly one node however many are started the same way, and moves to another node when
 *   its node dies. A stream taken over goes on from the like totals Redis holds at that moment.
 */
export async function runSources(options: RunSourcesOptions): Promise<RunningSources> {
  const { campaign, totals, simulator, streams, board, scaleOut, roomLikeTotals } = options;
  const own = [...options.ownSources];
  let leases: SourceLeases | null = null;
  let sharedStatus: SharedStreamStatus | null = null;

  if (!scaleOut) {
    const counted = (roomId: string) => (Object.hasOwn(roomLikeTotals, roomId) ? roomLikeTotals[roomId] : undefined);
    const local = { lease: 'local', node: options.nodeId } as const;
    if (simulator) {
      own.push(new SimulatorSource(campaign, simulator));
      board.setSimulatorOwner(local);
    }
    for (const stream of streams) {
      own.push(stream.makeSource(counted));
      board.setOwner(stream.config.uniqueId, local);
    }
  } else if (simulator || streams.length > 0) {
    leases = await scaleOut.leases(options.nodeId, (source, lease) => source.start(totals.sinkFor(source.name, lease)));
    if (simulator) leases.add({ name: SIMULATOR_LEASE, create: () => new SimulatorSource(campaign, simulator) });
    for (const stream of streams) {
      leases.add({
        name: tiktokLease(stream.config.uniqueId),
        create: async () => {
          const counted = await scaleOut.store.readRoomLikeTotals();
          return stream.makeSource((roomId) => (Object.hasOwn(counted, roomId) ? counted[roomId] : undefined));
        },
      });
    }
    const byLease = new Map(streams.map((stream) => [tiktokLease(stream.config.uniqueId), stream.config.uniqueId]));
    leases.onChange((name, view) => {
      const owner = { lease: view.state, node: view.node };
      const uniqueId = byLease.get(name);
      if (uniqueId === undefined) return board.setSimulatorOwner(owner);
      if (view.state !== 'here') board.run(uniqueId, null);
      board.setOwner(uniqueId, owner);
    });
    if (simulator) board.setSimulatorOwner({ lease: 'waiting', node: null });
    if (streams.length > 0) {
      sharedStatus = scaleOut.shareStreamStatus(board);
      sharedStatus.start();
    }
    await leases.start();
  }
  for (const source of own) source.start(totals.sinkFor(source.name));

  return {
    async close() {
      sharedStatus?.close();
      await leases?.stopSources();
      await Promise.allSettled(own.map(async (source) => source.stop()));
      // A stopped source's last batch still commits under its lease: only then may another node take it.
      await totals.drain();
      await leases?.release();
    },
  };
}
