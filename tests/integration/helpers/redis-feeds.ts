import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../../src/feed/server.ts';
import { redisKeysFor } from '../../../src/feed/scale-out/redis-keys.ts';
import type { IngestOptions } from '../../../src/feed/sources/ingest/ingest-route.ts';
import { PROTOCOL_VERSION, REACTION_KINDS, emptyTotals, type CampaignConfig, type FeedState, type ReactionTotals } from '../../../src/protocol/index.ts';
import { ChildScript } from '../fixtures/child-process.ts';
import { connectClient, subscribe, type OverlayClient } from './feed-client.ts';
import { RedisServer } from './redis-server.ts';

export const INGEST_TOKEN = 'redis-ingest-token-0123456789';
export const CONTROL_TOKEN = 'redis-control-token-0123456789';
const CHILD_NODE = fileURLToPath(new URL('../fixtures/redis-feed-node.ts', import.meta.url));
const sample = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);

/**
 * Feed nodes on one real redis-server, for a test file: call it at the top level. The server starts
 * before the first test and is destroyed after the last; the nodes, child nodes and overlays a test
 * starts are closed after it. Each test takes a fresh campaign id, so its own keys in the one Redis.
 */
export function useRedisFeeds() {
  let redis: RedisServer | undefined;
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

  const server = () => {
    if (!redis) throw new Error('redis-server is not started yet (use it inside a test)');
    return redis;
  };

  return {
    get redis(): RedisServer {
      return server();
    },

    freshCampaign(): CampaignConfig {
      return { ...sample, id: `redis-test-${campaigns++}` };
    },

    /** A feed node in this process, ticking every 20 ms; its log lines go to `logs`. */
    async startNode(campaign: CampaignConfig, logs: string[] = [], ingest: IngestOptions = { tokens: [INGEST_TOKEN], requestsPerSecond: 10_000, burst: 10_000 }): Promise<FeedServer> {
      const feed = await startFeedServer({
        campaign,
        redis: { url: server().url },
        ingest,
        control: { token: CONTROL_TOKEN },
        tickMs: 20,
        log: (line) => logs.push(line),
      });
      feeds.push(feed);
      return feed;
    },

    /** A feed node in a child process (fixtures/redis-feed-node.ts), to kill or freeze; resolves with it and its URL. */
    async startChildNode(campaign: CampaignConfig): Promise<{ child: ChildScript; url: string }> {
      const child = new ChildScript(CHILD_NODE, [server().url, campaign.id, INGEST_TOKEN]);
      children.push(child);
      const line = await child.waitForLine((text) => text.startsWith('LISTENING '));
      return { child, url: line.slice('LISTENING '.length) };
    },

    /** An overlay subscribed to the scope on the node at `url`. */
    async overlayOn(url: string, region: string | null = null): Promise<{ client: OverlayClient; snapshot: FeedState }> {
      const client = await connectClient(url);
      overlays.push(client);
      const answer = await subscribe(client, { v: PROTOCOL_VERSION, region });
      if (!answer.ok) throw new Error(answer.error.message);
      return { client, snapshot: answer.value };
    },

    /** What Redis itself holds, read with a client of the test's own: the campaign totals, the remembered keys, the seq. */
    async inRedis(campaign: CampaignConfig): Promise<{ totals: ReactionTotals; keys: Set<string>; seq: number }> {
      const keys = redisKeysFor(campaign.id);
      const client = new Redis(server().url);
      try {
        const hash = await client.hgetall(keys.campaign);
        const totals = emptyTotals();
        for (const kind of REACTION_KINDS) totals[kind] = Number(hash[kind] ?? 0);
        return { totals, keys: new Set(await client.zrange(keys.idempotency, 0, -1)), seq: Number((await client.get(keys.seq)) ?? 0) };
      } finally {
        client.disconnect();
      }
    },
  };
}

/** Resolves with the first update the overlay receives that matches. */
export function updateWhere(client: OverlayClient, match: (state: FeedState) => boolean): Promise<FeedState> {
  return new Promise((resolve) => {
    const onUpdate = (state: FeedState) => {
      if (!match(state)) return;
      client.off('update', onUpdate);
      resolve(state);
    };
    client.on('update', onUpdate);
  });
}

export const sameTotals = (a: ReactionTotals, b: ReactionTotals) => REACTION_KINDS.every((kind) => a[kind] === b[kind]);

/** A producer's POST to the control API of the node at `url`. */
export function postControl(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/control${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
