import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { FeedClient } from '../../src/overlay/feed-client.ts';
import type { CampaignInfo, FeedState } from '../../src/protocol/index.ts';

/**
 * The overlay's feed client (its socket runs on Node's WebSocket too) against a real feed server on 127.0.0.1:
 * subscribe, ordering by seq, validation at the boundary, reconnect and resync.
 */
const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function feedServer(port = 0): Promise<FeedServer> {
  const feed = await startFeedServer({ campaign, port, simulator: false, log: () => {} });
  cleanups.push(() => feed.close());
  return feed;
}

function client(feed: FeedServer, region: string | null = null) {
  const seen = { campaigns: [] as CampaignInfo[], states: [] as FeedState[], warnings: [] as string[] };
  const feedClient = new FeedClient({
    url: feed.url,
    region,
    onCampaign: (info) => seen.campaigns.push(info),
    onState: (state) => seen.states.push(state),
    warn: (message) => seen.warnings.push(message),
  });
  cleanups.push(() => feedClient.close());
  const last = () => seen.states.at(-1);
  return { feedClient, seen, last };
}

const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

describe('FeedClient against a real feed server', () => {
  it('subscribes, gets the campaign before the first snapshot, then each newer state once', async () => {
    const feed = await feedServer();
    feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 1_000 });
    const { seen, last } = client(feed);
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(1_000));
    expect(seen.campaigns).toHaveLength(1);
    expect(seen.campaigns[0]).toMatchObject({ id: campaign.id, name: campaign.name, currency: 'JPY', milestones: campaign.milestones });
    expect(seen.campaigns[0]).not.toHaveProperty('rates');
    feed.aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 500 });
    feed.flush();
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(1_500));
    const seqs = seen.states.map((state) => state.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b)); // each seq once, rising
  });

  it('watches one region when asked', async () => {
    const feed = await feedServer();
    feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 700 });
    feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 300 });
    const { last } = client(feed, 'noto');
    await waitFor(() => expect(last()).toMatchObject({ region: 'noto', donation: { raisedMinor: 300 } }));
  });

  it('ignores a repeated or older state, a malformed one, and one for another scope, and goes on', async () => {
    const feed = await feedServer();
    const { seen, last } = client(feed);
    await waitFor(() => expect(seen.states).toHaveLength(1));
    feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 2_000 });
    feed.flush();
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(2_000));
    const older = seen.states[0]!;
    const countBefore = seen.states.length;

    feed.io.emit('update', older); // a reordered message
    feed.io.emit('update', { ...last()!, donation: { ...last()!.donation, raisedMinor: -5 } } as FeedState);
    feed.io.emit('update', { ...last()!, seq: last()!.seq + 1, region: 'noto' });
    feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 1 });
    feed.flush();

    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(2_001));
    expect(seen.states).toHaveLength(countBefore + 1);
    expect(seen.warnings.join('\n')).toMatch(/ignored a bad update message:\ndonation\.raisedMinor: must not be negative/);
    expect(seen.warnings.join('\n')).toMatch(/ignored a update for region noto; this client watches the campaign/);
  });

  it('reconnects after the connection drops and resyncs from a fresh snapshot', async () => {
    const feed = await feedServer();
    const { feedClient, seen, last } = client(feed);
    await waitFor(() => expect(feedClient.connected).toBe(true));
    for (const socket of feed.io.of('/').sockets.values()) socket.conn.close(); // as a network drop does
    await waitFor(() => expect(feedClient.connected).toBe(false));
    feed.aggregator.apply({ region: 'hokkaido', market: 'us', giftDiamonds: 4_321 });
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(4_321));
    expect(seen.campaigns.length).toBeGreaterThanOrEqual(2); // subscribed again
    expect(seen.warnings.filter((w) => w.startsWith('ignored'))).toEqual([]);
  });

  it('asks again, after a pause, when the feed closed its socket on purpose (as a feed going down for a restart does)', async () => {
    const feed = await feedServer();
    const { feedClient, seen, last } = client(feed);
    await waitFor(() => expect(seen.states).toHaveLength(1));
    for (const socket of feed.io.of('/').sockets.values()) socket.disconnect();
    await waitFor(() => expect(feedClient.connected).toBe(false));
    feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 808 });
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(808));
    expect(seen.campaigns).toHaveLength(2); // subscribed again
  });

  it('asks again, after a pause, when the feed refused the connection (a refusal that may be lifted)', async () => {
    const feed = await feedServer();
    let refusing = true;
    feed.io.of('/').use((_socket, next) => next(refusing ? new Error('closed for now') : undefined));
    const { feedClient, seen, last } = client(feed);
    await waitFor(() => expect(seen.warnings.some((line) => line.startsWith('feed connection refused (closed for now)'))).toBe(true));
    refusing = false;
    feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 909 });
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(909));
    expect(feedClient.connected).toBe(true);
  });

  it('asks the feed for its clock; null when not connected, at once', async () => {
    const feed = await feedServer();
    const { feedClient } = client(feed);
    expect(await feedClient.askServerTime()).toBeNull();
    await waitFor(() => expect(feedClient.connected).toBe(true));
    const before = Date.now();
    expect(await feedClient.askServerTime()).toBeGreaterThanOrEqual(before - 1);
  });

  it('follows a feed that restarted and counts its seq from 0 again, instead of freezing', async () => {
    const first = await feedServer();
    for (let i = 0; i < 5; i++) first.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 100 });
    const { seen, last } = client(first);
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(500));
    const port = first.port;
    await first.close();

    const second = await feedServer(port);
    second.aggregator.apply({ region: 'kumamoto', market: 'tw', giftDiamonds: 42 });
    await waitFor(() => expect(last()?.donation.raisedMinor).toBe(42));
    expect(last()!.seq).toBeLessThan(5);
    expect(seen.warnings.join('\n')).toMatch(/the feed restarted \(seq 5 -> 1\)/);
  });
});
