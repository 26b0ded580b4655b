import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from '../e2e/harness.ts';
import { expectMatchesGolden } from './golden.ts';

/**
 * The donation meter at a fixed state, under the test clock (time moves only when we say), so every
 * screenshot is exactly repeatable. The overlay opens at ¥8,400,000; one update brings ¥12,345,678,
 * passing the ¥10M milestone.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=ja&widgets=meter', // the meter alone: other widgets have their own goldens
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 8_400_000 }),
  });
  const { aggregator } = overlay.feed;
  aggregator.apply({ region: 'kumamoto', market: 'tw', likes: 39_456_780 });
  expect(aggregator.state(null).donation.raisedMinor).toBe(12_345_678);
  await overlay.waitFor(`window.__localLove.lastState.seq >= ${aggregator.seq}`);
});

afterAll(async () => {
  await overlay?.close();
});

const meter = () => overlay.evaluate<Record<string, unknown>>('window.__localLove.widget("donation-meter")');
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);
const screenshot = () => overlay.page.screenshot({ omitBackground: true });

describe('donation meter, pixel for pixel', () => {
  it('holds still under the test clock until time is advanced', async () => {
    expect(await meter()).toMatchObject({ amountText: '¥8,400,000', displayedMinor: 8_400_000, targetMinor: 12_345_678 });
  });

  it('celebrates the ¥10M milestone while counting', async () => {
    await advance(700);
    const shown = await meter();
    expect(shown['celebrating']).toBe(true);
    expect(shown['displayedMinor']).toBeGreaterThan(10_000_000);
    expect(shown['displayedMinor']).toBeLessThan(12_345_678);
    expectMatchesGolden('donation-meter-celebrating', await screenshot());
  });

  it('settles on the exact amount, with the markers passed turned gold', async () => {
    await advance(5_000);
    expect(await meter()).toMatchObject({ amountText: '¥12,345,678', percentText: '61%', displayedMinor: 12_345_678, celebrating: false });
    expectMatchesGolden('donation-meter-settled', await screenshot());
  });
});
