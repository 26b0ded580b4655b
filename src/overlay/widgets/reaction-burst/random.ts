/**
 * A seeded PRNG (mulberry32) for particle motion: varied to the eye, identical from run to run, so a
 * screenshot at a fixed test clock is exactly repeatable. The overlay may not import from src/feed, which
 * has its own copy for the simulator; the algorithm is the same 32-bit one.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** -1 or +1, evenly. */
  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }
}
