import { mulberry32, type Random } from '../../../random/mulberry32.ts';

/**
 * Seeded randomness for particle motion: varied to the eye, identical from run to run, so a screenshot at a
 * fixed test clock is exactly repeatable.
 */
export class SeededRandom {
  readonly next: Random;

  constructor(seed: number) {
    this.next = mulberry32(seed);
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
