import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { FeedState, StreamStatusList, type StreamServerToClientEvents } from '../../src/protocol/index.ts';
import { FakeLibrary, type FakeLiveConnection } from '../unit/feed/sources/tiktok/library-double.ts';

/*
 * The five regional TikTok streams of the sample campaign, through a real feed server on 127.0.0.1:
 * HTTP, socket.io, aggregator and sources are the real ones; only the third-party TikTok library is a
 * stand-in (tests/unit/feed/sources/tiktok/library-double.ts), since TikTok itself is not reachable from a test.
 */

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const TOKEN = 'producer-token-for-tests-0123456789';
const MANUAL_TICKS = 3_600_000;
const servers: FeedServer[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});

async function start(library: FakeLibrary, withControl = true): Promise<FeedServer> {
  const feed = await startFeedServer({
    campaign,
    tickMs: MANUAL_TICKS,
    log: () => {},
    ...(withControl ? { control: { token: TOKEN } } : {}),
    tiktok: { openConnection: library.open, staggerMs: 0, random: () => 0, backoff: { baseMs: 50 }, log: () => {} },
  });
  servers.push(feed);
  return feed;
}

async function streams(feed: FeedServer): Promise<StreamStatusList> {
  const response = await fetch(`${feed.url}/api/streams`);
  expect(response.status).toBe(200);
  return StreamStatusList.parse(await response.json());
}

async function state(feed: FeedServer): Promise<FeedState> {
  return FeedState.parse(await (await fetch(`${feed.url}/api/state`)).json());
}

/** A producer's socket on /control, listening for `streams` from the first message on. */
function producer(feed: FeedServer, token = TOKEN): { socket: Socket<StreamServerToClientEvents>; lists: StreamStatusList[] } {
  const socket: Socket<StreamServerToClientEvents> = connect(`${feed.url}/control`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  sockets.push(socket);
  const lists: StreamStatusList[] = [];
  socket.on('streams', (list) => lists.push(StreamStatusList.parse(list)));
  return { socket, lists };
}

const connectionOf = (library: FakeLibrary, uniqueId: string): FakeLiveConnection => {
  const connection = library.opened.filter((c) => c.uniqueId === uniqueId).at(-1);
  if (!connection) throw new Error(`no connection for @${uniqueId}`);
  return connection;
};
const now = () => String(Date.now());

describe('TikTok LIVE streams in the feed server', () => {
  it('follows every stream of the campaign, lists them at GET /api/streams, and adds their reactions per region and market', async () => {
    const library = new FakeLibrary();
    const feed = await start(library);
    await vi.waitFor(async () => expect((await streams(feed)).streams.map((s) => s.state)).toEqual(Array(5).fill('connected')));
    const list = await streams(feed);
    expect(list.streams.map((s) => `${s.uniqueId} ${s.region}/${s.market}`)).toEqual(campaign.streams.map((s) => `${s.uniqueId} ${s.region}/${s.market}`));

    const tohoku = connectionOf(library, 'locallove_tohoku');
    tohoku.push('like', { common: { msgId: 'l1', createTime: now() }, count: 3, total: '5000' });
    tohoku.push('like', { common: { msgId: 'l2', createTime: now() }, count: 120, total: '5120' });
    const kumamoto = connectionOf(library, 'locallove_kumamoto');
    kumamoto.push('gift', { common: { msgId: 'g1', createTime: now() }, user: { id: '1' }, giftId: '5879', groupId: '7', repeatCount: 2, repeatEnd: 0, gift: { type: 1, diamondCount: 30 } });
    kumamoto.push('gift', { common: { msgId: 'g2', createTime: now() }, user: { id: '1' }, giftId: '5879', groupId: '7', repeatCount: 2, repeatEnd: 1, gift: { type: 1, diamondCount: 30 } });
    connectionOf(library, 'locallove_noto').push('chat', { common: { msgId: 'c1', createTime: now() }, content: '能登がんばれ' });
    connectionOf(library, 'locallove_hokkaido').push('share', { common: { msgId: 's1', createTime: now(), displayText: { key: 'pm_mt_guidance_share' } } });

    // Counted once the connections have settled (2 s after joining: the clock offset is measured first).
    await vi.waitFor(async () => expect((await state(feed)).totals).toEqual({ likes: 120, comments: 1, gifts: 2, giftDiamonds: 60, shares: 1 }), { timeout: 5_000, interval: 100 });
    const { byRegion, byMarket } = await state(feed);
    expect(byRegion.tohoku).toMatchObject({ likes: 120 });
    expect(byMarket.jp).toMatchObject({ likes: 120 });
    expect(byRegion.kumamoto).toMatchObject({ gifts: 2, giftDiamonds: 60 });
    expect(byMarket.tw).toMatchObject({ gifts: 2, giftDiamonds: 60 });
    expect(byRegion.noto).toMatchObject({ comments: 1 });
    expect(byMarket.kr).toMatchObject({ comments: 1 });
    expect(byRegion.hokkaido).toMatchObject({ shares: 1 });
    expect(byMarket.us).toMatchObject({ shares: 1 });
    expect(byRegion.hiroshima).toEqual({ likes: 0, comments: 0, gifts: 0, giftDiamonds: 0, shares: 0 });
  });

  it('pushes every change of a stream’s status to producers on /control, and to nobody without the token', async () => {
    const library = new FakeLibrary();
    const feed = await start(library);
    await vi.waitFor(async () => expect((await streams(feed)).streams.every((s) => s.state === 'connected')).toBe(true));

    const { lists } = producer(feed);
    await vi.waitFor(() => expect(lists).toHaveLength(1));
    expect(lists[0]!.streams.map((s) => s.state)).toEqual(Array(5).fill('connected'));

    const intruder = producer(feed, 'not-the-token-at-all-000');
    await new Promise<void>((resolve) => intruder.socket.once('connect_error', () => resolve()));

    connectionOf(library, 'locallove_noto').drop(1006);
    await vi.waitFor(() => expect(lists.some((list) => list.streams[2]?.state === 'reconnecting')).toBe(true));
    const dropped = lists.find((list) => list.streams[2]?.state === 'reconnecting')!.streams[2]!;
    expect(dropped).toMatchObject({ uniqueId: 'locallove_noto', lastError: 'the connection closed (code 1006)' });
    // The 50 ms backoff passes and the stream is back.
    await vi.waitFor(() => expect(lists.at(-1)?.streams[2]?.state).toBe('connected'));
    expect(intruder.lists).toEqual([]);
  });

  it('still answers GET /api/streams without the control feature, and an empty list without TikTok', async () => {
    const library = new FakeLibrary();
    const feed = await start(library, false);
    await vi.waitFor(async () => expect((await streams(feed)).streams).toHaveLength(5));
    // One node, no Redis: it runs every stream itself, without a lease.
    expect((await streams(feed)).streams.map((stream) => stream.owner.lease)).toEqual(Array(5).fill('local'));
    const plain = await startFeedServer({ campaign, tickMs: MANUAL_TICKS, nodeId: 'studio-a', log: () => {} });
    servers.push(plain);
    expect(await streams(plain)).toEqual({ node: 'studio-a', streams: [], simulator: null });
  });

  it('closes every TikTok connection when the feed closes', async () => {
    const library = new FakeLibrary();
    const feed = await start(library);
    await vi.waitFor(() => expect(library.opened.filter((c) => c.connected)).toHaveLength(5));
    await feed.close();
    servers.splice(servers.indexOf(feed), 1);
    expect(library.opened.map((c) => c.disconnectCalls)).toEqual(Array(5).fill(1));
  });
});
