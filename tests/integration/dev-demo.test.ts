import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { startDemoDirector, type DemoDirector } from '../../src/feed/dev/demo-director.ts';
import { startFeedServer, type FeedServer } from '../../src/feed/server.ts';
import { FeedState, LowerThirdState } from '../../src/protocol/index.ts';
import { connectClient, subscribe, type OverlayClient } from './helpers/feed-client.ts';

const campaign = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const FIRST_MILESTONE = campaign.milestones[0]!.atMinor;
const dataDir = mkdtempSync(join(tmpdir(), 'local-love-demo-'));
let feed: FeedServer | undefined;
let director: DemoDirector | undefined;
let overlay: OverlayClient | undefined;

afterAll(async () => {
  director?.stop();
  overlay?.close();
  await feed?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** No simulator: only the demo moves the totals, so the milestone it crosses is its own. */
const startFeed = () => startFeedServer({ campaign, dataDir, simulator: false, log: () => {}, control: { token: 'demo-token-for-tests-0123456789' } });

describe('the dev demo director', () => {
  it('takes a roster card and crosses the first milestone through the control service, durably', async () => {
    feed = await startFeed();
    overlay = await connectClient(feed.url);
    const cards: LowerThirdState[] = [];
    const updates: FeedState[] = [];
    overlay.on('lowerThird', (state) => cards.push(LowerThirdState.parse(state)));
    overlay.on('update', (state) => updates.push(FeedState.parse(state)));
    expect((await subscribe(overlay, { v: 1, region: null })).ok).toBe(true);

    director = startDemoDirector({ control: feed.control!.service, rosterIds: campaign.roster.map((entry) => entry.id), beatMs: 20, log: () => {} });
    await vi.waitFor(
      () => {
        expect(cards.some((state) => state.phase === 'shown' && state.current?.rosterId === campaign.roster[0]!.id)).toBe(true);
        expect(updates.some((state) => state.donation.raisedMinor >= FIRST_MILESTONE && state.donation.milestonesReached >= 1)).toBe(true);
      },
      { timeout: 5_000, interval: 20 },
    );
    // Then the card it took is hidden again: the cycle goes on by itself.
    await vi.waitFor(() => expect(cards.findIndex((state) => state.phase === 'hidden' && state.revision > 0)).toBeGreaterThan(cards.findIndex((state) => state.phase === 'shown')), { timeout: 5_000, interval: 20 });

    director.stop();
    overlay.close();
    await feed.close();
    const raised = feed.aggregator.state(null).donation.raisedMinor;
    // The demo's reactions went through the durable path: a restart counts them again.
    feed = await startFeed();
    expect(feed.aggregator.state(null).donation.raisedMinor).toBe(raised);
  });
});
