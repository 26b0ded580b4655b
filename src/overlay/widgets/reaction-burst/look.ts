/**
 * Where bursts flow and how each kind of particle moves, in 1920x1080 stage coordinates.
 *
 * The flow rises along the right side of the screen: the donation meter owns the top left and lower thirds
 * own the bottom left, so the right column is the one place reactions never cover a name or the amount.
 * Every particle, with its sway, drift and size, stays inside the 5% safe margins (x <= 1824, y <= 1026).
 */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface RiseLook {
  readonly lifeMs: Range;
  /** Initial rise speed, px/s. */
  readonly speed: Range;
  /** The share of the rise speed lost by the end of life (0 = constant speed). */
  readonly slowdown: number;
  readonly sway: Range;
  readonly swayHz: Range;
  /** Lean with the sway, radians at the sway's extremes. */
  readonly lean: number;
  /** Resting tilt, ± radians. */
  readonly tilt: number;
  readonly scale: Range;
  /** Spawn x (a band inside the emitter's column). */
  readonly x: Range;
}

export interface BurstLook {
  readonly emitter: {
    /** Particles appear on this line (they pop in from nothing, so nothing is cut at the bottom). */
    readonly y: number;
    /** The column's middle: particles drift away from it as they rise, so the flow fans out upwards. */
    readonly centreX: number;
    /** Horizontal drift per px of distance from `centreX`, in px/s. */
    readonly fan: number;
  };
  readonly heart: RiseLook;
  readonly bubble: RiseLook;
  readonly gift: RiseLook;
  readonly bigGift: {
    /** Where the gem appears: higher than the flow, so it is not lost in a storm of hearts. */
    readonly y: number;
    readonly x: Range;
    readonly lifeMs: number;
    readonly speed: number;
    readonly flashLifeMs: number;
    readonly flashScale: number;
    readonly sparkles: number;
    readonly sparkleLifeMs: Range;
    readonly sparkleReach: Range;
    readonly sparkleScale: Range;
  };
}

export const defaultLook: BurstLook = {
  emitter: { y: 996, centreX: 1620, fan: 0.1 },
  heart: {
    lifeMs: { min: 2400, max: 3200 },
    speed: { min: 240, max: 320 },
    slowdown: 0.45,
    sway: { min: 10, max: 26 },
    swayHz: { min: 0.45, max: 0.9 },
    lean: 0.16,
    tilt: 0.12,
    scale: { min: 0.62, max: 0.95 },
    x: { min: 1540, max: 1700 },
  },
  bubble: {
    lifeMs: { min: 2800, max: 3400 },
    speed: { min: 190, max: 240 },
    slowdown: 0.4,
    sway: { min: 8, max: 16 },
    swayHz: { min: 0.35, max: 0.6 },
    lean: 0.08,
    tilt: 0.06,
    scale: { min: 0.78, max: 0.95 },
    x: { min: 1550, max: 1690 },
  },
  gift: {
    lifeMs: { min: 3200, max: 3800 },
    speed: { min: 200, max: 250 },
    slowdown: 0.4,
    sway: { min: 8, max: 16 },
    swayHz: { min: 0.3, max: 0.5 },
    lean: 0.1,
    tilt: 0.08,
    // Multiplied by the gift's own size (gift-tiers.ts).
    scale: { min: 0.95, max: 1.05 },
    x: { min: 1570, max: 1670 },
  },
  bigGift: {
    y: 880,
    x: { min: 1600, max: 1640 },
    lifeMs: 4200,
    speed: 95,
    flashLifeMs: 1500,
    flashScale: 1.1,
    sparkles: 8,
    sparkleLifeMs: { min: 1000, max: 1400 },
    sparkleReach: { min: 110, max: 170 },
    sparkleScale: { min: 0.7, max: 1.1 },
  },
};

