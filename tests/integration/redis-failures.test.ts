import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import type { IngestBatch } from '../../src/protocol/index.ts';
import { batchForKey, campaignTotalsOf, postIngest } from './helpers/ingest-batches.ts';
import { INGEST_TOKEN, useRedisFeeds } from './helpers/redis-feeds.ts';

const feeds = useRedisFeeds();
const UNAVAILABLE = /store: Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable \(.+\); reconnecting/;
const BACK = /store: Redis at redis:\/\/127\.0\.0\.1:\d+ is back after \d+\.\d s; resuming/;

describe('scaled-out feed nodes when things fail', () => {
  it('lose nothing a node acknowledged when it is killed with SIGKILL mid-ingest, and count nothing twice', async () => {
    const campaign = feeds.freshCampaign();
    const doomed = await feeds.startChildNode(campaign);
    const survivor = await feeds.startNode(campaign);

    const sent = new Map<string, IngestBatch>();
    const acknowledged = new Set<string>();
    let next = 0;
    const sender = async () => {
      for (;;) {
        const batch = batchForKey(`kill-${next++}`, campaign);
        sent.set(batch.idempotencyKey, batch);
        try {
          const answer = await postIngest(doomed.url, INGEST_TOKEN, batch);
          if (answer.status === 200) acknowledged.add(batch.idempotencyKey);
        } catch {
          return; // the node died while this request was in flight
        }
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    await vi.waitFor(() => expect(acknowledged.size).toBeGreaterThanOrEqual(150), { timeout: 20_000, interval: 5 });
    await doomed.child.kill9();
    await Promise.all(senders);

    // Every acknowledged batch is in Redis, and Redis holds exactly the batches it remembers, each once.
    const afterKill = await feeds.inRedis(campaign);
    expect([...acknowledged].filter((key) => !afterKill.keys.has(key))).toEqual([]);
    expect(afterKill.totals).toEqual(campaignTotalsOf([...afterKill.keys].map((key) => sent.get(key)!)));

    // The senders retry what they never saw acknowledged on the surviving node: each batch counts once.
    const unacknowledged = [...sent.keys()].filter((key) => !acknowledged.has(key));
    expect(unacknowledged.length).toBeGreaterThan(0);
    for (const key of unacknowledged) expect((await postIngest(survivor.url, INGEST_TOKEN, sent.get(key)!)).status).toBe(200);
    const everything = campaignTotalsOf(sent.values());
    expect((await feeds.inRedis(campaign)).totals).toEqual(everything);
    // The survivor shows what the dead node committed: it learned it from the log.
    await vi.waitFor(() => expect(survivor.aggregator.state(null).totals).toEqual(everything));
  });

  it('survive Redis crashing (SIGKILL) mid-ingest and restarting: 503 while it is away, a clear log, every acknowledged batch kept', async () => {
    const campaign = feeds.freshCampaign();
    const logsA: string[] = [];
    const nodes = [await feeds.startNode(campaign, logsA), await feeds.startNode(campaign)] as const;
    const { client, snapshot } = await feeds.overlayOn(nodes[1].url);
    // Everything the overlay on B is sent, from the start: when Redis dies after every batch was counted,
    // B's overlay already has the final totals before the senders retry.
    let latest = snapshot;
    client.on('snapshot', (state) => (latest = state));
    client.on('update', (state) => (latest = state));
    const batches = Array.from({ length: 40 }, (_, i) => batchForKey(`crash-${i}`, campaign));

    // Redis dies while the batches are in flight, as soon as the first is acknowledged.
    let crashed: Promise<void> | null = null;
    const answers = await Promise.all(
      batches.map(async (batch, i) => {
        const answer = await postIngest(nodes[i % 2]!.url, INGEST_TOKEN, batch);
        if (answer.status === 200) crashed ??= feeds.redis.crash();
        return answer;
      }),
    );
    await crashed;
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => answer.status)).toEqual(refused.map(() => 503));
    // Once the node has noticed, a batch is refused at once, with a message a sender can act on.
    await vi.waitFor(() => expect(logsA.join('\n')).toMatch(UNAVAILABLE), { timeout: 10_000 });
    const whileAway = await postIngest(nodes[0].url, INGEST_TOKEN, batches[0]!);
    expect(whileAway.status).toBe(503);
    expect((whileAway.json.error as { message: string }).message).toMatch(
      /^not counted: the store cannot make it durable \(Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable; reconnecting\); retry with the same idempotencyKey later$/,
    );

    await feeds.redis.start();
    await vi.waitFor(() => expect(logsA.join('\n')).toMatch(BACK), { timeout: 10_000 });
    // The append-only file kept every acknowledged batch, and holds each batch it kept once.
    const acknowledged = batches.filter((_, i) => answers[i]!.status === 200).map((batch) => batch.idempotencyKey);
    const kept = await feeds.inRedis(campaign);
    expect(acknowledged.filter((key) => !kept.keys.has(key))).toEqual([]);
    expect(kept.totals).toEqual(campaignTotalsOf(batches.filter((batch) => kept.keys.has(batch.idempotencyKey))));

    // The senders retry every batch on the other node; each counts once, and the overlay on B sees them all.
    const expected = campaignTotalsOf(batches);
    for (const [i, batch] of batches.entries()) expect((await postIngest(nodes[(i + 1) % 2]!.url, INGEST_TOKEN, batch)).status).toBe(200);
    await vi.waitFor(() => expect(latest.totals).toEqual(expected), { timeout: 10_000 });
    expect((await feeds.inRedis(campaign)).totals).toEqual(expected);
    for (const node of nodes) expect(node.aggregator.state(null).totals).toEqual(expected);
  });

  it('close while Redis is away, and leave no connection behind to come back', async () => {
    const node = await feeds.startNode(feeds.freshCampaign());
    await feeds.redis.crash();
    try {
      await node.close(); // hangs, and the test times out, if a connection waits for Redis
    } finally {
      await feeds.redis.start();
    }
    // A leftover client would reconnect within its 1 s backoff cap: give it twice that, then look.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const client = new Redis(feeds.redis.url);
    try {
      const connections = String(await client.client('LIST')).split('\n');
      expect(connections.filter((line) => line.includes('name=local-love-feed'))).toEqual([]);
    } finally {
      client.disconnect();
    }
  });
});
