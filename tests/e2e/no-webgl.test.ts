import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { control, drawnPixels, E2E_CONTROL_TOKEN, LOWER_BAND, waitForPhase } from './lower-third-helpers.ts';
import { OVERLAY_RENDER_PIPES } from './render-pipes.ts';

const NO_WEBGL = ['--disable-3d-apis'];
const overlays: OverlayHarness[] = [];

afterAll(async () => {
  await Promise.all(overlays.map((overlay) => overlay.close()));
});

async function open(query: string): Promise<OverlayHarness> {
  const overlay = await startOverlay({ query, browserArgs: NO_WEBGL, control: { token: E2E_CONTROL_TOKEN } });
  overlays.push(overlay);
  return overlay;
}

/**
 * The layers make their WebGL renderer directly (layer.ts); a browser without WebGL still gets pixi's canvas
 * renderer, fetched only then. OBS always has WebGL, but an overlay must never be blank.
 */
describe('the overlay in a browser without WebGL', () => {
  it("draws the meter with pixi's canvas renderer, without an error", async () => {
    const overlay = await open('lang=en');
    expect(await overlay.evaluate('window.__localLove.rendererName')).toBe('canvas');
    await overlay.waitFor('window.__localLove.meterOnAirAtMs > 0');
    const png = PNG.sync.read(await overlay.page.screenshot({ omitBackground: true }));
    // The meter's panel sits top left in the default layout: opaque there, clear in the far corner.
    const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3]!;
    expect(alphaAt(300, 150)).toBeGreaterThan(200);
    expect(alphaAt(1900, 1060)).toBe(0);
    expect(overlay.pageErrors).toEqual([]);
  });

  // The canvas renderer's pipes are registered by the fallback chunk alone (scripts/build/pixi-cuts.ts): each
  // kind of thing a widget draws (texts, shapes, nine-slice plates, particles) must find its pipe there.
  it('draws every widget, a lower third and bursts included, without an error', async () => {
    const overlay = await open('lang=ja&widgets=meter,bursts,lower-third,board,clock');
    expect(await overlay.evaluate('window.__localLove.rendererName')).toBe('canvas');
    expect(await overlay.evaluate('window.__localLove.renderPipes')).toEqual(expect.arrayContaining(OVERLAY_RENDER_PIPES));
    const clock = await fetch(`${overlay.feed.url}/api/control/clock/set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${E2E_CONTROL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'countdown', durationMs: 45 * 60_000 }),
    });
    expect(clock.ok).toBe(true);
    await control(overlay, '/lower-third/show', { rosterId: 'aoi-sato' });
    overlay.feed.aggregator.apply({ region: 'tohoku', market: 'jp', likes: 1000, comments: 10, gifts: 2, giftDiamonds: 31 });
    await overlay.waitFor('window.__localLove.widget("reaction-burst").spawned > 0');
    await waitForPhase(overlay, 'shown');
    await overlay.waitFor(`window.__localLove.widget("show-clock")?.mode === "countdown"`);
    expect(drawnPixels(await overlay.page.screenshot({ omitBackground: true }), LOWER_BAND)).toBeGreaterThan(20_000);
    expect(overlay.pageErrors).toEqual([]);
  });
});
