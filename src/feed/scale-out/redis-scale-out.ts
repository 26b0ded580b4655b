import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import type { CampaignConfig } from '../../protocol/index.ts';
import type { Aggregator } from '../reactions/aggregator.ts';
import { NO_CELLS } from '../reactions/checked-cells.ts';
import type { CommitFollower } from './commit-follower.ts';
import { createRedisClient } from './redis-connection.ts';
import { redisKeysFor, type RedisKeys } from './redis-keys.ts';
import { RedisStore } from './redis-store.ts';
import { RedisRateLimiter } from './redis-rate-limit.ts';
import { SharedClock } from './shared-clock.ts';
import { applyFollowedChange } from './apply-followed.ts';
import { SharedStreamStatus } from './shared-stream-status.ts';
import { SourceLeases, leaseTiming, withLeaseScripts, type SourceLeasesOptions } from './source-leases.ts';
import type { StreamBoard } from '../sources/tiktok/stream-board.ts';

export interface RedisScaleOutOptions {
  /** redis://[user:password@]host:port[/db] (REDIS_URL for `npm start`). Its password is never logged. */
  url: string;
  /** How long a source's lease lives unrenewed (LEASE_TTL_MS): a dead node's sources move within about 1.2x this. Default 5 s. */
  leaseTtlMs?: number;
}

/** How long an acknowledgement waits for this node to show its own commit (it is durable either way). */
const SHOW_BEFORE_ACK_MS = 2_000;
/** How long a new subscriber waits for this node to catch up with Redis before getting its snapshot. */
const CATCH_UP_BEFORE_SNAPSHOT_MS = 1_000;

/**
 * Several feed nodes behind a load balancer, sharing one Redis.
 *
 * How a batch committed on node A reaches an overlay on node B — the design choice:
 * every node follows the Redis log (RedisStore.follow) and applies every change to its own aggregator,
 * its own commits included, in the order Redis ran them and under the seq Redis gave them. Each node then
 * sends updates to the overlays connected to it (Broadcaster emits `io.local`). We chose this over relaying
 * each node's updates through the socket.io adapter because
 * - every node holds the whole state, so a subscriber anywhere gets a full, current snapshot at once;
 * - the log carries small deltas once per batch, not full states once per tick per node: N nodes cost
 *   Redis N readers, not N² relayed updates, and an overlay never gets the same update from two nodes;
 * - what each node shows is always a prefix of the one Redis order: it converges to the Redis totals,
 *   under one global seq, and never goes backward (a node that lost the log resyncs by growth only).
 * The show state (lower third, goal, clock, region on stage) takes the same path: a desk's change is a
 * setting in the log, which every node's desk takes up and tells its own sockets (`io.local`), so a cue
 * taken on any node reaches the overlays and control pages of every node once, in one order.
 * The socket.io Redis streams adapter is still installed: whatever the feed still broadcasts with
 * `io.emit` (the TikTok stream status on /control) reaches every node.
 */
export class RedisScaleOut {
  readonly store: RedisStore;
  /** The show's time: Redis's clock, the same on every node (started by `follow`). */
  readonly clock: SharedClock;
  private readonly keys: RedisKeys;
  /** The adapter's client and the copies the adapter makes of it (redis-streams-adapter calls duplicate()). */
  private adapterClients: Redis[] = [];
  private follower: CommitFollower | null = null;
  /** The leases' and the stream status's client, made by leases(). */
  private leaseClient: Redis | null = null;
  private readonly limiters: RedisRateLimiter[] = [];

  constructor(
    private readonly campaign: CampaignConfig,
    private readonly options: RedisScaleOutOptions,
    private readonly log: (line: string) => void,
  ) {
    this.keys = redisKeysFor(campaign.id);
    this.store = new RedisStore({ url: options.url, keys: this.keys, log });
    this.clock = new SharedClock(() => this.store.redisTime(), log);
  }

  /** The socket.io adapter, for `new Server(http, { adapter })`. Connects its own Redis client. */
  async createAdapter(): Promise<ServerOptions['adapter']> {
    const { keys } = this;
    // It waits out a Redis outage instead of failing: its read loop would spin on immediate failures.
    const client = createRedisClient(this.options.url, { role: 'socket.io', log: this.log, announce: false, queueWhileDisconnected: true });
    this.adapterClients.push(client);
    // The adapter reads with copies of the client that it only lets go of once a read returns, which a
    // Redis that is down never does: keep them, so that close() can always let go of every connection.
    const duplicate = client.duplicate.bind(client);
    client.duplicate = (...args: Parameters<Redis['duplicate']>) => {
      const copy = duplicate(...args);
      this.adapterClients.push(copy);
      return copy;
    };
    await client.connect();
    const adapter = createAdapter(client, { streamName: keys.adapterStream, channelPrefix: `${keys.prefix}socket.io`, blockTimeInMs: 1_000 });
    // The adapter connects its copies in the background, and a copy that fails to connect rejects a
    // promise nobody catches (it would crash the process): they must be connected before we go on.
    await Promise.all(this.adapterClients.map((copy) => (copy.status === 'ready' ? null : once(copy, 'ready'))));
    return adapter;
  }

  /** A rate limit every node shares (`name`: what it limits, e.g. `ingest`); closed with the scale-out. */
  rateLimiter(name: string, ratePerSecond: number, burst: number): RedisRateLimiter {
    const limiter = new RedisRateLimiter(this.options.url, `${this.keys.rateLimitPrefix}${name}:`, ratePerSecond, burst, this.log);
    this.limiters.push(limiter);
    return limiter;
  }

  /**
   * After the store is open and its totals loaded into the aggregator: takes up the shared seq and starts
   * following the log. Returns what DurableTotals needs to wait for its own commits to show.
   */
  follow(aggregator: Aggregator): { reached: (seq: number) => Promise<boolean> } {
    aggregator.count(NO_CELLS, this.store.openedAtSeq);
    const follower = this.store.follow((change) => applyFollowedChange(aggregator, change, this.log));
    this.follower = follower;
    return { reached: (seq) => follower.reached(seq, SHOW_BEFORE_ACK_MS) };
  }

  /**
   * Resolves once this node shows every change Redis had when it was called (or after a second, or at
   * once when Redis is away): an overlay that moves to this node never gets an older snapshot than the
   * one it had.
   */
  async caughtUp(): Promise<void> {
    const follower = this.follower;
    if (!follower) return;
    const seq = await this.store.currentSeq().catch(() => 0);
    await follower.reached(seq, CATCH_UP_BEFORE_SNAPSHOT_MS);
  }

  /**
   * The leases of this node's sources (the simulator, the TikTok streams): each runs on one node at a
   * time (source-leases.ts). Connects their own client; add the sources, then start().
   */
  async leases(nodeId: string, run: SourceLeasesOptions['run']): Promise<SourceLeases> {
    const timing = leaseTiming(this.options.leaseTtlMs);
    // A renewal that cannot be answered within a round is a failed one: the next round tries again.
    const client = createRedisClient(this.options.url, { role: 'leases', log: this.log, announce: false, queueWhileDisconnected: false, commandTimeoutMs: timing.everyMs });
    this.leaseClient = client;
    await client.connect();
    this.log(`leases: this node is ${nodeId}; a source's lease lives ${timing.ttlMs} ms unrenewed, renewed and tried every ${timing.everyMs} ms`);
    return new SourceLeases({ client: withLeaseScripts(client), keys: this.keys, nodeId, instance: randomUUID(), timing, run, log: this.log });
  }

  /** Shares the board's stream status with the other nodes, through the leases' client (call leases() first). */
  shareStreamStatus(board: StreamBoard): SharedStreamStatus {
    if (!this.leaseClient) throw new Error('call leases() before shareStreamStatus()');
    return new SharedStreamStatus(this.leaseClient, this.keys.streamStatus, board, this.log);
  }

  /**
   * After io.close() (which closes the adapter): lets go of the adapter's connections at once, whether
   * Redis is there or not (what the adapter had to send is lost with the overlays it was for). The store
   * closes with DurableTotals.
   */
  async close(): Promise<void> {
    this.clock.stop();
    for (const limiter of this.limiters.splice(0)) limiter.close();
    for (const client of this.adapterClients.splice(0)) client.disconnect();
    this.leaseClient?.disconnect();
  }
}
