import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';
import { E2E_CONTROL_TOKEN, advance, control, drawnPixels, lowerThird, waitForPhase } from './lower-third-helpers.ts';

/**
 * Each widget draws on a canvas of its own, sized to the widget (src/overlay/layer.ts). At 720p the stage is
 * scaled by 2/3: every canvas must still sit where its widget is, including a widget that was given its
 * state before it was built (a card already on air when the page opens).
 */
let overlay: OverlayHarness;
const SCALE = 720 / 1080;

beforeAll(async () => {
  overlay = await startOverlay({
    query: 'clock=test&lang=en',
    viewport: { width: 1280, height: 720 },
    control: { token: E2E_CONTROL_TOKEN },
  });
});

afterAll(async () => {
  await overlay?.close();
});

describe('one canvas per widget, at 720p', () => {
  it('draws a card that was on air before the page opened, where the card is', async () => {
    await control(overlay, '/lower-third/show', { rosterId: 'aoi-sato' });
    await overlay.page.reload();
    await overlay.waitFor('window.__localLove && window.__localLove.isReady');
    await waitForPhase(overlay, 'entering');
    await advance(overlay, 1_200);
    const { phase, bounds } = await lowerThird(overlay);
    expect(phase).toBe('shown');
    const box = { x: Math.round(bounds!.x * SCALE), y: Math.round(bounds!.y * SCALE), width: Math.floor(bounds!.width * SCALE), height: Math.floor(bounds!.height * SCALE) };
    const drawn = drawnPixels(await overlay.page.screenshot({ omitBackground: true }), box);
    expect(drawn).toBeGreaterThan(box.width * box.height * 0.45);
  });

  it('gives each widget its own canvas, inside the window, none of them the whole picture', async () => {
    const canvases = await overlay.evaluate<{ left: number; top: number; width: number; height: number; visible: boolean }[]>(
      '[...document.querySelectorAll("canvas")].map((c) => { const r = c.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height, visible: c.style.visibility !== "hidden" }; })',
    );
    const shown = canvases.filter((canvas) => canvas.visible);
    expect(shown.length).toBe(4); // the meter's panel and its moving parts, bursts (drawn once, empty), lower third
    for (const canvas of shown) {
      expect(canvas.left).toBeGreaterThanOrEqual(0);
      expect(canvas.top).toBeGreaterThanOrEqual(0);
      expect(canvas.left + canvas.width).toBeLessThanOrEqual(1280);
      expect(canvas.top + canvas.height).toBeLessThanOrEqual(720);
      expect(canvas.width * canvas.height).toBeLessThan(1280 * 720 * 0.5);
    }
  });
});
