/**
 * How an audience's reaction rate becomes a particle rate on screen.
 *
 * Up to `knee` reactions a second every reaction gets its own particle, so a quiet stream sees each like.
 * Above it the rate is compressed logarithmically, so a storm still reads as "much more" (each doubling of
 * the audience adds the same flow, `knee * strength * ln 2` particles a second) without ever flooding the
 * screen; `ceiling` is the hard limit, derived from the particle budget so the live cap is never what stops
 * a particle (that would pulse).
 */
export interface RateCurve {
  /** Reactions per second shown one to one. */
  readonly knee: number;
  /** How much flow each doubling above the knee adds, relative to the knee; 1 when absent. */
  readonly strength?: number;
  /** Particles per reaction (the density parameter): 0.5 shows every other like; 1 when absent. */
  readonly gain?: number;
  /** Particles per second never exceeded, whatever the audience does. */
  readonly ceiling: number;
}

/** Particles per second to show for `reactionsPerSecond`; monotonic, continuous, never above the ceiling. */
export function visualRate(curve: RateCurve, reactionsPerSecond: number): number {
  if (!(reactionsPerSecond > 0)) return 0;
  const { knee, ceiling, gain = 1, strength = 1 } = curve;
  const shown = reactionsPerSecond <= knee ? reactionsPerSecond : knee * (1 + strength * Math.log(reactionsPerSecond / knee));
  return Math.min(gain * shown, ceiling);
}

/**
 * The rate a pool of `capacity` particles can sustain when each lives at most `lifeMs`, filling no more
 * than `fill` of it (the rest is slack for bursts).
 */
export function sustainableRate(capacity: number, lifeMs: number, fill: number): number {
  return (capacity * fill) / (lifeMs / 1000);
}
