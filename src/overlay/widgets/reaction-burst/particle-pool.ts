import { SPRITES, type SpriteRange } from './sprites.ts';

/**
 * A fixed-size particle pool in struct-of-arrays form: every field is a typed array allocated once, so a
 * storm allocates nothing per frame and the pool can never grow. Each sprite owns a contiguous range of
 * slots (see sprites.ts) with its own free stack; the live slots are kept in a dense list for iteration.
 *
 * The pool only keeps the data; motion.ts says how a slot moves and writes the drawn values
 * (x, y, rotation, scale, alpha), which the view copies into pixi particles.
 */
export class ParticlePool {
  readonly capacity: number;
  readonly ranges: readonly SpriteRange[];

  // Per slot, set at spawn.
  readonly sprite: Uint8Array;
  readonly motion: Uint8Array;
  readonly bornMs: Float64Array;
  readonly lifeMs: Float32Array;
  readonly x0: Float32Array;
  readonly y0: Float32Array;
  /** Horizontal drift, px/s. */
  readonly vx: Float32Array;
  /** Initial rise speed, px/s upwards. */
  readonly vy: Float32Array;
  /** How much the rise slows, px/s². */
  readonly decel: Float32Array;
  /** Sway amplitude in px (for sparkles: how far they fly out). */
  readonly sway: Float32Array;
  readonly swayHz: Float32Array;
  /** Sway phase in radians (for sparkles: the direction they fly). */
  readonly phase: Float32Array;
  readonly rotation0: Float32Array;
  /** Lean with the sway (rise) or spin speed in rad/s (flash, sparkle). */
  readonly turn: Float32Array;
  readonly baseScale: Float32Array;

  // Per slot, written every frame by motion.ts; a free slot is drawn at scale 0 and alpha 0 (no pixels).
  readonly outX: Float32Array;
  readonly outY: Float32Array;
  readonly outRotation: Float32Array;
  readonly outScale: Float32Array;
  readonly outAlpha: Float32Array;

  /** Live slots, densely packed in [0, liveCount). */
  readonly live: Int32Array;
  private readonly livePosition: Int32Array;
  private liveTotal = 0;

  /** Free slots; sprite s uses free[ranges[s].start .. ranges[s].start + freeCount[s]). */
  private readonly free: Int32Array;
  private readonly freeCount: Int32Array;

  /** Slots handed out since construction: a reused slot counts again (for tests and the bench). */
  spawned = 0;

  constructor(ranges: readonly SpriteRange[]) {
    this.ranges = ranges;
    const capacity = ranges.reduce((sum, range) => sum + range.capacity, 0);
    this.capacity = capacity;
    this.sprite = new Uint8Array(capacity);
    this.motion = new Uint8Array(capacity);
    this.bornMs = new Float64Array(capacity);
    this.lifeMs = new Float32Array(capacity);
    this.x0 = new Float32Array(capacity);
    this.y0 = new Float32Array(capacity);
    this.vx = new Float32Array(capacity);
    this.vy = new Float32Array(capacity);
    this.decel = new Float32Array(capacity);
    this.sway = new Float32Array(capacity);
    this.swayHz = new Float32Array(capacity);
    this.phase = new Float32Array(capacity);
    this.rotation0 = new Float32Array(capacity);
    this.turn = new Float32Array(capacity);
    this.baseScale = new Float32Array(capacity);
    this.outX = new Float32Array(capacity);
    this.outY = new Float32Array(capacity);
    this.outRotation = new Float32Array(capacity);
    this.outScale = new Float32Array(capacity);
    this.outAlpha = new Float32Array(capacity);
    this.live = new Int32Array(capacity);
    this.livePosition = new Int32Array(capacity).fill(-1);
    this.free = new Int32Array(capacity);
    this.freeCount = new Int32Array(SPRITES.length);
    for (const range of ranges) {
      this.sprite.fill(SPRITES.indexOf(range.sprite), range.start, range.start + range.capacity);
    }
    this.clear();
  }

  get liveCount(): number {
    return this.liveTotal;
  }

  /** Live slots of one sprite (a loop, for tests and inspection; not for the frame loop). */
  liveOf(spriteIndex: number): number {
    let count = 0;
    for (let i = 0; i < this.liveTotal; i++) if (this.sprite[this.live[i]!] === spriteIndex) count++;
    return count;
  }

  /** A free slot of `spriteIndex`, now live; -1 when that sprite's range is full. */
  acquire(spriteIndex: number): number {
    const range = this.ranges[spriteIndex];
    const available = this.freeCount[spriteIndex]!;
    if (!range || available === 0) return -1;
    const slot = this.free[range.start + available - 1]!;
    this.freeCount[spriteIndex] = available - 1;
    this.livePosition[slot] = this.liveTotal;
    this.live[this.liveTotal++] = slot;
    this.spawned++;
    return slot;
  }

  /** Returns a live slot to its sprite's free stack and hides it. */
  release(slot: number): void {
    const position = this.livePosition[slot]!;
    if (position < 0) return;
    const last = this.live[--this.liveTotal]!;
    this.live[position] = last;
    this.livePosition[last] = position;
    this.livePosition[slot] = -1;
    const spriteIndex = this.sprite[slot]!;
    const range = this.ranges[spriteIndex]!;
    this.free[range.start + this.freeCount[spriteIndex]!] = slot;
    this.freeCount[spriteIndex]! += 1;
    this.hide(slot);
  }

  /** Frees every slot at once (a jump to the present). */
  clear(): void {
    this.liveTotal = 0;
    this.livePosition.fill(-1);
    this.ranges.forEach((range, spriteIndex) => {
      for (let i = 0; i < range.capacity; i++) this.free[range.start + i] = range.start + range.capacity - 1 - i;
      this.freeCount[spriteIndex] = range.capacity;
    });
    this.outScale.fill(0);
    this.outAlpha.fill(0);
  }

  private hide(slot: number): void {
    this.outScale[slot] = 0;
    this.outAlpha[slot] = 0;
  }
}
