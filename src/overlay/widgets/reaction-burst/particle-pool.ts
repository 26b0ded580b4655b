import { LAYERS, type LayerRange } from './layers.ts';

/**
 * A fixed-size particle pool in struct-of-arrays form: every field is a typed array allocated once, so a
 * storm allocates nothing per frame and the pool can never grow. Each layer owns a contiguous range of
 * slots (see layers.ts) with its own free stack; the live slots are kept in a dense list for iteration.
 *
 * The pool only keeps the data; motion.ts says how a slot moves and writes the drawn values
 * (x, y, rotation, scale, alpha), which the view copies into pixi particles.
 */
export class ParticlePool {
  readonly capacity: number;
  readonly ranges: readonly LayerRange[];

  /** Per slot, fixed: the layer it belongs to. */
  readonly layer: Uint8Array;
  // Per slot, set at spawn.
  /** Which icon the slot shows (layers.ts `Icon`). */
  readonly icon: Uint8Array;
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

  /** Free slots; layer l uses free[ranges[l].start .. ranges[l].start + freeCount[l]). */
  private readonly free: Int32Array;
  private readonly freeCount: Int32Array;

  /** Slots handed out since construction: a reused slot counts again (for tests and the bench). */
  spawned = 0;

  constructor(ranges: readonly LayerRange[]) {
    this.ranges = ranges;
    const capacity = ranges.reduce((sum, range) => sum + range.capacity, 0);
    this.capacity = capacity;
    this.layer = new Uint8Array(capacity);
    this.icon = new Uint8Array(capacity);
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
    this.freeCount = new Int32Array(LAYERS.length);
    for (const range of ranges) {
      this.layer.fill(LAYERS.indexOf(range.layer), range.start, range.start + range.capacity);
    }
    this.clear();
  }

  get liveCount(): number {
    return this.liveTotal;
  }

  /** Live slots in one layer. */
  liveIn(layerIndex: number): number {
    const range = this.ranges[layerIndex];
    return range ? range.capacity - this.freeCount[layerIndex]! : 0;
  }

  /** Live slots showing `icon` (a loop, for tests and inspection; not for the frame loop). */
  liveShowing(icon: number): number {
    let count = 0;
    for (let i = 0; i < this.liveTotal; i++) if (this.icon[this.live[i]!] === icon) count++;
    return count;
  }

  /** A free slot of layer `layerIndex`, now live and showing `icon`; -1 when that layer is full. */
  acquire(layerIndex: number, icon: number): number {
    const range = this.ranges[layerIndex];
    const available = this.freeCount[layerIndex]!;
    if (!range || available === 0) return -1;
    const slot = this.free[range.start + available - 1]!;
    this.freeCount[layerIndex] = available - 1;
    this.icon[slot] = icon;
    this.livePosition[slot] = this.liveTotal;
    this.live[this.liveTotal++] = slot;
    this.spawned++;
    return slot;
  }

  /** Returns a live slot to its layer's free stack and hides it. */
  release(slot: number): void {
    const position = this.livePosition[slot]!;
    if (position < 0) return;
    const last = this.live[--this.liveTotal]!;
    this.live[position] = last;
    this.livePosition[last] = position;
    this.livePosition[slot] = -1;
    const layerIndex = this.layer[slot]!;
    const range = this.ranges[layerIndex]!;
    this.free[range.start + this.freeCount[layerIndex]!] = slot;
    this.freeCount[layerIndex]! += 1;
    this.hide(slot);
  }

  /** Frees every slot at once (a jump to the present). */
  clear(): void {
    this.liveTotal = 0;
    this.livePosition.fill(-1);
    this.ranges.forEach((range, layerIndex) => {
      for (let i = 0; i < range.capacity; i++) this.free[range.start + i] = range.start + range.capacity - 1 - i;
      this.freeCount[layerIndex] = range.capacity;
    });
    this.outScale.fill(0);
    this.outAlpha.fill(0);
  }

  private hide(slot: number): void {
    this.outScale[slot] = 0;
    this.outAlpha[slot] = 0;
  }
}
