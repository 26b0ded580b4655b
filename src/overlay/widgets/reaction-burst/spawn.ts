import type { BurstLook, Range, RiseLook } from './look.ts';
import { Motion } from './motion.ts';
import type { ParticlePool } from './particle-pool.ts';
import type { SeededRandom } from './random.ts';

const TAU = Math.PI * 2;

function pick(random: SeededRandom, range: Range): number {
  return random.between(range.min, range.max);
}

/** Fills `slot` with a rising particle of `look`, born at `bornMs`, `sizeFactor` times its look's size. */
export function spawnRising(
  pool: ParticlePool,
  slot: number,
  random: SeededRandom,
  look: RiseLook,
  emitter: BurstLook['emitter'],
  bornMs: number,
  sizeFactor = 1,
): void {
  const lifeMs = pick(random, look.lifeMs);
  const speed = pick(random, look.speed);
  const x = pick(random, look.x);
  pool.motion[slot] = Motion.rise;
  pool.bornMs[slot] = bornMs;
  pool.lifeMs[slot] = lifeMs;
  pool.x0[slot] = x;
  pool.y0[slot] = emitter.y + random.between(-emitter.yJitter, emitter.yJitter);
  pool.vx[slot] = (x - emitter.centreX) * emitter.fan + pick(random, look.drift);
  pool.vy[slot] = speed;
  // Loses `slowdown` of its speed by the end of its life: v(t) = speed - decel * t.
  pool.decel[slot] = (speed * look.slowdown) / (lifeMs / 1000);
  pool.sway[slot] = pick(random, look.sway);
  pool.swayHz[slot] = pick(random, look.swayHz);
  pool.phase[slot] = random.next() * TAU;
  pool.rotation0[slot] = random.between(-look.tilt, look.tilt);
  pool.turn[slot] = look.lean * random.sign();
  pool.baseScale[slot] = pick(random, look.scale) * sizeFactor;
}

/** Puts `slot` on the big gift's path (the gem's own, or its flash's and sparkles', which travel with it). */
function followGem(
  pool: ParticlePool,
  slot: number,
  motion: Motion,
  lifeMs: number,
  x: number,
  y: number,
  big: BurstLook['bigGift'],
  bornMs: number,
): void {
  pool.motion[slot] = motion;
  pool.bornMs[slot] = bornMs;
  pool.lifeMs[slot] = lifeMs;
  pool.x0[slot] = x;
  pool.y0[slot] = y;
  pool.vx[slot] = 0;
  pool.vy[slot] = big.speed;
  pool.decel[slot] = (big.speed * 0.5) / (big.lifeMs / 1000);
}

/** Slots a big gift needs, from the pools of the gem, its flash and its sparkles (-1 where a pool is full). */
export interface BigGiftSlots {
  gem: number;
  flash: number;
  /** Sparkle slots; -1 entries are skipped. */
  sparkles: Int32Array;
}

/** A big gift: the gem rises slowly from above the flow, with a flash behind it and a ring of sparkles. */
export function spawnBigGift(
  pool: ParticlePool,
  slots: BigGiftSlots,
  random: SeededRandom,
  look: BurstLook,
  bornMs: number,
  gemScale: number,
): void {
  const big = look.bigGift;
  const x = pick(random, big.x);
  const y = pick(random, big.y);
  followGem(pool, slots.gem, Motion.rise, big.lifeMs, x, y, big, bornMs);
  pool.sway[slots.gem] = 6;
  pool.swayHz[slots.gem] = 0.35;
  pool.phase[slots.gem] = random.next() * TAU;
  pool.rotation0[slots.gem] = 0;
  pool.turn[slots.gem] = 0.06;
  pool.baseScale[slots.gem] = gemScale;

  if (slots.flash >= 0) {
    followGem(pool, slots.flash, Motion.flash, big.flashLifeMs, x, y, big, bornMs);
    pool.rotation0[slots.flash] = random.next() * TAU;
    pool.turn[slots.flash] = 0.5 * random.sign();
    pool.baseScale[slots.flash] = big.flashScale * gemScale;
  }

  const count = slots.sparkles.length;
  const offset = random.next() * TAU;
  for (let i = 0; i < count; i++) {
    const slot = slots.sparkles[i]!;
    if (slot < 0) continue;
    followGem(pool, slot, Motion.sparkle, pick(random, big.sparkleLifeMs), x, y, big, bornMs);
    // Evenly around the gem, each a little off the exact spoke so the ring looks thrown, not stamped.
    pool.phase[slot] = offset + (TAU * i) / count + random.between(-0.18, 0.18);
    pool.sway[slot] = pick(random, big.sparkleReach);
    pool.rotation0[slot] = random.next() * TAU;
    pool.turn[slot] = random.between(1.5, 3) * random.sign();
    pool.baseScale[slot] = pick(random, big.sparkleScale);
  }
}
