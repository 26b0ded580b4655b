import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'lang=en', browserArgs: ['--disable-3d-apis'] });
});

afterAll(async () => {
  await overlay?.close();
});

/**
 * The layers make their WebGL renderer directly (layer.ts); a browser without WebGL still gets pixi's canvas
 * renderer, fetched only then. OBS always has WebGL, but an overlay must never be blank.
 */
describe('the overlay in a browser without WebGL', () => {
  it("draws the meter with pixi's canvas renderer, without an error", async () => {
    expect(await overlay.evaluate('window.__localLove.rendererName')).toBe('canvas');
    await overlay.waitFor('window.__localLove.meterOnAirAtMs > 0');
    const png = PNG.sync.read(await overlay.page.screenshot({ omitBackground: true }));
    // The meter's panel sits top left in the default layout: opaque there, clear in the far corner.
    const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3]!;
    expect(alphaAt(300, 150)).toBeGreaterThan(200);
    expect(alphaAt(1900, 1060)).toBe(0);
    expect(overlay.pageErrors).toEqual([]);
  });
});
