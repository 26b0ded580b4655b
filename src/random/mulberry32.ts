/**
 * mulberry32: a tiny, fast 32-bit seeded PRNG, pure so that the feed's simulator and the overlay's particle
 * motion share it. Not for secrets, but exactly repeatable: the same seed always yields the same sequence,
 * on every machine.
 */
export type Random = () => number;

/** Returns a function yielding floats in [0, 1) determined only by `seed` and how often it was called. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
