import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CAMPAIGN_PATH, loadCampaignFile } from '../../src/feed/setup/campaign-file.ts';
import { CampaignConfig } from '../../src/protocol/index.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';

/** A region's own overlay (`region=noto`) when the campaign gives Noto a goal of its own. */
const sample = loadCampaignFile(SAMPLE_CAMPAIGN_PATH);
const campaign = CampaignConfig.parse({ ...sample, regions: sample.regions.map((region) => (region.id === 'noto' ? { ...region, goalMinor: 5_000_000 } : region)) });
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    campaign,
    query: 'clock=test&lang=en&widgets=meter,board&board=bars&region=noto',
    beforeOpen: (feed) => {
      feed.aggregator.apply({ region: 'noto', market: 'jp', giftDiamonds: 2_000_000 });
      feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 7_000_000 });
    },
  });
});

afterAll(async () => {
  await overlay?.close();
});

describe("a region's own overlay", () => {
  it("shows the region's amount against its own goal, the campaign total on a second line, and the whole board", async () => {
    await overlay.waitFor('window.__localLove.widget("donation-meter").notes.some((line) => line.startsWith("Campaign total"))');
    await overlay.evaluate('window.__localLove.advance(3000)');
    const meter = await overlay.evaluate<{ amountText: string; goalText: string; percentText: string; notes: string[] }>('window.__localLove.widget("donation-meter")');
    expect(meter).toMatchObject({ amountText: '¥2,000,000', goalText: 'GOAL ¥5,000,000', percentText: '40%' });
    expect(meter.notes).toContain('Campaign total ¥9,000,000');
    const board = await overlay.evaluate<{ order: string[] }>('window.__localLove.widget("region-board")');
    expect(board.order.slice(0, 2)).toEqual(['tohoku', 'noto']);
  });
});
