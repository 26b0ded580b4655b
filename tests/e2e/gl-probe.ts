/**
 * A probe installed in a page before its scripts run (page.addInitScript): it counts WebGL draw calls and
 * live GL textures by wrapping the context's prototypes, and times every animation frame that drew
 * something (when it started, and how long its callback kept the main thread). Nothing in the overlay
 * knows about it; tests and the benchmark read `window.__glProbe`.
 *
 * Frame records go to fixed ring buffers, so a long soak does not grow the page's heap because of the probe.
 */
export const GL_PROBE_SCRIPT = `(() => {
  const RING = 16384;
  const probe = {
    draws: 0,
    textures: 0,
    frames: 0,
    frameStart: new Float64Array(RING),
    frameWork: new Float64Array(RING),
  };
  window.__glProbe = probe;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) { probe.draws++; return original.apply(this, args); };
    }
    const createTexture = proto.createTexture;
    proto.createTexture = function () { const texture = createTexture.call(this); if (texture) probe.textures++; return texture; };
    const deleteTexture = proto.deleteTexture;
    proto.deleteTexture = function (texture) { if (texture) probe.textures--; return deleteTexture.call(this, texture); };
  }
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((timestamp) => {
    const drawsBefore = probe.draws;
    const start = performance.now();
    callback(timestamp);
    if (probe.draws === drawsBefore) return;
    const slot = probe.frames++ % RING;
    probe.frameStart[slot] = start;
    probe.frameWork[slot] = performance.now() - start;
  });
})();`;

export interface GlProbeReading {
  draws: number;
  textures: number;
  frames: number;
}

/** An expression for page.evaluate returning the probe's counters. */
export const READ_GL_PROBE = '({ draws: window.__glProbe.draws, textures: window.__glProbe.textures, frames: window.__glProbe.frames })';

/**
 * An expression returning the frames drawn since frame number `since` (at most the ring's size):
 * their start times and main-thread milliseconds.
 */
export function readFramesSince(since: number): string {
  return `(() => {
    const probe = window.__glProbe;
    const count = Math.min(probe.frames - ${since}, probe.frameStart.length);
    const starts = [];
    const work = [];
    for (let i = probe.frames - count; i < probe.frames; i++) {
      const slot = i % probe.frameStart.length;
      starts.push(probe.frameStart[slot]);
      work.push(probe.frameWork[slot]);
    }
    return { starts, work };
  })()`;
}
