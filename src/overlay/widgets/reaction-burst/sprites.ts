/**
 * The particle sprites, in drawing order (later ones are drawn on top: gifts over hearts, the big gift's
 * flash behind its gem). Each sprite owns a fixed range of pool slots, so a slot's texture never changes:
 * the ParticleContainer uploads texture coordinates once, and the drawing order is stable.
 */
export const SPRITES = ['heart', 'heartPink', 'bubble', 'rose', 'star', 'treasure', 'burst', 'gem', 'sparkle'] as const;
export type Sprite = (typeof SPRITES)[number];

/** The share of the particle budget each sprite gets; sums to 1. Likes dominate a storm, so hearts get most. */
const BUDGET_SHARES: Readonly<Record<Sprite, number>> = {
  heart: 0.32,
  heartPink: 0.28,
  bubble: 0.13,
  rose: 0.08,
  star: 0.05,
  treasure: 0.04,
  burst: 0.015,
  gem: 0.015,
  sparkle: 0.07,
};

export const MIN_PARTICLES = 60;
export const MAX_PARTICLES = 5000;

export interface SpriteRange {
  readonly sprite: Sprite;
  /** First slot of the range in the pool. */
  readonly start: number;
  readonly capacity: number;
}

/**
 * Splits `maxParticles` (clamped to [MIN_PARTICLES, MAX_PARTICLES]) into one contiguous range per sprite,
 * in drawing order. Every sprite gets at least one slot and the capacities add up to exactly the budget.
 */
export function poolLayout(maxParticles: number): SpriteRange[] {
  const total = Math.round(Math.min(MAX_PARTICLES, Math.max(MIN_PARTICLES, maxParticles)));
  const capacities = SPRITES.map((sprite) => Math.max(1, Math.floor(total * BUDGET_SHARES[sprite])));
  // Rounding down leaves a few slots over: they go to the hearts, which a storm fills first.
  capacities[0]! += total - capacities.reduce((sum, capacity) => sum + capacity, 0);
  let start = 0;
  return SPRITES.map((sprite, index) => {
    const range = { sprite, start, capacity: capacities[index]! };
    start += range.capacity;
    return range;
  });
}

export function spriteIndex(sprite: Sprite): number {
  return SPRITES.indexOf(sprite);
}
