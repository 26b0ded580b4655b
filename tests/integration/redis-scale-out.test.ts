import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { redisKeysFor } from '../../src/feed/store/redis-keys.ts';
import { PROTOCOL_VERSION, REACTION_KINDS, emptyTotals, type CampaignConfig, type FeedState, type IngestBatch, type ReactionTotals } from '../../src/protocol/index.ts';
import { ChildScript } from './fixtures/child-process.ts';
import { connectClient, subscribe, type OverlayClient } from './helpers/feed-client.ts';
import { batchForKey, campaignTotalsOf, postIngest } from './helpers/ingest-batches.ts';
import { RedisServer } from './helpers/redis-server.ts';

const TOKEN = 'redis-ingest-token-0123456789';
const CONTROL_TOKEN = 'redis-control-token-0123456789';
const CHILD_NODE = fileURLToPath(new URL('./fixtures/redis-feed-node.ts', import.meta.url));
const sample = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

let redis: RedisServer;
const feeds: FeedServer[] = [];
const overlays: OverlayClient[] = [];
const children: ChildScript[] = [];
let campaigns = 0;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterEach(async () => {
  for (const overlay of overlays.splice(0)) overlay.close();
  await Promise.all(children.splice(0).map((child) => child.kill9()));
  await Promise.all(feeds.splice(0).map((feed) => feed.close()));
});
afterAll(async () => {
  await redis?.destroy();
});

/** Each test has its own campaign id, so its own keys in the one Redis. */
function freshCampaign(): CampaignConfig {
  return { ...sample, id: `redis-test-${campaigns++}` };
}

async function startNode(campaign: CampaignConfig, logs: string[] = []): Promise<FeedServer> {
  const feed = await startFeedServer({
    campaign,
    redis: { url: redis.url },
    ingest: { tokens: [TOKEN], requestsPerSecond: 10_000, burst: 10_000 },
    control: { token: CONTROL_TOKEN },
    tickMs: 20,
    log: (line) => logs.push(line),
  });
  feeds.push(feed);
  return feed;
}

async function overlayOn(feed: FeedServer, region: string | null = null): Promise<{ client: OverlayClient; snapshot: FeedState }> {
  const client = await connectClient(feed.url);
  overlays.push(client);
  const answer = await subscribe(client, { v: PROTOCOL_VERSION, region });
  if (!answer.ok) throw new Error(answer.error.message);
  return { client, snapshot: answer.value };
}

/** Resolves with the first update the overlay receives that matches. */
function updateWhere(client: OverlayClient, match: (state: FeedState) => boolean): Promise<FeedState> {
  return new Promise((resolve) => {
    const onUpdate = (state: FeedState) => {
      if (!match(state)) return;
      client.off('update', onUpdate);
      resolve(state);
    };
    client.on('update', onUpdate);
  });
}

const sameTotals = (a: ReactionTotals, b: ReactionTotals) => REACTION_KINDS.every((kind) => a[kind] === b[kind]);

/** What Redis itself holds, read with a client of the test's own: the campaign hash and the remembered keys. */
async function inRedis(campaign: CampaignConfig): Promise<{ totals: ReactionTotals; keys: Set<string>; seq: number }> {
  const keys = redisKeysFor(campaign.id);
  const client = new Redis(redis.url);
  try {
    const hash = await client.hgetall(keys.campaign);
    const totals = emptyTotals();
    for (const kind of REACTION_KINDS) totals[kind] = Number(hash[kind] ?? 0);
    return { totals, keys: new Set(await client.zrange(keys.idempotency, 0, -1)), seq: Number((await client.get(keys.seq)) ?? 0) };
  } finally {
    client.disconnect();
  }
}

describe('two feed nodes on one Redis', () => {
  it('ingest on node A reaches an overlay on node B, under the seq Redis gave it', async () => {
    const campaign = freshCampaign();
    const a = await startNode(campaign);
    const b = await startNode(campaign);
    const { client } = await overlayOn(b);
    const batch = batchForKey('reach-1', campaign);
    const expected = campaignTotalsOf([batch]);

    const seen = updateWhere(client, (state) => sameTotals(state.totals, expected));
    const answer = await postIngest(a.url, TOKEN, batch);
    expect(answer).toMatchObject({ status: 200, json: { duplicate: false, seq: 1 } });
    const update = await seen;

    expect(update.seq).toBe(1);
    expect(update.donation).toEqual(a.aggregator.state(null).donation);
    expect((await inRedis(campaign)).totals).toEqual(expected);
  });

  it('counts a batch sent to node A and retried on node B once', async () => {
    const campaign = freshCampaign();
    const a = await startNode(campaign);
    const b = await startNode(campaign);
    const batch = batchForKey('retry-1', campaign);
    const expected = campaignTotalsOf([batch]);

    expect(await postIngest(a.url, TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: false } });
    expect(await postIngest(b.url, TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: true, counted: 0 } });
    expect(await postIngest(a.url, TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: true, counted: 0 } });

    const stored = await inRedis(campaign);
    expect(stored.totals).toEqual(expected);
    expect([...stored.keys]).toEqual(['retry-1']);
    await vi.waitFor(() => expect(b.aggregator.state(null).totals).toEqual(expected));
    expect(a.aggregator.state(null).totals).toEqual(expected);
  });

  it('converges both nodes to exactly the Redis totals under concurrent ingest, and no overlay sees them go backward', async () => {
    const campaign = freshCampaign();
    const nodes = [await startNode(campaign), await startNode(campaign)];
    const watchers = await Promise.all(nodes.map(async (node) => (await overlayOn(node)).client));
    const received = watchers.map((client) => {
      const states: FeedState[] = [];
      client.on('update', (state) => states.push(state));
      return states;
    });
    const batches = Array.from({ length: 60 }, (_, i) => batchForKey(`concurrent-${i}`, campaign));
    const expected = campaignTotalsOf(batches);
    const finalOn = watchers.map((client) => updateWhere(client, (state) => sameTotals(state.totals, expected)));

    const answers = await Promise.all(batches.map((batch, i) => postIngest(nodes[i % 2]!.url, TOKEN, batch)));
    expect(answers.map((answer) => answer.status)).toEqual(batches.map(() => 200));
    await Promise.all(finalOn);

    const stored = await inRedis(campaign);
    expect(stored.totals).toEqual(expected);
    expect(stored.seq).toBe(60);
    for (const node of nodes) {
      expect(node.aggregator.state(null).totals).toEqual(expected);
      expect(node.aggregator.seq).toBe(60);
    }
    for (const states of received) {
      for (let i = 1; i < states.length; i++) {
        expect(states[i]!.seq).toBeGreaterThan(states[i - 1]!.seq);
        for (const kind of REACTION_KINDS) expect(states[i]!.totals[kind]).toBeGreaterThanOrEqual(states[i - 1]!.totals[kind]);
      }
    }
  });

  it('gives an overlay that moves to another node a snapshot at least as new as what it acknowledged', async () => {
    const campaign = freshCampaign();
    const a = await startNode(campaign);
    // Node B runs in a child process so that it can be frozen (SIGSTOP) past its log reader's 1 s XREAD
    // timeout: when it thaws, its reader has to ask Redis again, while the overlay's subscribe is already
    // there to answer. B must catch up first, or the overlay would get a snapshot older than A's answer.
    const child = new ChildScript(CHILD_NODE, [redis.url, campaign.id, TOKEN]);
    children.push(child);
    const bUrl = (await child.waitForLine((line) => line.startsWith('LISTENING '))).slice('LISTENING '.length);
    const client = await connectClient(bUrl);
    overlays.push(client);
    const batches = Array.from({ length: 3 }, (_, i) => batchForKey(`move-${i}`, campaign));
    for (const batch of batches) {
      child.process.kill('SIGSTOP');
      let answer, resubscribing;
      try {
        await new Promise((resolve) => setTimeout(resolve, 1_300));
        answer = await postIngest(a.url, TOKEN, batch);
        resubscribing = subscribe(client, { v: PROTOCOL_VERSION, region: null });
        // Lets the subscribe leave this process: it waits in frozen B's socket.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        child.process.kill('SIGCONT');
      }
      const resubscribed = await resubscribing;
      expect(resubscribed.ok && resubscribed.value.seq).toBeGreaterThanOrEqual(answer.json.seq as number);
    }
    const final = await subscribe(client, { v: PROTOCOL_VERSION, region: null });
    expect(final.ok && final.value.totals).toEqual(campaignTotalsOf(batches));
  });

  it('shows the goal a producer sets on one node on the overlays of every node', async () => {
    const campaign = freshCampaign();
    const a = await startNode(campaign);
    const b = await startNode(campaign);
    const { client } = await overlayOn(b);
    const newGoal = campaign.goalMinor + 1_000;
    const seen = updateWhere(client, (state) => state.donation.goalMinor === newGoal);
    const response = await fetch(`${a.url}/api/control/goal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ goalMinor: newGoal }),
    });
    expect(response.status).toBe(200);
    await seen;
    expect(b.aggregator.goalMinor).toBe(newGoal);
    expect(a.aggregator.state(null).donation.goalMinor).toBe(newGoal);
    expect(a.aggregator.seq).toBe(b.aggregator.seq);
  });
});

describe('failures', () => {
  it('loses nothing a node acknowledged when it is killed with SIGKILL mid-ingest, and counts nothing twice', async () => {
    const campaign = freshCampaign();
    const child = new ChildScript(CHILD_NODE, [redis.url, campaign.id, TOKEN]);
    children.push(child);
    const childUrl = (await child.waitForLine((line) => line.startsWith('LISTENING '))).slice('LISTENING '.length);
    const survivor = await startNode(campaign);

    const sent = new Map<string, IngestBatch>();
    const acknowledged = new Set<string>();
    let next = 0;
    const sender = async () => {
      for (;;) {
        const batch = batchForKey(`kill-${next++}`, campaign);
        sent.set(batch.idempotencyKey, batch);
        try {
          const answer = await postIngest(childUrl, TOKEN, batch);
          if (answer.status === 200) acknowledged.add(batch.idempotencyKey);
        } catch {
          return; // the node died while this request was in flight
        }
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    await vi.waitFor(() => expect(acknowledged.size).toBeGreaterThanOrEqual(150), { timeout: 20_000, interval: 5 });
    await child.kill9();
    await Promise.all(senders);

    // Every acknowledged batch is in Redis, and Redis holds exactly the batches it remembers, each once.
    const afterKill = await inRedis(campaign);
    expect([...acknowledged].filter((key) => !afterKill.keys.has(key))).toEqual([]);
    expect(afterKill.totals).toEqual(campaignTotalsOf([...afterKill.keys].map((key) => sent.get(key)!)));

    // The sender retries what it never saw acknowledged on the surviving node: each batch counts once.
    const unacknowledged = [...sent.keys()].filter((key) => !acknowledged.has(key));
    expect(unacknowledged.length).toBeGreaterThan(0);
    for (const key of unacknowledged) expect((await postIngest(survivor.url, TOKEN, sent.get(key)!)).status).toBe(200);
    const everything = campaignTotalsOf(sent.values());
    expect((await inRedis(campaign)).totals).toEqual(everything);
    // The survivor showed what the dead node committed, through the log.
    await vi.waitFor(() => expect(survivor.aggregator.state(null).totals).toEqual(everything));
  });

  it('survives Redis crashing (SIGKILL) mid-ingest and restarting: 503 while it is away, a clear log, every acknowledged batch kept', async () => {
    const campaign = freshCampaign();
    const logsA: string[] = [];
    const nodes = [await startNode(campaign, logsA), await startNode(campaign)] as const;
    const { client } = await overlayOn(nodes[1]);
    const batches = Array.from({ length: 40 }, (_, i) => batchForKey(`crash-${i}`, campaign));

    // Redis dies while the batches are in flight, as soon as the first is acknowledged.
    let crashed: Promise<void> | null = null;
    const answers = await Promise.all(
      batches.map(async (batch, i) => {
        const answer = await postIngest(nodes[i % 2]!.url, TOKEN, batch);
        if (answer.status === 200) crashed ??= redis.crash();
        return answer;
      }),
    );
    await crashed;
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => answer.status)).toEqual(refused.map(() => 503));
    // Once the node has noticed, a batch is refused at once, with a message a sender can act on.
    await vi.waitFor(() => expect(logsA.join('\n')).toMatch(/store: Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable \(.+\); reconnecting/), { timeout: 10_000 });
    const whileAway = await postIngest(nodes[0].url, TOKEN, batches[0]!);
    expect(whileAway.status).toBe(503);
    expect((whileAway.json.error as { message: string }).message).toMatch(
      /^not counted: the store cannot make it durable \(Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable; reconnecting\); retry with the same idempotencyKey later$/,
    );

    await redis.start();
    await vi.waitFor(() => expect(logsA.join('\n')).toMatch(/store: Redis at redis:\/\/127\.0\.0\.1:\d+ is back after \d+\.\d s; resuming/), { timeout: 10_000 });
    // The append-only file kept every acknowledged batch, and holds each batch it kept once.
    const acknowledged = batches.filter((_, i) => answers[i]!.status === 200).map((batch) => batch.idempotencyKey);
    const kept = await inRedis(campaign);
    expect(acknowledged.filter((key) => !kept.keys.has(key))).toEqual([]);
    expect(kept.totals).toEqual(campaignTotalsOf(batches.filter((batch) => kept.keys.has(batch.idempotencyKey))));

    // The senders retry every batch on either node; each counts once, and the overlay on B sees them all.
    const expected = campaignTotalsOf(batches);
    const seen = updateWhere(client, (state) => sameTotals(state.totals, expected));
    for (const [i, batch] of batches.entries()) expect((await postIngest(nodes[(i + 1) % 2]!.url, TOKEN, batch)).status).toBe(200);
    await seen;
    expect((await inRedis(campaign)).totals).toEqual(expected);
    for (const node of nodes) expect(node.aggregator.state(null).totals).toEqual(expected);
  });

  it('closes a node while Redis is away, and leaves no connection behind to come back', async () => {
    const node = await startNode(freshCampaign());
    await redis.crash();
    try {
      await node.close(); // hangs, and the test times out, if a connection waits for Redis
    } finally {
      await redis.start();
    }
    // A leftover client would reconnect within its 1 s backoff cap: give it twice that, then look.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const client = new Redis(redis.url);
    try {
      const connections = String(await client.client('LIST')).split('\n');
      expect(connections.filter((line) => line.includes('name=local-love-feed'))).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
