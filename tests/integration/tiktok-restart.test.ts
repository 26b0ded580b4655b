import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import { FeedState } from '../../src/protocol/index.ts';
import { FakeLibrary, type FakeLiveConnection } from '../unit/tiktok/library-double.ts';
import { RedisServer } from './helpers/redis-server.ts';

/*
 * A feed restarted in the middle of a LIVE: the likes made while it was down count once, on the next
 * like event, because the room's highest counted like total is kept in the store with the likes it
 * counted. The real feed server, journal and Redis; only the TikTok library is a stand-in.
 */

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const ROOM = '7441000000000000001';
const servers: FeedServer[] = [];
let redis: RedisServer;
let dataDir: string;

beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis?.destroy();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function feedWith(store: Pick<FeedServerOptions, 'dataDir' | 'redis'>): Promise<{ feed: FeedServer; tohoku: () => FakeLiveConnection }> {
  const library = new FakeLibrary();
  const feed = await startFeedServer({
    campaign,
    tickMs: 3_600_000,
    log: () => {},
    ...store,
    tiktok: { openConnection: library.open, staggerMs: 0, random: () => 0, settleMs: 0, log: () => {} },
  });
  servers.push(feed);
  const tohoku = () => library.opened.filter((c) => c.uniqueId === 'locallove_tohoku').at(-1)!;
  await vi.waitFor(() => expect(tohoku()?.connected).toBe(true));
  return { feed, tohoku };
}

const likes = async (feed: FeedServer) => FeedState.parse(await (await fetch(`${feed.url}/api/state`)).json()).totals.likes;
const like = (msgId: string, total: number) => ({ common: { msgId, createTime: String(Date.now()) }, count: 1, total: String(total) });

async function restartMidLive(store: Pick<FeedServerOptions, 'dataDir' | 'redis'>): Promise<void> {
  const first = await feedWith(store);
  first.tohoku().push('like', like('a1', 5_000)); // the baseline: likes before we joined are not ours
  first.tohoku().push('like', like('a2', 5_120));
  await vi.waitFor(async () => expect(await likes(first.feed)).toBe(120));
  await first.feed.close();
  servers.splice(servers.indexOf(first.feed), 1);

  // Down for a while: the room went from 5,120 to 5,300 meanwhile.
  const second = await feedWith(store);
  expect(await likes(second.feed)).toBe(120);
  second.tohoku().push('like', like('b1', 5_300));
  await vi.waitFor(async () => expect(await likes(second.feed)).toBe(300));
  second.tohoku().push('like', like('b2', 5_250)); // a late, lower total
  second.tohoku().push('like', like('b3', 5_301));
  await vi.waitFor(async () => expect(await likes(second.feed)).toBe(301));
}

describe('likes across a feed restart in the middle of a LIVE', () => {
  it('counts the likes made while the feed was down once, with the journal', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'feed-tiktok-restart-'));
    await restartMidLive({ dataDir });
  });

  it('counts them once on Redis too', async () => {
    await restartMidLive({ redis: { url: redis.url } });
  });
});
