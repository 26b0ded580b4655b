import { FillGradient, type ColorSource } from 'pixi.js';

/**
 * A linear gradient with evenly spaced stops, in the local space of the shape it fills (so one gradient
 * spans any shape from edge to edge): along x (`right`), down y (`down`, first stop at the top) or up y
 * (`up`, first stop at the bottom). It owns a texture: whoever builds one may destroy it with its shape.
 */
export function linearGradient(stops: readonly ColorSource[], direction: 'right' | 'down' | 'up'): FillGradient {
  return new FillGradient({
    type: 'linear',
    start: { x: 0, y: direction === 'up' ? 1 : 0 },
    end: { x: direction === 'right' ? 1 : 0, y: direction === 'down' ? 1 : 0 },
    colorStops: stops.map((color, index) => ({ offset: index / Math.max(1, stops.length - 1), color })),
    textureSpace: 'local',
  });
}
