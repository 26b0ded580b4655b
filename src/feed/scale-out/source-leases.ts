import type { Redis } from 'ioredis';
import type { SinkLease } from '../reactions/durable-totals.ts';
import type { ReactionSource } from '../sources/source.ts';
import { ACQUIRE_LEASE_SCRIPT, RELEASE_LEASE_SCRIPT, RENEW_LEASE_SCRIPT } from './lease-scripts.ts';
import type { RedisKeys } from './redis-keys.ts';

/** A source that runs on one node at a time: `create` makes a fresh one at each lease taken (a stopped source does not restart). */
export interface LeasedSource {
  /** The lease's name: the source's own (`simulator`, `tiktok:@user`). */
  readonly name: string;
  create(): ReactionSource | Promise<ReactionSource>;
}

/**
 * Who runs a leased source, as this node sees it:
 * - here: this node holds the lease and runs the source;
 * - elsewhere: node `node` holds it and renews it;
 * - waiting: nobody runs it now, or its holder (`node`) stopped renewing: a node takes it at its next try.
 */
export type LeaseView = { readonly state: 'here' | 'elsewhere' | 'waiting'; readonly node: string | null };

export interface LeaseTiming {
  /** How long a lease lives unrenewed: the longest a source stays unowned after its node died. */
  readonly ttlMs: number;
  /** How often a holder renews and the others try to take a free lease. */
  readonly everyMs: number;
}

/** TTL 5 s, renewed (and tried by the others) every second: a dead node's sources move within about 6 s. */
export const DEFAULT_LEASE_TTL_MS = 5_000;

/** Renewing five times per TTL lets a holder miss a few renewals (a GC pause, a Redis blip) and keep its lease. */
export function leaseTiming(ttlMs: number = DEFAULT_LEASE_TTL_MS): LeaseTiming {
  return { ttlMs, everyMs: Math.max(100, Math.round(ttlMs / 5)) };
}

/**
 * How long after sending its last successful renewal a holder may go on running the source. Redis expires
 * the lease `ttlMs` after it received that renewal, and the holder notices only at its next tick: stopping
 * two ticks before the TTL leaves one tick to spare, so the holder has stopped before another node can
 * take the lease (and were it late, the fence refuses its commits anyway).
 */
function stopBeforeExpiryMs(timing: LeaseTiming): number {
  return timing.ttlMs - 2 * timing.everyMs;
}

export type LeaseRedis = Redis & {
  leaseAcquire(lease: string, counter: string, node: string, instance: string, ttlMs: string): Promise<[0, string, number, number] | [1, number]>;
  leaseRenew(lease: string, instance: string, token: string, ttlMs: string): Promise<number>;
  leaseRelease(lease: string, instance: string, token: string): Promise<number>;
};

/** Teaches a client the lease scripts (once per client). */
export function withLeaseScripts(client: Redis): LeaseRedis {
  client.defineCommand('leaseAcquire', { numberOfKeys: 2, lua: ACQUIRE_LEASE_SCRIPT });
  client.defineCommand('leaseRenew', { numberOfKeys: 1, lua: RENEW_LEASE_SCRIPT });
  client.defineCommand('leaseRelease', { numberOfKeys: 1, lua: RELEASE_LEASE_SCRIPT });
  return client as LeaseRedis;
}

export interface SourceLeasesOptions {
  client: LeaseRedis;
  keys: RedisKeys;
  /** This node's name as operators read it (NODE_ID, or host:pid). */
  nodeId: string;
  /** Unique to this process: two nodes started with the same NODE_ID still hold their leases apart. */
  instance: string;
  timing: LeaseTiming;
  /** Starts a source taken here, its batches fenced by `lease`. */
  run(source: ReactionSource, lease: SinkLease): void;
  log: (line: string) => void;
}

interface Held {
  readonly token: number;
  /** performance.now() after which this node must stop the source by itself: before Redis lets another node take it. */
  validUntil: number;
  source: ReactionSource | null;
}

interface Entry {
  readonly source: LeasedSource;
  readonly key: string;
  held: Held | null;
  view: LeaseView;
}

/**
 * Runs each leased source on exactly one of the nodes sharing a Redis. Every `everyMs` each node renews the
 * leases it holds (compare-and-renew: only under its own instance and token) and tries to take the free
 * ones (a lease expires `ttlMs` after its holder last renewed it, so the sources of a node killed or cut
 * off from Redis move to another node within about ttl + every).
 *
 * Safety does not rest on timing alone: each acquisition INCRs the source's fencing token, every batch
 * the source commits carries it, and the commit script refuses a stale one (redis-scripts.ts). A node
 * frozen past its TTL that commits on waking is refused; its source then stops (`lost`). A node that
 * cannot renew stops its source by itself before the lease would expire in Redis, so two nodes rarely
 * run one source even for a moment, and never count it twice.
 */
export class SourceLeases {
  private readonly entries: Entry[] = [];
  private readonly listeners = new Set<(name: string, view: LeaseView) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private round: Promise<void> | null = null;
  private closed = false;
  /** Renewal failures are logged once per outage, not every second. */
  private unreachable = false;

  constructor(private readonly options: SourceLeasesOptions) {}

  add(source: LeasedSource): void {
    if (this.timer) throw new Error('add every leased source before start()');
    this.entries.push({ source, key: `${this.options.keys.leasePrefix}${source.name}`, held: null, view: { state: 'waiting', node: null } });
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  view(name: string): LeaseView | undefined {
    return this.entries.find((entry) => entry.source.name === name)?.view;
  }

  /** Calls `listener` whenever who runs a source changes; returns the function that stops it. */
  onChange(listener: (name: string, view: LeaseView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts renewing and trying; resolves once the first round has been answered (or has failed), so a node
   * that starts to listen already knows who runs each source rather than saying "waiting" for a second.
   */
  async start(): Promise<void> {
    if (this.timer || this.closed) return;
    const tick = () => {
      this.stopExpired();
      this.round ??= this.runRound().finally(() => (this.round = null));
    };
    this.timer = setInterval(tick, this.options.timing.everyMs);
    this.timer.unref();
    tick();
    await this.round;
  }

  /** Stops trying and stops the sources running here; their leases stay held until release(). */
  async stopSources(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.round;
    await Promise.allSettled(this.entries.map((entry) => entry.held?.source?.stop()));
  }

  /**
   * After the stopped sources' last batches are committed: lets go of the leases held here, so another
   * node takes them at its next try instead of after the TTL.
   */
  async release(): Promise<void> {
    const { client, instance } = this.options;
    await Promise.allSettled(
      this.entries.map(async (entry) => {
        const held = entry.held;
        entry.held = null;
        if (held) await client.leaseRelease(entry.key, instance, String(held.token));
      }),
    );
  }

  private async runRound(): Promise<void> {
    const results = await Promise.allSettled(this.entries.map((entry) => (entry.held ? this.renew(entry, entry.held) : this.tryToTake(entry))));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure && !this.unreachable) this.options.log(`leases: cannot reach Redis (${(failure.reason as Error)?.message}); sources held here stop before their leases expire`);
    this.unreachable = failure !== undefined;
  }

  private async renew(entry: Entry, held: Held): Promise<void> {
    const { client, instance, timing } = this.options;
    const sentAt = performance.now();
    const renewed = await client.leaseRenew(entry.key, instance, String(held.token), String(timing.ttlMs));
    if (entry.held !== held) return;
    if (renewed === 1) held.validUntil = sentAt + stopBeforeExpiryMs(timing);
    else await this.lose(entry, held, 'Redis says the lease is no longer ours (it expired unrenewed, or another node took it)');
  }

  private async tryToTake(entry: Entry): Promise<void> {
    if (this.closed) return;
    const { client, nodeId, instance, timing, log } = this.options;
    const sentAt = performance.now();
    const reply = await client.leaseAcquire(entry.key, `${this.options.keys.leaseTokenPrefix}${entry.source.name}`, nodeId, instance, String(timing.ttlMs));
    if (reply[0] === 0) {
      const [, node, , pttl] = reply;
      // A lease left unrenewed past the moment its holder would stop by itself belongs to a node that is gone.
      const silent = pttl >= 0 && pttl < stopBeforeExpiryMs(timing);
      return this.setView(entry, { state: silent ? 'waiting' : 'elsewhere', node });
    }
    const held: Held = { token: reply[1], validUntil: sentAt + stopBeforeExpiryMs(timing), source: null };
    entry.held = held;
    if (this.closed) return;
    log(`${entry.source.name}: runs on this node (${nodeId}) now: lease taken under fencing token ${held.token}`);
    this.setView(entry, { state: 'here', node: nodeId });
    // Not awaited: a source slow to prepare (a TikTok stream reads its room's likes from Redis) must not hold
    // up the round, or every lease held here would go unrenewed meanwhile and its source stop.
    void this.prepareAndRun(entry, held);
  }

  private async prepareAndRun(entry: Entry, held: Held): Promise<void> {
    let source: ReactionSource;
    try {
      source = await entry.source.create();
    } catch (error) {
      return this.lose(entry, held, `it could not be prepared: ${(error as Error).message}`);
    }
    if (entry.held !== held || this.closed) return void source.stop();
    held.source = source;
    this.options.run(source, { name: entry.source.name, token: held.token, lost: (why) => void this.lose(entry, held, why) });
  }

  /** A held lease this node could not renew in time: its source stops here before another node may start it. */
  private stopExpired(): void {
    const now = performance.now();
    for (const entry of this.entries) {
      const held = entry.held;
      if (!held || now <= held.validUntil) continue;
      const silentMs = now - held.validUntil + stopBeforeExpiryMs(this.options.timing);
      void this.lose(entry, held, `the lease could not be renewed for ${(silentMs / 1000).toFixed(1)} s (Redis unreachable, or this node too slow)`);
    }
  }

  private async lose(entry: Entry, held: Held, why: string): Promise<void> {
    if (entry.held !== held) return;
    entry.held = null;
    this.options.log(`${entry.source.name}: STOPPED on this node (${this.options.nodeId}), lease under token ${held.token} lost: ${why}`);
    this.setView(entry, { state: 'waiting', node: null });
    try {
      await held.source?.stop();
    } catch (error) {
      this.options.log(`${entry.source.name}: stopping failed: ${(error as Error).message}`);
    }
  }

  private setView(entry: Entry, view: LeaseView): void {
    if (entry.view.state === view.state && entry.view.node === view.node) return;
    entry.view = view;
    for (const listener of this.listeners) listener(entry.source.name, view);
  }
}
