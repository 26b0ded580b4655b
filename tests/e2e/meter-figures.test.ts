import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * The meter's counting figures change at most 20 times a second, but the amount it settles on must be on
 * screen the moment the count reaches it, never a frame (or 50 ms) later. Under the test clock, in steps
 * of a millisecond, so the last moments of the count are seen one by one. Between two changes of the
 * figures the meter's canvas is not drawn, unless its fill moved by a visible step.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=ja&widgets=meter',
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 1_000 }),
  });
});

afterAll(async () => {
  await overlay?.close();
});

const meter = () => overlay.evaluate<Record<string, unknown>>('window.__localLove.widget("donation-meter")');
const advance = (ms: number) => overlay.evaluate(`window.__localLove.advance(${ms})`);

describe('the meter counting to a new amount', () => {
  it('shows the exact amount as soon as the shown amount reaches it, while the count is still ending', async () => {
    const { aggregator } = overlay.feed;
    aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 64_120 });
    expect(aggregator.state(null).donation.raisedMinor).toBe(65_120);
    await overlay.waitFor(`window.__localLove.lastState.seq >= ${aggregator.seq}`);
    await advance(0);
    expect(await meter()).toMatchObject({ displayedMinor: 1_000, targetMinor: 65_120 });
    // Most of the count at display speed, then its end a millisecond at a time.
    await advance(1_150);
    let shown = await meter();
    expect(shown['displayedMinor']).toBeLessThan(65_120);
    for (let ms = 0; ms < 200 && shown['displayedMinor'] !== 65_120; ms++) {
      await advance(1);
      shown = await meter();
    }
    expect(shown['displayedMinor']).toBe(65_120);
    expect(shown['amountText']).toBe('¥65,120');
  });

  it('is drawn at every frame that changes its figures, and not at the frames between', async () => {
    const { aggregator } = overlay.feed;
    const shownAt = async () => {
      const [drawn, shown] = await overlay.evaluate<[number, Record<string, unknown>]>('[window.__localLove.framesDrawn, window.__localLove.widget("donation-meter")]');
      return { drawn, amountText: shown['amountText'] };
    };
    // Gifts at every sixth frame, as the feed's ten updates a second bring them in a storm: each starts the
    // count again, so it never settles, while the fill (¥1,000 of a ¥20,000,000 goal) moves a 25th of a pixel.
    const frames = [await shownAt()];
    for (let frame = 1; frame <= 120; frame++) {
      if (frame % 6 === 1) {
        aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 1_000 });
        await overlay.waitFor(`window.__localLove.lastState.seq >= ${aggregator.seq}`);
      }
      await advance(1000 / 60);
      frames.push(await shownAt());
    }
    const drawnAt = frames.map((frame, index) => index > 0 && frame.drawn > frames[index - 1]!.drawn);
    const changedAt = frames.map((frame, index) => index > 0 && frame.amountText !== frames[index - 1]!.amountText);
    drawnAt.forEach((drawn, index) => {
      if (changedAt[index]) expect(drawn, `frame ${index} shows ${String(frames[index]!.amountText)}`).toBe(true);
    });
    const changes = changedAt.filter(Boolean).length;
    expect(changes).toBeGreaterThan(30);
    // The figures change at every third frame at most; a few frames more move the fill a quarter pixel.
    expect(drawnAt.filter(Boolean).length).toBeLessThanOrEqual(changes + 4);
  });
});
