import type { Container } from 'pixi.js';

/**
 * Draws `container` once into a texture of its own, `resolution` pixels per stage unit, with its own
 * multisampling: the stage renders without MSAA (its resolve halves a software-rendered canvas), so a drawn
 * shape (Graphics: rounded ends, circles, curves) keeps smooth edges only when baked like this. The baked
 * container still moves, scales, fades and takes its tint as one sprite; changing what is inside needs
 * `updateCacheTexture()`.
 */
export function bakeSmooth<T extends Container>(container: T, resolution: number): T {
  container.cacheAsTexture({ resolution, antialias: true });
  return container;
}
