import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOverlay, type OverlayHarness } from './harness.ts';

/**
 * The meter's first frame is what "on air" means (goal, figure and bar visible): its panel, the still part,
 * gets a canvas of its own only after that frame (src/overlay/layer.ts), so the first frame must draw the
 * panel on the meter's own canvas. A probe reads back, at the end of every task that drew on a WebGL canvas
 * of the page (its drawing buffer still holds the frame then), how many of its pixels are not transparent.
 */
const COVERAGE_PROBE = `(() => {
  const drawnIn = new Set();
  // Each canvas is known by the order it first drew in.
  const ids = new WeakMap();
  let canvases = 0;
  const frames = [];
  window.__coverage = frames;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays']) {
      const original = proto[name];
      proto[name] = function (...args) {
        const gl = this;
        if (!drawnIn.has(gl) && gl.canvas instanceof HTMLCanvasElement && gl.canvas.isConnected) {
          drawnIn.add(gl);
          queueMicrotask(() => {
            drawnIn.delete(gl);
            gl.bindFramebuffer(gl.FRAMEBUFFER, null);
            const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
            const pixels = new Uint8Array(width * height * 4);
            gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
            let opaque = 0;
            for (let at = 3; at < pixels.length; at += 4) if (pixels[at] > 0) opaque++;
            if (!ids.has(gl.canvas)) ids.set(gl.canvas, canvases++);
            frames.push({ canvas: ids.get(gl.canvas), opaque });
          });
        }
        return original.apply(this, args);
      };
    }
  }
})();`;

let overlay: OverlayHarness;

beforeAll(async () => {
  overlay = await startOverlay({ query: 'clock=test&lang=en&widgets=meter', initScript: COVERAGE_PROBE });
});

afterAll(async () => {
  await overlay?.close();
});

describe("the meter's first frame", () => {
  it("draws the panel on the meter's canvas, which then hands it to a canvas of its own", async () => {
    const frames = await overlay.evaluate<{ canvas: number; opaque: number }[]>('window.__coverage');
    // The meter's canvas drew first; the panel's canvas (the second to draw) holds the panel from then on.
    const [first] = frames;
    const lastOf = (canvas: number) => frames.filter((frame) => frame.canvas === canvas).at(-1);
    const panel = lastOf(1);
    const movingParts = lastOf(0);
    expect(first?.canvas).toBe(0);
    expect(panel).toBeDefined();
    // The first frame covers at least the panel; once the panel has its canvas, the meter's draws far less.
    expect(first!.opaque).toBeGreaterThanOrEqual(panel!.opaque);
    expect(movingParts!.opaque).toBeLessThan(panel!.opaque / 2);
  });
});
