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
  /** Spawn x (a narrow band: the flow is a plume that widens as it rises). */
  readonly x: Range;
  /** Sideways drift, px/s; leaning towards the screen's middle, away from its edge. */
  readonly drift: Range;
}

export interface BurstLook {
  readonly emitter: {
    /** Particles appear around this line (they pop in from nothing, so nothing is cut at the bottom). */
    readonly y: number;
    /** How far above or below the line, so the plume has no hard flat base. */
    readonly yJitter: number;
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
    readonly y: Range;
    readonly x: Range;
    readonly lifeMs: number;
    readonly speed: number;
    /** Celebrations on screen at once; further big gifts rise with the others, without the fanfare. */
    readonly maxAtOnce: number;
    readonly flashLifeMs: number;
    readonly flashScale: number;
    readonly sparkles: number;
    readonly sparkleLifeMs: Range;
    readonly sparkleReach: Range;
    readonly sparkleScale: Range;
  };
}

export const defaultLook: BurstLook = {
  emitter: { y: 992, yJitter: 14, centreX: 1600, fan: 0.1 },
  heart: {
    lifeMs: { min: 2400, max: 3200 },
    speed: { min: 230, max: 310 },
    slowdown: 0.45,
    sway: { min: 16, max: 42 },
    swayHz: { min: 0.25, max: 0.6 },
    lean: 0.2,
    tilt: 0.14,
    scale: { min: 0.6, max: 1 },
    x: { min: 1490, max: 1660 },
    drift: { min: -70, max: 0 },
  },
  bubble: {
    lifeMs: { min: 2800, max: 3400 },
    speed: { min: 190, max: 240 },
    slowdown: 0.4,
    sway: { min: 10, max: 24 },
    swayHz: { min: 0.25, max: 0.5 },
    lean: 0.08,
    tilt: 0.06,
    scale: { min: 0.8, max: 0.95 },
    x: { min: 1530, max: 1650 },
    drift: { min: -55, max: 5 },
  },
  gift: {
    lifeMs: { min: 3200, max: 3800 },
    speed: { min: 220, max: 280 },
    slowdown: 0.4,
    sway: { min: 8, max: 18 },
    swayHz: { min: 0.25, max: 0.45 },
    lean: 0.1,
    tilt: 0.08,
    // Multiplied by the gift's own size (gift-tiers.ts).
    scale: { min: 0.95, max: 1.05 },
    x: { min: 1500, max: 1650 },
    drift: { min: -55, max: 0 },
  },
  bigGift: {
    y: { min: 840, max: 900 },
    x: { min: 1500, max: 1630 },
    lifeMs: 3800,
    speed: 140,
    maxAtOnce: 2,
    flashLifeMs: 1200,
    flashScale: 0.9,
    sparkles: 8,
    sparkleLifeMs: { min: 1000, max: 1400 },
    sparkleReach: { min: 90, max: 140 },
    sparkleScale: { min: 0.9, max: 1.4 },
  },
};


/** Half the widest icon as drawn (a big gift at its largest), for the column's reach. */
const ICON_HALF_WIDTH = 60;

/**
 * The column the flow occupies, from its leftmost to its rightmost reach (spawn band, fan, drift and sway
 * over a whole life, plus the widest icon), as a centre and a half width, and the line particles appear
 * on. The layout moves the whole flow by this.
 */
export function burstColumn(look: BurstLook): { centreX: number; halfWidth: number; baseY: number } {
  const { centreX, fan, y } = look.emitter;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const rise of [look.heart, look.bubble, look.gift]) {
    const lifeSeconds = rise.lifeMs.max / 1000;
    const fanOut = (x: number) => x + (x - centreX) * fan * lifeSeconds;
    left = Math.min(left, fanOut(rise.x.min) + Math.min(0, rise.drift.min) * lifeSeconds - rise.sway.max);
    right = Math.max(right, fanOut(rise.x.max) + Math.max(0, rise.drift.max) * lifeSeconds + rise.sway.max);
  }
  left -= ICON_HALF_WIDTH;
  right += ICON_HALF_WIDTH;
  return { centreX: Math.round((left + right) / 2), halfWidth: Math.ceil((right - left) / 2), baseY: y };
}
