import { afterEach, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * Every shader program a canvas draws with is linked at its first frame, and the frame waits for the link
 * (5-25 ms a program in software WebGL): the meter's shapes are all drawn by pixi's batcher, so each of its
 * canvases links only the program its sprites and texts use (src/overlay/art/batched.ts). A probe counts the
 * programs linked on each WebGL canvas of the page.
 */
const LINK_PROBE = `(() => {
  const links = new Map();
  const sizes = [];
  window.__linksPerCanvas = () => [...links.values()];
  window.__canvasSizesAtLink = () => sizes;
  const link = WebGL2RenderingContext.prototype.linkProgram;
  WebGL2RenderingContext.prototype.linkProgram = function (program) {
    links.set(this.canvas, (links.get(this.canvas) ?? 0) + 1);
    sizes.push(this.canvas.width + 'x' + this.canvas.height);
    return link.call(this, program);
  };
})();`;

let overlay: OverlayHarness | undefined;

afterEach(async () => {
  await overlay?.close();
  overlay = undefined;
});

describe('the meter on air', () => {
  it.each(['lang=ja', 'lang=en&meterStyle=thermometer&adjustments=split'])('links one program on each of its canvases (%s)', async (query) => {
    overlay = await startOverlay({ query: `${query}&widgets=meter`, initScript: LINK_PROBE });
    // Money past the ¥5,000,000 milestone: the fill moves, and the celebration makes and draws its banner.
    overlay.feed.aggregator.apply({ region: 'noto', market: 'kr', giftDiamonds: 6_000_000 });
    await overlay.waitFor(`window.__localLove.widget("donation-meter").displayedMinor === ${overlay.feed.aggregator.state(null).donation.raisedMinor}`);
    await overlay.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const links = await overlay.evaluate<number[]>('window.__linksPerCanvas()');
    // The meter's canvas and its panel's.
    expect(links).toEqual([1, 1]);
  });

  it('links its programs before its first frame, while its canvases are still unsized', async () => {
    overlay = await startOverlay({ query: 'widgets=meter', initScript: LINK_PROBE });
    await overlay.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    // A canvas is 1x1 until the frame that first draws on it sizes it to its box (layer.ts): a program
    // linked on a sized canvas was linked by a frame, which waited for it.
    expect(await overlay.evaluate<string[]>('window.__canvasSizesAtLink()')).toEqual(['1x1', '1x1']);
  });
});
