import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GL_PROBE_SCRIPT, READ_GL_PROBE, type GlProbeReading } from './gl-probe.ts';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * What a counting frame of the meter costs in draw calls. A software GPU (SwiftShader: OBS without hardware
 * acceleration) pays a set-up for each, so the glyphs of a figure, all frames of one glyph strip, must share
 * one call (src/overlay/single-texture-batches.ts keeps pixi's batcher from giving each its own), and the
 * panel, on its still canvas, is not drawn again while the figures count.
 */
let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=ja&widgets=meter',
    initScript: GL_PROBE_SCRIPT,
    beforeOpen: (feed) => feed.aggregator.apply({ region: 'tohoku', market: 'jp', giftDiamonds: 8_400_000 }),
  });
  // ¥8,400,000 to ¥9,400,000: counting, and short of the ¥10M milestone, so nothing celebrates.
  overlay.feed.aggregator.apply({ region: 'kumamoto', market: 'tw', likes: 10_000_000 });
  await overlay.waitFor(`window.__localLove.lastState.seq >= ${overlay.feed.aggregator.seq}`);
});

afterAll(async () => {
  await overlay?.close();
});

describe('the meter while it counts', () => {
  it('draws its figures in fewer calls than the amount has glyphs, and leaves the panel alone', async () => {
    await overlay.evaluate('window.__localLove.advance(300)');
    const before = await overlay.evaluate<GlProbeReading>(READ_GL_PROBE);
    await overlay.evaluate('window.__localLove.advance(16)');
    const after = await overlay.evaluate<GlProbeReading>(READ_GL_PROBE);
    const meter = await overlay.evaluate<{ amountText: string; displayedMinor: number; targetMinor: number; celebrating: boolean }>('window.__localLove.widget("donation-meter")');
    expect(meter).toMatchObject({ targetMinor: 9_400_000, celebrating: false });
    expect(meter.displayedMinor).toBeLessThan(meter.targetMinor); // still counting: the frame drew the figures
    const draws = after.draws - before.draws;
    expect(draws).toBeGreaterThan(0);
    // Two figures, the fill, its light and three markers: 7 calls. A call per glyph made 10 here (and the
    // panel, when it was drawn with them, one more).
    expect(draws).toBeLessThan([...meter.amountText].length);
  });
});
