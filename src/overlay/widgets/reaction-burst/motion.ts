import type { ParticlePool } from './particle-pool.ts';

/**
 * How a particle moves, as a pure function of its age: the same spawn parameters and the same clock give
 * the same frame, whatever the frame rate, so a frozen test clock gives a repeatable picture and a jump in
 * time (a source returning from hidden) lands exactly where continuous motion would have.
 */
export const Motion = {
  /** Hearts, bubbles, gifts: pop in, rise while slowing, sway and lean, shrink a little, fade out. */
  rise: 0,
  /** The big gift's flash: follows the gem, grows quickly, spins slowly, fades. */
  flash: 1,
  /** The big gift's sparkles: fly out from the gem along `phase`, spin, twinkle out. */
  sparkle: 2,
} as const;
export type Motion = (typeof Motion)[keyof typeof Motion];

const TAU = Math.PI * 2;
const POP_MS = 280;
const FADE_IN_MS = 90;
/** The last part of a rising particle's life during which it fades out. */
const FADE_OUT_FROM = 0.62;

/** Overshoots to ~1.1 and settles at 1: a small "pop" when a particle appears. */
function easeOutBack(p: number): number {
  const c1 = 1.70158;
  const c3 = c1 + 1;
  const q = p - 1;
  return 1 + c3 * q * q * q + c1 * q * q;
}

function easeOutCubic(p: number): number {
  const q = 1 - p;
  return 1 - q * q * q;
}

function smoothstep(p: number): number {
  return p * p * (3 - 2 * p);
}

/**
 * Writes the drawn values of `slot` at `nowMs`. Returns false once the particle's life is over (the caller
 * releases it). A particle born in the future (spread across a frame) is drawn invisible until then.
 */
export function evaluate(pool: ParticlePool, slot: number, nowMs: number): boolean {
  const ageMs = nowMs - pool.bornMs[slot]!;
  const lifeMs = pool.lifeMs[slot]!;
  if (ageMs >= lifeMs) return false;
  if (ageMs < 0) {
    pool.outScale[slot] = 0;
    pool.outAlpha[slot] = 0;
    return true;
  }
  const t = ageMs / 1000;
  const u = ageMs / lifeMs;
  // Every motion follows the rise path; flash and sparkle share their gem's path so they stay with it.
  const centreX = pool.x0[slot]! + pool.vx[slot]! * t;
  const centreY = pool.y0[slot]! - pool.vy[slot]! * t + 0.5 * pool.decel[slot]! * t * t;
  const base = pool.baseScale[slot]!;
  const pop = ageMs < POP_MS ? easeOutBack(ageMs / POP_MS) : 1;

  switch (pool.motion[slot]) {
    case Motion.flash: {
      pool.outX[slot] = centreX;
      pool.outY[slot] = centreY;
      pool.outRotation[slot] = pool.rotation0[slot]! + pool.turn[slot]! * t;
      pool.outScale[slot] = base * (0.35 + 0.65 * easeOutCubic(Math.min(1, ageMs / 600)));
      const fade = 1 - u;
      pool.outAlpha[slot] = fade * fade;
      return true;
    }
    case Motion.sparkle: {
      const reach = pool.sway[slot]! * easeOutCubic(u);
      const direction = pool.phase[slot]!;
      pool.outX[slot] = centreX + Math.cos(direction) * reach;
      pool.outY[slot] = centreY + Math.sin(direction) * reach;
      pool.outRotation[slot] = pool.rotation0[slot]! + pool.turn[slot]! * t;
      pool.outScale[slot] = base * pop * (1 - 0.55 * u);
      pool.outAlpha[slot] = 1 - u * u;
      return true;
    }
    default: {
      const angle = TAU * pool.swayHz[slot]! * t + pool.phase[slot]!;
      // The sway widens as the particle leaves the emitter, like a petal caught by the air.
      const sway = pool.sway[slot]! * (0.35 + 0.65 * u);
      pool.outX[slot] = centreX + sway * Math.sin(angle);
      pool.outY[slot] = centreY;
      pool.outRotation[slot] = pool.rotation0[slot]! + pool.turn[slot]! * Math.cos(angle);
      pool.outScale[slot] = base * pop * (1 - 0.14 * u);
      const fadeIn = ageMs < FADE_IN_MS ? ageMs / FADE_IN_MS : 1;
      const fadeOut = u > FADE_OUT_FROM ? 1 - smoothstep((u - FADE_OUT_FROM) / (1 - FADE_OUT_FROM)) : 1;
      pool.outAlpha[slot] = fadeIn * fadeOut;
      return true;
    }
  }
}
