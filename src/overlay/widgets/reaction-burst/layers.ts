/**
 * The particle layers, in drawing order (later ones on top): a big gift's flash behind everything, so the
 * flow passes in front of its glow rather than being washed out by it; gifts over hearts; the gem and its
 * sparkles over all. Each layer owns a fixed range of pool slots, so the drawing
 * order is stable and one kind of reaction can never take another's room. Within a layer a slot shows
 * any of the layer's icons (a heart of any colour, a gift of any tier).
 */
export const LAYERS = ['flash', 'heart', 'bubble', 'gift', 'gem', 'sparkle'] as const;
export type Layer = (typeof LAYERS)[number];

/** The share of the particle budget each layer gets; sums to 1. Likes dominate a storm, so hearts get most. */
const BUDGET_SHARES: Readonly<Record<Layer, number>> = {
  flash: 0.015,
  heart: 0.6,
  bubble: 0.13,
  gift: 0.17,
  gem: 0.015,
  sparkle: 0.07,
};

export const MIN_PARTICLES = 60;
export const MAX_PARTICLES = 5000;

export interface LayerRange {
  readonly layer: Layer;
  /** First slot of the range in the pool. */
  readonly start: number;
  readonly capacity: number;
}

/**
 * Splits `maxParticles` (clamped to [MIN_PARTICLES, MAX_PARTICLES]) into one contiguous range per layer,
 * in drawing order. Every layer gets at least one slot and the capacities add up to exactly the budget.
 */
export function poolLayout(maxParticles: number): LayerRange[] {
  const total = Math.round(Math.min(MAX_PARTICLES, Math.max(MIN_PARTICLES, maxParticles)));
  const capacities = LAYERS.map((layer) => Math.max(1, Math.floor(total * BUDGET_SHARES[layer])));
  // Rounding down leaves a few slots over: they go to the hearts, which a storm fills first.
  capacities[LAYERS.indexOf('heart')]! += total - capacities.reduce((sum, capacity) => sum + capacity, 0);
  let start = 0;
  return LAYERS.map((layer, index) => {
    const range = { layer, start, capacity: capacities[index]! };
    start += range.capacity;
    return range;
  });
}

export function layerIndex(layer: Layer): number {
  return LAYERS.indexOf(layer);
}

/**
 * The icons a particle can show. Hearts come in the theme's colours: heart variant k is `Icon.heart + k`.
 * The view maps each id to its texture in the atlas.
 */
export const Icon = {
  bubble: 0,
  rose: 1,
  star: 2,
  treasure: 3,
  flash: 4,
  gem: 5,
  sparkle: 6,
  heart: 7,
} as const;
export type Icon = (typeof Icon)[keyof typeof Icon];
