import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, REACTION_KINDS, type FeedState } from '../../src/protocol/index.ts';
import { connectClient, subscribe } from './helpers/feed-client.ts';
import { batchForKey, campaignTotalsOf, postIngest } from './helpers/ingest-batches.ts';
import { INGEST_TOKEN, postControl, sameTotals, updateWhere, useRedisFeeds } from './helpers/redis-feeds.ts';

const feeds = useRedisFeeds();

describe('two feed nodes on one Redis', () => {
  it('ingest on node A reaches an overlay on node B, under the seq Redis gave it', async () => {
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    const b = await feeds.startNode(campaign);
    const { client } = await feeds.overlayOn(b.url);
    const batch = batchForKey('reach-1', campaign);
    const expected = campaignTotalsOf([batch]);

    const seen = updateWhere(client, (state) => sameTotals(state.totals, expected));
    const answer = await postIngest(a.url, INGEST_TOKEN, batch);
    expect(answer).toMatchObject({ status: 200, json: { duplicate: false, seq: 1 } });
    const update = await seen;

    expect(update.seq).toBe(1);
    expect(update.donation).toEqual(a.aggregator.state(null).donation);
    expect((await feeds.inRedis(campaign)).totals).toEqual(expected);
  });

  it('counts a batch sent to node A and retried on node B once', async () => {
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    const b = await feeds.startNode(campaign);
    const batch = batchForKey('retry-1', campaign);
    const expected = campaignTotalsOf([batch]);

    expect(await postIngest(a.url, INGEST_TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: false } });
    expect(await postIngest(b.url, INGEST_TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: true, counted: 0 } });
    expect(await postIngest(a.url, INGEST_TOKEN, batch)).toMatchObject({ status: 200, json: { duplicate: true, counted: 0 } });

    const stored = await feeds.inRedis(campaign);
    expect(stored.totals).toEqual(expected);
    expect([...stored.keys]).toEqual(['retry-1']);
    await vi.waitFor(() => expect(b.aggregator.state(null).totals).toEqual(expected));
    expect(a.aggregator.state(null).totals).toEqual(expected);
  });

  it('converges both nodes to exactly the Redis totals under concurrent ingest, and no overlay sees them go backward', async () => {
    const campaign = feeds.freshCampaign();
    const nodes = [await feeds.startNode(campaign), await feeds.startNode(campaign)];
    const watchers = await Promise.all(nodes.map(async (node) => (await feeds.overlayOn(node.url)).client));
    const received = watchers.map((client) => {
      const states: FeedState[] = [];
      client.on('update', (state) => states.push(state));
      return states;
    });
    const batches = Array.from({ length: 60 }, (_, i) => batchForKey(`concurrent-${i}`, campaign));
    const expected = campaignTotalsOf(batches);
    const finalOn = watchers.map((client) => updateWhere(client, (state) => sameTotals(state.totals, expected)));

    const answers = await Promise.all(batches.map((batch, i) => postIngest(nodes[i % 2]!.url, INGEST_TOKEN, batch)));
    expect(answers.map((answer) => answer.status)).toEqual(batches.map(() => 200));
    await Promise.all(finalOn);

    const stored = await feeds.inRedis(campaign);
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
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    // Node B runs in a child process so that it can be frozen (SIGSTOP) past its log reader's 1 s XREAD
    // timeout: when it thaws, its reader has to ask Redis again, while the overlay's subscribe is already
    // there to answer. B must catch up first, or the overlay would get a snapshot older than A's answer.
    const b = await feeds.startChildNode(campaign);
    const client = await connectClient(b.url);
    const batches = Array.from({ length: 3 }, (_, i) => batchForKey(`move-${i}`, campaign));
    try {
      for (const batch of batches) {
        b.child.process.kill('SIGSTOP');
        let answer, resubscribing;
        try {
          await new Promise((resolve) => setTimeout(resolve, 1_300));
          answer = await postIngest(a.url, INGEST_TOKEN, batch);
          resubscribing = subscribe(client, { v: PROTOCOL_VERSION, region: null });
          // Lets the subscribe leave this process: it waits in frozen B's socket.
          await new Promise((resolve) => setTimeout(resolve, 20));
        } finally {
          b.child.process.kill('SIGCONT');
        }
        const resubscribed = await resubscribing;
        expect(resubscribed.ok && resubscribed.value.seq).toBeGreaterThanOrEqual(answer.json.seq as number);
      }
      const final = await subscribe(client, { v: PROTOCOL_VERSION, region: null });
      expect(final.ok && final.value.totals).toEqual(campaignTotalsOf(batches));
    } finally {
      client.close();
    }
  });

  it('shows the goal a producer sets on one node on the overlays of every node', async () => {
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    const b = await feeds.startNode(campaign);
    const { client } = await feeds.overlayOn(b.url);
    const newGoal = campaign.goalMinor + 1_000;
    const seen = updateWhere(client, (state) => state.donation.goalMinor === newGoal);
    expect((await postControl(a.url, '/goal', { goalMinor: newGoal })).status).toBe(200);
    await seen;
    expect(b.aggregator.goalMinor).toBe(newGoal);
    expect(a.aggregator.state(null).donation.goalMinor).toBe(newGoal);
    expect(a.aggregator.seq).toBe(b.aggregator.seq);
  });

  it("shows a lower third cued on node A on an overlay on node B (node B follows the show state in Redis)", async () => {
    const campaign = feeds.freshCampaign();
    const a = await feeds.startNode(campaign);
    const b = await feeds.startNode(campaign);
    const { client } = await feeds.overlayOn(b.url);
    const cued = new Promise<unknown>((resolve) => client.on('lowerThird', (state) => (state as { current: unknown }).current && resolve(state)));
    expect((await postControl(a.url, '/lower-third/show', { rosterId: 'aoi-sato' })).status).toBe(200);
    expect(await cued).toMatchObject({ current: { nameJa: '佐藤 葵', region: { id: 'tohoku' } } });
  });
});
