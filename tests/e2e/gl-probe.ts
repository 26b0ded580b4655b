/**
 * A probe installed in a page before its scripts run (page.addInitScript): it counts WebGL draw calls and
 * live GL textures by wrapping the context's prototypes (every context of the page: the overlay draws each
 * widget on a canvas of its own), and times every animation frame that drew something (when it started, and
 * how long all of its callbacks kept the main thread). Nothing in the overlay knows about it; tests and the
 * benchmark read `window.__glProbe`.
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
  // A frame is what the viewer sees: every callback of one animation frame gets the same timestamp, so
  // callbacks are grouped by it. A frame counts once if any of its callbacks drew (on any canvas), and its
  // main-thread time is the sum of all of its callbacks.
  let stamp = -1;
  let stampWork = 0;
  let stampSlot = -1;
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((timestamp) => {
    if (timestamp !== stamp) {
      stamp = timestamp;
      stampWork = 0;
      stampSlot = -1;
    }
    const drawsBefore = probe.draws;
    const start = performance.now();
    callback(timestamp);
    const work = performance.now() - start;
    if (stampSlot !== -1) {
      probe.frameWork[stampSlot] += work;
      return;
    }
    stampWork += work;
    if (probe.draws === drawsBefore) return;
    stampSlot = probe.frames++ % RING;
    probe.frameStart[stampSlot] = start;
    probe.frameWork[stampSlot] = stampWork;
  });
})();`;

export interface GlProbeReading {
  draws: number;
  textures: number;
  frames: number;
}

/** An expression for page.evaluate returning the probe's counters. */
export const READ_GL_PROBE = '({ draws: window.__glProbe.draws, textures: window.__glProbe.textures, frames: window.__glProbe.frames })';

/** Frames the probe timed: when each frame's callback that drew started, and the frame's wall-clock milliseconds (page clock). */
export interface ProbeFrames {
  readonly starts: readonly number[];
  readonly work: readonly number[];
}

/**
 * An expression returning the frames drawn since frame number `since` (at most the ring's size):
 * their start times and main-thread milliseconds (ProbeFrames).
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
