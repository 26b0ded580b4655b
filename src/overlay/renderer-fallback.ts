/**
 * Pixi's canvas renderer, for a browser without WebGL (layer.ts), in a module of its own so that only such a
 * browser fetches it. OBS's browser always has WebGL, in software when hardware acceleration is off.
 */
export { CanvasRenderer } from 'pixi.js';
