import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MoneyFormatter } from '../../src/donation/index.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { OVERLAY_RENDER_PIPES } from './render-pipes.ts';

let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'lang=ja' });
});

afterAll(async () => {
  await overlay?.close();
});

const meter = () => overlay.evaluate<Record<string, unknown>>('window.__localLove.widget("donation-meter")');

/** Waits until the meter has counted to its target and its celebration is over. */
async function settled(): Promise<void> {
  await overlay.waitFor(
    '(() => { const m = window.__localLove.widget("donation-meter"); return m && m.displayedMinor === m.targetMinor && !m.celebrating; })()',
  );
}

describe('the overlay in headless Chromium, fed by the real feed server', () => {
  it('draws with WebGL (pixi falls back silently, so this is checked)', async () => {
    expect(await overlay.evaluate('window.__localLove.rendererName')).toBe('webgl');
  });

  it('has a render pipe for everything the widgets draw (pixi skips, silently, what has none)', async () => {
    expect(await overlay.evaluate('window.__localLove.renderPipes')).toEqual(expect.arrayContaining(OVERLAY_RENDER_PIPES));
  });

  it('batches one texture per draw: a software GPU pays for every texture a batch could sample, at every pixel', async () => {
    expect(await overlay.evaluate('window.__localLove.batchTextures')).toBe(1);
  });

  it('keeps the page transparent away from the widgets, and draws the meter', async () => {
    const png = PNG.sync.read(await overlay.page.screenshot({ omitBackground: true }));
    const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
    expect([png.width, png.height]).toEqual([1920, 1080]);
    for (const [x, y] of [
      [0, 0],
      [1919, 0],
      [0, 1079],
      [1919, 1079],
      [960, 540],
    ] as const) {
      expect(alphaAt(x, y), `alpha at ${x},${y}`).toBe(0);
    }
    // Inside the meter's panel (top-left, within the title-safe margin): something opaque was drawn.
    expect(alphaAt(300, 150)).toBeGreaterThan(200);
  });

  it('shows exactly the amount the server computed, formatted for the campaign currency in Japanese', async () => {
    const { aggregator } = overlay.feed;
    aggregator.apply({ region: 'tohoku', market: 'jp', likes: 123_457, comments: 1_001, giftDiamonds: 42_000 });
    aggregator.apply({ region: 'noto', market: 'kr', shares: 77, giftDiamonds: 5_000 });
    // 12,345 (likes: 1 yen per 10, the 7 extra likes earn nothing yet) + 5,005 + 770 + 47,000 diamonds
    const raisedMinor = aggregator.state(null).donation.raisedMinor;
    expect(raisedMinor).toBe(65_120);
    await overlay.waitFor(`window.__localLove.lastState && window.__localLove.lastState.seq >= ${aggregator.seq}`);
    await settled();
    const shown = await meter();
    expect(shown['amountText']).toBe('¥65,120');
    expect(shown['amountText']).toBe(new MoneyFormatter('JPY', 'ja').formatMinor(raisedMinor).replace('￥', '¥'));
    expect(shown['displayedMinor']).toBe(raisedMinor);
    expect(shown['percentText']).toBe('0%'); // 65,120 of a 20,000,000 goal, floored
    expect(await overlay.evaluate('window.__localLove.lastState.donation.raisedMinor')).toBe(raisedMinor);
  });

  it('draws no frame while no reaction arrives', async () => {
    // Once every widget has come to rest (the meter's count, the reaction bursts of the test above)...
    await settled();
    await overlay.waitFor('!window.__localLove.moving');
    const before = await overlay.evaluate<number>('window.__localLove.framesDrawn');
    await overlay.page.waitForTimeout(1_000);
    expect(await overlay.evaluate<number>('window.__localLove.framesDrawn')).toBe(before);
    // ...and draws again as soon as one does.
    overlay.feed.aggregator.apply({ region: 'kumamoto', market: 'tw', comments: 10 });
    await overlay.waitFor(`window.__localLove.framesDrawn > ${before}`);
  });

  it('reports no page error', () => {
    expect(overlay.pageErrors).toEqual([]);
  });
});
