import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * `motion=reduced`, for viewers sensitive to motion or slow PCs: no particles, the meter's count and its
 * celebration shorter and calmer, without the light that rides the fill. Everything still shows: the meter
 * reaches every amount and celebrates every milestone. Under the test clock.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&lang=en&motion=reduced' });
});

afterAll(async () => {
  await overlay?.close();
});

const widget = (name: string) => overlay.evaluate<Record<string, unknown>>(`window.__localLove.widget(${JSON.stringify(name)})`);
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);

describe('the overlay with reduced motion', () => {
  it('shows reactions as money on the meter, celebrates the milestone passed, and flies no particle', async () => {
    const { aggregator } = overlay.feed;
    // Past the ¥5,000,000 milestone, with likes and comments that would fly particles at full motion.
    aggregator.apply({ region: 'noto', market: 'jp', likes: 500, comments: 20, gifts: 3, giftDiamonds: 6_000_000 });
    await overlay.waitFor(`window.__localLove.lastState.seq >= ${aggregator.seq}`);
    const raised = aggregator.state(null).donation.raisedMinor;
    const drawnBefore = await overlay.evaluate<number>('window.__localLove.framesDrawn');
    // The count and the celebration, a tenth of a second at a time until both are over (at most 6 s).
    let celebrated = false;
    for (let step = 0; step < 60; step++) {
      await advance(100);
      const meter = await widget('donation-meter');
      celebrated ||= meter['celebrating'] === true;
      if (celebrated && meter['celebrating'] === false && meter['displayedMinor'] === raised) break;
    }
    expect(await widget('donation-meter')).toMatchObject({ displayedMinor: raised, amountText: `¥${raised.toLocaleString('en-US')}`, celebrating: false });
    expect(celebrated).toBe(true);
    expect(await overlay.evaluate<number>('window.__localLove.framesDrawn')).toBeGreaterThan(drawnBefore);
    expect(await widget('reaction-burst')).toMatchObject({ live: 0, spawned: 0 });
    expect(overlay.pageErrors).toEqual([]);
  });
});
