import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/config.ts';
import { sendJson } from '../../src/feed/http/respond.ts';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import { CampaignInfo, FeedState, campaignInfoOf } from '../../src/protocol/index.ts';
import { barrier, connectClient, nextEvent, record, subscribe, type OverlayClient } from './helpers/feed-client.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
/** Ticks never fire by themselves in these tests: they call `feed.flush()`, so nothing depends on timing. */
const MANUAL_TICKS = 3_600_000;
const logged: string[] = [];

const servers: FeedServer[] = [];
const clients: OverlayClient[] = [];
async function start(options: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, tickMs: MANUAL_TICKS, log: (m) => logged.push(m), ...options });
  servers.push(feed);
  return feed;
}
async function client(feed: FeedServer, options?: { reconnection?: boolean }): Promise<OverlayClient> {
  const socket = await connectClient(feed.url, options);
  clients.push(socket);
  return socket;
}
afterEach(async () => {
  for (const socket of clients.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((feed) => feed.close()));
});

describe('feed server: socket.io', () => {
  it('answers a subscription with an acknowledgement, the campaign info, then a snapshot of the current state', async () => {
    const feed = await start();
    feed.aggregator.apply({ region: 'kumamoto', market: 'jp', likes: 100, comments: 2 });
    const overlay = await client(feed);
    const received = record(overlay);
    const ack = await subscribe(overlay, { v: 1, region: null });
    expect(ack.ok).toBe(true);
    await vi.waitFor(() => expect(received.snapshot).toHaveLength(1));
    expect(received.order).toEqual(['campaign', 'snapshot']);
    expect(received.campaign).toEqual([campaignInfoOf(campaign)]);
    expect(CampaignInfo.parse(received.campaign[0])).not.toHaveProperty('rates');
    const snapshot = FeedState.parse(received.snapshot[0]);
    expect(snapshot).toMatchObject({ campaignId: campaign.id, region: null, seq: 1, totals: { likes: 100, comments: 2 } });
    expect(snapshot.donation).toMatchObject({ currency: 'JPY', raisedMinor: 10 + 10, goalMinor: campaign.goalMinor, capMinor: campaign.capMinor });
    expect(ack.ok && ack.value).toEqual(snapshot);
  });

  it('coalesces a thousand deltas within a tick into one update carrying their sum, and sends nothing when nothing changed', async () => {
    const feed = await start();
    const overlay = await client(feed);
    const received = record(overlay);
    await subscribe(overlay, { v: 1, region: null });
    for (let i = 0; i < 1000; i++) feed.aggregator.apply({ region: campaign.regions[i % 5]!.id, market: campaign.markets[i % 9]!.id, likes: 1, giftDiamonds: 2 });
    feed.flush();
    feed.flush();
    await barrier(overlay);
    expect(received.update).toHaveLength(1);
    expect(received.update[0]).toMatchObject({ seq: 1000, totals: { likes: 1000, giftDiamonds: 2000 }, donation: { raisedMinor: 100 + 2000 } });

    feed.flush();
    feed.flush();
    await barrier(overlay);
    expect(received.update).toHaveLength(1);

    feed.aggregator.apply({ region: 'noto', market: 'jp', shares: 1 });
    feed.flush();
    await barrier(overlay);
    expect(received.update.map((state) => state.seq)).toEqual([1000, 1001]);
  });

  it('sends updates on its own at every tick', async () => {
    const feed = await start({ tickMs: 20 });
    const overlay = await client(feed);
    await subscribe(overlay, { v: 1, region: 'noto' });
    const update = nextEvent(overlay, 'update');
    feed.aggregator.apply({ region: 'noto', market: 'kr', comments: 3 });
    expect((await update).totals.comments).toBe(3);
  });

  it('sends a region subscriber only its own region', async () => {
    const feed = await start();
    const [notoOverlay, tohokuOverlay, wholeOverlay] = await Promise.all([client(feed), client(feed), client(feed)]);
    const [noto, tohoku, whole] = [record(notoOverlay), record(tohokuOverlay), record(wholeOverlay)];
    await Promise.all([subscribe(notoOverlay, { v: 1, region: 'noto' }), subscribe(tohokuOverlay, { v: 1, region: 'tohoku' }), subscribe(wholeOverlay, { v: 1 })]);

    feed.aggregator.apply({ region: 'tohoku', market: 'jp', likes: 50 });
    feed.flush();
    await Promise.all([barrier(notoOverlay), barrier(tohokuOverlay), barrier(wholeOverlay)]);
    expect(noto.update).toHaveLength(0);
    expect(tohoku.update.map((s) => [s.region, s.totals.likes])).toEqual([['tohoku', 50]]);
    expect(whole.update.map((s) => [s.region, s.totals.likes])).toEqual([[null, 50]]);

    feed.aggregator.apply({ region: 'noto', market: 'jp', likes: 7 });
    feed.flush();
    await Promise.all([barrier(notoOverlay), barrier(tohokuOverlay), barrier(wholeOverlay)]);
    expect(noto.update.map((s) => [s.region, s.totals.likes, Object.keys(s.byRegion)])).toEqual([['noto', 7, ['noto']]]);
    expect(tohoku.update).toHaveLength(1);
    expect(whole.update.map((s) => s.totals.likes)).toEqual([50, 57]);
  });

  it("serves a market scope: that market's viewers' totals and the amount the server computed for them", async () => {
    const feed = await start();
    const [twOverlay, krOverlay] = await Promise.all([client(feed), client(feed)]);
    const [tw, kr] = [record(twOverlay), record(krOverlay)];
    feed.aggregator.apply({ region: 'kumamoto', market: 'tw', likes: 1_000 });
    const ack = await subscribe(twOverlay, { v: 1, market: 'tw' });
    expect(ack).toMatchObject({ ok: true, value: { region: null, market: 'tw', totals: { likes: 1_000 }, donation: { raisedMinor: 100 } } });
    await subscribe(krOverlay, { v: 1, market: 'kr' });

    // Two regions, two markets: each market scope sums its own viewers across every region.
    feed.aggregator.apply({ region: 'noto', market: 'tw', comments: 4 });
    feed.aggregator.apply({ region: 'tohoku', market: 'jp', likes: 500 });
    feed.flush();
    await Promise.all([barrier(twOverlay), barrier(krOverlay)]);
    const last = tw.update.at(-1)!;
    expect([last.market, last.totals.likes, last.totals.comments, last.donation.raisedMinor, last.byRegion['noto']?.comments]).toEqual(['tw', 1_000, 4, 120, 4]);
    expect(kr.update.every((state) => state.market === 'kr' && state.totals.likes === 0)).toBe(true);
    expect(feed.aggregator.state(null).donation.raisedMinor).toBe(100 + 20 + 50);
  });

  it('refuses a market the campaign lacks, and a region with a market', async () => {
    const feed = await start();
    const overlay = await client(feed);
    expect(await subscribe(overlay, { v: 1, market: 'fr' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/market: unknown market "fr" \(known: jp, tw/) } });
    expect(await subscribe(overlay, { v: 1, region: 'noto', market: 'tw' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/region or a market, not both/) } });
  });

  it('moves a client to another scope when it subscribes again', async () => {
    const feed = await start();
    const overlay = await client(feed);
    const received = record(overlay);
    await subscribe(overlay, { v: 1, region: 'noto' });
    await subscribe(overlay, { v: 1, region: 'hokkaido' });
    feed.aggregator.apply({ region: 'noto', market: 'jp', likes: 1 });
    feed.flush();
    await barrier(overlay);
    expect(received.update).toHaveLength(0);
  });

  const badSubscriptions: [string, unknown, RegExp][] = [
    ['an unknown region', { v: 1, region: 'atlantis' }, /region: unknown region "atlantis"/],
    ['a future protocol version', { v: 2, region: null }, /v: protocol version must be 1/],
    ['a malformed region id', { v: 1, region: '../../etc' }, /region: must be 1-40 characters/],
    ['a string', 'tohoku', /subscribe is invalid/],
    ['null', null, /subscribe is invalid/],
    ['a number', 42, /subscribe is invalid/],
    ['an extra field', { v: 1, region: null, admin: true }, /admin/],
  ];
  it.each(badSubscriptions)('refuses %s with an error, and the client keeps its previous scope', async (_, payload, message) => {
    const feed = await start();
    const overlay = await client(feed);
    await subscribe(overlay, { v: 1, region: 'noto' });
    const received = record(overlay);
    const ack = await subscribe(overlay, payload);
    expect(ack).toEqual({ ok: false, error: { code: expect.any(String), message: expect.stringMatching(message) } });
    expect(received.refused).toEqual([ack.ok === false && ack.error]);
    expect(received.snapshot).toHaveLength(0);
    expect(feed.aggregator.seq).toBe(0);

    feed.aggregator.apply({ region: 'noto', market: 'jp', likes: 1 });
    feed.flush();
    await barrier(overlay);
    expect(received.update.map((s) => s.region)).toEqual(['noto']);
  });

  it('survives malformed messages: no ack, a non-function ack, unknown events, oversized and unparsable packets', async () => {
    const feed = await start();
    const bystander = await client(feed);
    const bystanderSeen = record(bystander);
    await subscribe(bystander, { v: 1 });

    const rogue = await client(feed);
    const rogueSeen = record(rogue);
    const raw = rogue as unknown as { emit: (...args: unknown[]) => void };
    raw.emit('subscribe');
    raw.emit('subscribe', { v: 1, region: 'atlantis' }, 'not a function', 3);
    raw.emit('subscribe', { deeply: { nested: Array.from({ length: 200 }, (_, i) => ({ i, s: 'x'.repeat(50) })) } });
    raw.emit('take-over', { everything: true });
    raw.emit('__proto__', { polluted: true });
    await barrier(rogue);
    expect(rogueSeen.refused.length).toBeGreaterThanOrEqual(5);
    expect(rogueSeen.refused.map((e) => (e as { message: string }).message).join('\n')).toMatch(/unknown event "take-over"/);

    // Beyond maxHttpBufferSize: engine.io drops the connection before parsing anything.
    const huge = await client(feed);
    const hugeClosed = new Promise((resolve) => huge.once('disconnect', resolve));
    huge.emit('subscribe', { v: 1, region: 'x'.repeat(200_000) } as never);
    await hugeClosed;

    // Not a socket.io packet at all: the parser refuses it and that one connection closes.
    const garbage = await client(feed);
    const garbageClosed = new Promise((resolve) => garbage.once('disconnect', resolve));
    (garbage.io.engine as unknown as { write: (data: string) => void }).write('2["subscribe",{"v":1');
    await garbageClosed;

    feed.aggregator.apply({ region: 'tohoku', market: 'us', gifts: 1, giftDiamonds: 5 });
    feed.flush();
    await barrier(bystander);
    expect(bystanderSeen.update.map((s) => s.totals.giftDiamonds)).toEqual([5]);
    expect(rogueSeen.update).toHaveLength(0);
    const response = await fetch(`${feed.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('gives a client that reconnects a fresh snapshot with what happened while it was away', async () => {
    const feed = await start();
    const overlay = await client(feed, { reconnection: true });
    const received = record(overlay);
    overlay.on('connect', () => overlay.emit('subscribe', { v: 1, region: 'hiroshima' }));
    await subscribe(overlay, { v: 1, region: 'hiroshima' });
    expect(received.snapshot.map((s) => s.totals.likes)).toEqual([0]);

    const disconnected = new Promise((resolve) => overlay.once('disconnect', resolve));
    overlay.io.engine.close(); // as a dropped network would
    await disconnected;
    feed.aggregator.apply({ region: 'hiroshima', market: 'ph', likes: 321 });
    await vi.waitFor(() => expect(received.snapshot).toHaveLength(2), { timeout: 10_000 });
    expect(received.snapshot[1]).toMatchObject({ region: 'hiroshima', seq: 1, totals: { likes: 321 } });
  });

  it('runs the simulator when asked: updates arrive with growing totals', async () => {
    const feed = await start({ tickMs: 20, simulator: { seed: 1, intervalMs: 10, likesPerSecond: 5000 } });
    const overlay = await client(feed);
    await subscribe(overlay, { v: 1 });
    const first = await nextEvent(overlay, 'update');
    const second = await nextEvent(overlay, 'update');
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.totals.likes).toBeGreaterThan(first.totals.likes);
  });

  it('disconnects its clients on close, and close may be called twice', async () => {
    const feed = await start();
    const overlay = await client(feed);
    const disconnected = new Promise((resolve) => overlay.once('disconnect', resolve));
    await feed.close();
    await disconnected;
    await feed.close();
  });
});

describe('feed server: HTTP', () => {
  let feed: FeedServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'overlay-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>overlay</title>');
    writeFileSync(join(staticDir, 'assets', 'overlay-abc123.js'), 'console.log(1)');
    feed = await startFeedServer({
      campaign,
      tickMs: MANUAL_TICKS,
      staticDir,
      log: (m) => logged.push(m),
      routes: [
        { method: 'GET', path: '/api/echo', handle: (_q, response, { url }) => sendJson(response, 200, { said: url.searchParams.get('say') }) },
        {
          method: 'POST',
          path: '/api/explode',
          handle: async () => {
            throw new Error('boom');
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await feed.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('GET /healthz', async () => {
    const response = await fetch(`${feed.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, campaignId: campaign.id, seq: 0 });
  });

  it('GET /api/state for the campaign and for one region', async () => {
    feed.aggregator.apply({ region: 'hokkaido', market: 'th', comments: 4 });
    const whole = FeedState.parse(await (await fetch(`${feed.url}/api/state`)).json());
    expect(whole).toMatchObject({ region: null, totals: { comments: 4 }, donation: { raisedMinor: 20 } });
    const region = FeedState.parse(await (await fetch(`${feed.url}/api/state?region=hokkaido`)).json());
    expect(region).toMatchObject({ region: 'hokkaido', totals: { comments: 4 } });
    const other = FeedState.parse(await (await fetch(`${feed.url}/api/state?region=noto`)).json());
    expect(other.totals.comments).toBe(0);
  });

  it('answers 400 naming an unknown region, and 405 for a wrong method', async () => {
    const response = await fetch(`${feed.url}/api/state?region=atlantis`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'bad-request', message: expect.stringContaining('unknown region "atlantis"') } });
    expect((await fetch(`${feed.url}/api/state`, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('serves the built overlay: index.html at / (with URL parameters) and hashed assets cached forever', async () => {
    const index = await fetch(`${feed.url}/?region=noto&lang=en`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>overlay</title>');
    const asset = await fetch(`${feed.url}/assets/overlay-abc123.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers 404 for unknown paths and for paths escaping the directory', async () => {
    const response = await fetch(`${feed.url}/nothing-here.js`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not-found');
    expect((await fetch(`${feed.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('takes extra routes from its options; a route that fails answers 500 and the server carries on', async () => {
    expect(await (await fetch(`${feed.url}/api/echo?say=hi`)).json()).toEqual({ said: 'hi' });
    const failed = await fetch(`${feed.url}/api/explode`, { method: 'POST' });
    expect(failed.status).toBe(500);
    expect(logged.join('\n')).toContain('boom');
    expect((await fetch(`${feed.url}/healthz`)).status).toBe(200);
  });
});

describe('feed server: start', () => {
  it('serves no files without a staticDir', async () => {
    const feed = await start();
    expect((await fetch(`${feed.url}/`)).status).toBe(404);
  });

  it('refuses a busy port with a message naming it', async () => {
    const first = await start();
    await expect(startFeedServer({ campaign, port: first.port })).rejects.toThrow(`cannot listen on 127.0.0.1:${first.port}: EADDRINUSE`);
  });

  it('refuses two routes with the same method and path', async () => {
    const route = { method: 'GET' as const, path: '/healthz', handle: () => {} };
    await expect(startFeedServer({ campaign, routes: [route] })).rejects.toThrow('route GET /healthz is declared twice');
  });

  it('refuses a static directory that does not exist, saying how to build it', async () => {
    await expect(startFeedServer({ campaign, staticDir: '/nonexistent/dist' })).rejects.toThrow(/does not exist \(build the overlay first/);
  });
});
