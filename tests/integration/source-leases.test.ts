import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { redisKeysFor } from '../../src/feed/scale-out/redis-keys.ts';
import { RedisStore } from '../../src/feed/scale-out/redis-store.ts';
import { withLeaseScripts } from '../../src/feed/scale-out/source-leases.ts';
import { checkedCells } from '../unit/feed/reactions/checked-cells.ts';
import { FencedError } from '../../src/feed/store/store.ts';
import { FeedState, StreamStatusList, emptyTotals, type CampaignConfig, type ReactionTotals } from '../../src/protocol/index.ts';
import { ChildScript } from './fixtures/child-process.ts';
import { TcpCut } from './helpers/tcp-cut.ts';
import { sameTotals, updateWhere, useRedisFeeds } from './helpers/redis-feeds.ts';

/*
 * Each source (the simulator, each TikTok stream) runs on exactly one of the nodes sharing a Redis, under a
 * lease with a fencing token (src/feed/scale-out/source-leases.ts). Real redis-server, real feed nodes in
 * child processes started the same way (only NODE_ID differs), killed with SIGKILL or frozen with SIGSTOP;
 * only the third-party TikTok library is a stand-in (TikTok itself is not reachable from a test).
 */

const feeds = useRedisFeeds();
const NODE = fileURLToPath(new URL('./fixtures/leased-feed-node.ts', import.meta.url));
/** Shorter than the 5 s default, to keep the file quick; renewed every 600 ms. */
const TTL_MS = 3_000;
/** Take-over must come within TTL + one try, and a node start; this bounds it generously for a loaded machine. */
const TAKE_OVER_WITHIN_MS = 20_000;
const ROOM = '7441000000000000001';
const TOHOKU = 'locallove_tohoku';

interface Node {
  readonly id: string;
  readonly url: string;
  readonly child: ChildScript;
  /** TikTok sends this to the stream's LIVE: it reaches the node if that node is connected to it. */
  tiktok(stream: string, type: string, data: unknown): void;
}

async function startNode(campaign: CampaignConfig, id: string, simulator?: object): Promise<Node> {
  const child = feeds.track(new ChildScript(NODE, [feeds.redis.url, campaign.id, id, String(TTL_MS), ...(simulator ? [JSON.stringify(simulator)] : [])]));
  const line = await child.waitForLine((text) => text.startsWith('LISTENING '), 60_000);
  return {
    id,
    url: line.slice('LISTENING '.length),
    child,
    tiktok: (stream, type, data) => child.process.stdin.write(`${JSON.stringify({ stream, type, data })}\n`),
  };
}

async function streamsOn(node: Node): Promise<StreamStatusList> {
  return StreamStatusList.parse(await (await fetch(`${node.url}/api/streams`)).json());
}

async function stateOn(node: { url: string }): Promise<FeedState> {
  return FeedState.parse(await (await fetch(`${node.url}/api/state`)).json());
}

/** Every node names the same runner for every stream: that node says `here` and is connected, the others `elsewhere`. */
async function agreedOwners(nodes: readonly Node[]): Promise<Map<string, string>> {
  const lists = await Promise.all(nodes.map(streamsOn));
  const owners = new Map<string, string>();
  for (const stream of lists[0]!.streams) {
    const runner = nodes.find((node, index) => lists[index]!.streams.find((s) => s.uniqueId === stream.uniqueId)!.owner.lease === 'here');
    expect(runner, `a node runs @${stream.uniqueId}`).toBeDefined();
    lists.forEach((list, index) => {
      const seen = list.streams.find((s) => s.uniqueId === stream.uniqueId)!;
      expect(seen.owner).toEqual({ lease: nodes[index] === runner ? 'here' : 'elsewhere', node: runner!.id });
      // The runner's connection, as every node sees it: shared through Redis.
      expect(seen.state).toBe('connected');
    });
    owners.set(stream.uniqueId, runner!.id);
  }
  return owners;
}

const now = () => String(Date.now());
let message = 0;
const like = (total: number) => ({ common: { msgId: `like-${message++}`, createTime: now() }, count: 1, total: String(total) });
const chat = (content: string) => ({ common: { msgId: `chat-${message++}`, createTime: now() }, content });

/** A simulator of likes alone, at a steady rate (no surges), so a window's count says how many simulators ran. */
const steadyLikes = (likesPerSecond: number) => ({ likesPerSecond, commentsPerSecond: 0, giftsPerSecond: 0, sharesPerSecond: 0, surges: false as const });
const totalsWith = (patch: Partial<ReactionTotals>): ReactionTotals => ({ ...emptyTotals(), ...patch });

describe('source leases: each source runs on one node at a time', () => {
  it('fences a lost lease: a commit under a stale token is refused and changes nothing', async () => {
    const campaign = feeds.freshCampaign();
    const keys = redisKeysFor(campaign.id);
    const client = withLeaseScripts(new Redis(feeds.redis.url));
    const store = new RedisStore({ url: feeds.redis.url, keys, log: () => {} });
    try {
      await store.open();
      const lease = `${keys.leasePrefix}simulator`;
      const counter = `${keys.leaseTokenPrefix}simulator`;
      const cells = checkedCells([{ region: 'tohoku', market: 'jp', likes: 10, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 }]);
      const commit = (token: number) => store.commitReactions({ source: 'simulator', cells, fence: { lease: 'simulator', token } });

      expect(await client.leaseAcquire(lease, counter, 'node-a', 'instance-a', '300')).toEqual([1, 1]);
      expect((await commit(1)).status).toBe('committed');
      // Node B finds it held; node A is frozen past the TTL; then B takes it under a higher token.
      expect((await client.leaseAcquire(lease, counter, 'node-b', 'instance-b', '300')).slice(0, 3)).toEqual([0, 'node-a', 1]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await client.leaseAcquire(lease, counter, 'node-b', 'instance-b', '5000')).toEqual([1, 2]);

      // A wakes: its late commit is refused in the commit script itself, and its renewal fails.
      await expect(commit(1)).rejects.toThrow(FencedError);
      await expect(commit(1)).rejects.toThrow(/token 1\) is lost, it is held under token 2 now/);
      expect(await client.leaseRenew(lease, 'instance-a', '1', '5000')).toBe(0);
      expect((await feeds.inRedis(campaign)).totals).toEqual(totalsWith({ likes: 10 }));

      expect((await commit(2)).status).toBe('committed');
      expect(await client.leaseRenew(lease, 'instance-b', '2', '5000')).toBe(1);
      // B gave its source up (it could not renew in time) while Redis kept the lease: B takes it back at
      // once, under a new token, which fences whatever B still had in flight under the old one.
      expect(await client.leaseAcquire(lease, counter, 'node-b', 'instance-b', '5000')).toEqual([1, 3]);
      await expect(commit(2)).rejects.toThrow(/token 2\) is lost, it is held under token 3 now/);
      // B lets go at a clean stop; a stale token stays refused when nobody holds the lease.
      expect(await client.leaseRelease(lease, 'instance-a', '1')).toBe(0);
      expect(await client.leaseRelease(lease, 'instance-b', '2')).toBe(0);
      expect(await client.leaseRelease(lease, 'instance-b', '3')).toBe(1);
      await expect(commit(3)).rejects.toThrow(/nobody holds it now/);
      expect((await feeds.inRedis(campaign)).totals).toEqual(totalsWith({ likes: 20 }));
    } finally {
      client.disconnect();
      await store.close();
    }
  });

  it('moves the TikTok streams off a node killed with SIGKILL, and the totals stay exact', { timeout: 180_000 }, async () => {
    const campaign = feeds.freshCampaign();
    const first = await startNode(campaign, 'node-a');
    const nodes = [first, await startNode(campaign, 'node-b'), await startNode(campaign, 'node-c')];
    // The first node started takes every free stream; every node shows who runs each.
    await vi.waitFor(async () => expect([...(await agreedOwners(nodes)).values()]).toEqual(Array(5).fill('node-a')), { timeout: TAKE_OVER_WITHIN_MS, interval: 200 });
    const overlays = await Promise.all(nodes.map((node) => feeds.overlayOn(node.url)));

    // TikTok sends to the LIVE; only the node connected to it hears it.
    const send = (type: string, data: unknown) => nodes.forEach((node) => node.tiktok(TOHOKU, type, data));
    send('like', like(1_000)); // the baseline: likes made before the feed listened
    send('like', like(1_100));
    for (const text of ['がんばれ', 'from Sendai', '応援']) send('chat', chat(text));
    await vi.waitFor(async () => expect((await feeds.inRedis(campaign)).totals).toEqual(totalsWith({ likes: 100, comments: 3 })), { timeout: 10_000 });

    await first.child.kill9();
    const survivors = nodes.slice(1);
    // While nobody listens the room goes on: its like total rises, and the next owner counts that rise once.
    send('like', like(1_250));
    const killedAt = performance.now();
    const seenOnB: string[] = [];
    await vi.waitFor(
      async () => {
        const { owner } = (await streamsOn(survivors[0]!)).streams.find((stream) => stream.uniqueId === TOHOKU)!;
        seenOnB.push(`${owner.lease} ${owner.node}`);
        const owners = await agreedOwners(survivors);
        expect([...owners.values()].every((id) => id !== 'node-a')).toBe(true);
      },
      { timeout: TAKE_OVER_WITHIN_MS, interval: 100 },
    );
    // Before the lease expired, node B said node A had stopped renewing it.
    expect(seenOnB).toContain('waiting node-a');
    const tookOverMs = performance.now() - killedAt;
    expect(tookOverMs).toBeLessThan(TAKE_OVER_WITHIN_MS);

    const expected = totalsWith({ likes: 300, comments: 4 });
    const shownOnOverlays = overlays.slice(1).map(({ client }) => updateWhere(client, (state) => sameTotals(state.totals, expected)));
    send('like', like(1_300));
    send('like', like(1_290)); // a late, lower total adds nothing
    send('chat', chat('おかえり'));
    await vi.waitFor(async () => expect((await feeds.inRedis(campaign)).totals).toEqual(expected), { timeout: 10_000 });
    // Every surviving node and its overlay show exactly that; nothing more arrives later.
    await Promise.all(shownOnOverlays);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await feeds.inRedis(campaign)).totals).toEqual(expected);
    for (const node of survivors) expect((await stateOn(node)).totals).toEqual(expected);
    const redis = new Redis(feeds.redis.url);
    expect(await redis.hget(redisKeysFor(campaign.id).roomLikes, ROOM)).toBe('1300');
    redis.disconnect();
  });

  it('runs the simulator enabled on three nodes at the rate of one, before and after its node dies', { timeout: 180_000 }, async () => {
    const campaign = feeds.freshCampaign();
    const LIKES_PER_SECOND = 2_000;
    const simulator = steadyLikes(LIKES_PER_SECOND);
    const nodes = [await startNode(campaign, 'node-a', simulator), await startNode(campaign, 'node-b', simulator), await startNode(campaign, 'node-c', simulator)];
    const runnerOf = async (among: readonly Node[]) => {
      const lists = await Promise.all(among.map(streamsOn));
      const here = among.filter((_, index) => lists[index]!.simulator?.lease === 'here');
      expect(here).toHaveLength(1);
      for (const list of lists) expect(list.simulator?.node).toBe(here[0]!.id);
      return here[0]!;
    };
    // The rate over a window, from Redis: one node's simulator, not three (2,000 likes/s, Poisson: ±1% over 5 s).
    const rateOver = async (seconds: number) => {
      const before = (await feeds.inRedis(campaign)).totals.likes;
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const after = (await feeds.inRedis(campaign)).totals.likes;
      return (after - before) / ((performance.now() - started) / 1000);
    };

    const runner = await vi.waitFor(() => runnerOf(nodes), { timeout: TAKE_OVER_WITHIN_MS, interval: 200 });
    const rate = await rateOver(5);
    // Three simulators would give 6,000/s; timer delays on a loaded machine cannot raise it above one's.
    expect(rate).toBeGreaterThan(0.5 * LIKES_PER_SECOND);
    expect(rate).toBeLessThan(1.5 * LIKES_PER_SECOND);

    await runner.child.kill9();
    const survivors = nodes.filter((node) => node !== runner);
    await vi.waitFor(() => runnerOf(survivors), { timeout: TAKE_OVER_WITHIN_MS, interval: 200 });
    const rateAfter = await rateOver(5);
    expect(rateAfter).toBeGreaterThan(0.5 * LIKES_PER_SECOND);
    expect(rateAfter).toBeLessThan(1.5 * LIKES_PER_SECOND);
  });

  it('stops the source on a node cut off from Redis before its lease expires, and another node takes it over', { timeout: 120_000 }, async () => {
    const campaign = feeds.freshCampaign();
    const relay = await TcpCut.to(feeds.redis.port);
    const simulator = steadyLikes(500);
    const logged: { at: number; node: string; line: string }[] = [];
    const node = (id: string, url: string) =>
      feeds.startNode(campaign, [], { nodeId: id, simulator, redis: { url, leaseTtlMs: TTL_MS }, log: (line) => logged.push({ at: performance.now(), node: id, line }) });
    const cutOff = await node('node-a', `redis://127.0.0.1:${relay.port}`);
    const simulatorOn = async (feed: { url: string }) => StreamStatusList.parse(await (await fetch(`${feed.url}/api/streams`)).json()).simulator;
    await vi.waitFor(async () => expect(await simulatorOn(cutOff)).toEqual({ lease: 'here', node: 'node-a' }), { timeout: TAKE_OVER_WITHIN_MS, interval: 100 });
    const other = await node('node-b', feeds.redis.url);
    expect(await simulatorOn(other)).toEqual({ lease: 'elsewhere', node: 'node-a' });

    relay.cut();
    await vi.waitFor(async () => expect(await simulatorOn(other)).toEqual({ lease: 'here', node: 'node-b' }), { timeout: TAKE_OVER_WITHIN_MS, interval: 100 });
    const stopped = logged.find((entry) => entry.node === 'node-a' && /^simulator: STOPPED on this node \(node-a\), lease under token 1 lost: the lease could not be renewed/.test(entry.line));
    const taken = logged.find((entry) => entry.node === 'node-b' && entry.line.startsWith('simulator: runs on this node (node-b) now: lease taken under fencing token 2'));
    expect(stopped, logged.map((entry) => `${entry.node} ${entry.line}`).join('\n')).toBeDefined();
    // Node A stopped by itself before Redis let node B take the lease: they never ran it both at once.
    expect(stopped!.at).toBeLessThan(taken!.at);
    expect(await simulatorOn(cutOff)).toEqual({ lease: 'waiting', node: null });

    // Back on the network, node A sees who runs it now and shows the totals Redis holds.
    relay.mend();
    await vi.waitFor(async () => expect(await simulatorOn(cutOff)).toEqual({ lease: 'elsewhere', node: 'node-b' }), { timeout: TAKE_OVER_WITHIN_MS, interval: 100 });
    const inRedis = (await feeds.inRedis(campaign)).totals.likes;
    await vi.waitFor(async () => expect((await stateOn(cutOff)).totals.likes).toBeGreaterThanOrEqual(inRedis), { timeout: 10_000 });
    await cutOff.close();
    await relay.close();
  });

  it('stops the source on a node frozen past its lease, whose late commit is refused when it wakes', { timeout: 180_000 }, async () => {
    const campaign = feeds.freshCampaign();
    const simulator = steadyLikes(2_000);
    const frozen = await startNode(campaign, 'node-a', simulator);
    await vi.waitFor(async () => expect((await streamsOn(frozen)).simulator?.lease).toBe('here'), { timeout: TAKE_OVER_WITHIN_MS, interval: 200 });
    const other = await startNode(campaign, 'node-b', simulator);
    expect((await streamsOn(other)).simulator).toEqual({ lease: 'elsewhere', node: 'node-a' });

    // A stop-the-world pause longer than the TTL (a VM migrated, a laptop lid closed, a debugger).
    frozen.child.process.kill('SIGSTOP');
    await vi.waitFor(async () => expect((await streamsOn(other)).simulator).toEqual({ lease: 'here', node: 'node-b' }), { timeout: TAKE_OVER_WITHIN_MS, interval: 200 });
    frozen.child.process.kill('SIGCONT');

    // On waking, which of its overdue timers runs first is up to the event loop: either the simulator ticks
    // once more and the fence refuses that batch, or the lease check stops the source before it commits.
    await vi.waitFor(() => expect(frozen.child.stderr.join('\n')).toMatch(/simulator: STOPPED on this node \(node-a\), lease under token 1 lost/), { timeout: 10_000 });
    const refused = frozen.child.stderr.filter((line) => line.includes('cells not counted'));
    for (const line of refused) expect(line).toMatch(/simulator: \d+ cells not counted: this node's lease on simulator \(token 1\) is lost, it is held under token 2 now: nothing written/);
    await vi.waitFor(async () => expect((await streamsOn(frozen)).simulator).toEqual({ lease: 'elsewhere', node: 'node-b' }), { timeout: 10_000 });
    // From then on it runs on node B alone; node A follows the totals like any other node.
    const inRedis = (await feeds.inRedis(campaign)).totals.likes;
    await vi.waitFor(async () => expect((await stateOn(frozen)).totals.likes).toBeGreaterThanOrEqual(inRedis), { timeout: 10_000 });
  });
});
