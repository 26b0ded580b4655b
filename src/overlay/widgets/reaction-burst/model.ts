import { FeedDelta, type FeedSample } from './feed-delta.ts';
import { GiftQueue } from './gift-queue.ts';
import { giftScale, giftTier, type GiftTier } from './gift-tiers.ts';
import { FlowEmitter } from './flow-emitter.ts';
import { defaultLook, type BurstLook } from './look.ts';
import { evaluate } from './motion.ts';
import { ParticlePool } from './particle-pool.ts';
import { SeededRandom } from './random.ts';
import { sustainableRate, visualRate, type RateCurve } from './rate-curve.ts';
import { Icon, layerIndex, poolLayout } from './layers.ts';
import { spawnBigGift, spawnRising, type BigGiftSlots } from './spawn.ts';

export interface ReactionBurstOptions {
  /** Same seed, same feed, same clock: same particles. */
  seed: number;
  /** Live particles at most, all kinds together (clamped to 60..5000). */
  maxParticles: number;
  /** Per kind: reactions per second shown one to one, and how strongly a storm above that is compressed. */
  curves: Readonly<Record<'likes' | 'comments' | 'gifts', { knee: number; strength: number }>>;
  /** How many heart colours the view has; hearts take them in turn. */
  heartColors: number;
  /** Particles per reaction relative to normal (the `density` URL parameter); 0 shows none. */
  density: number;
  look: BurstLook;
}

export interface ReactionBurstStats {
  live: number;
  capacity: number;
  /** Particles spawned since the start (a reused slot counts again). */
  spawned: number;
  /** Particles not shown because their pool was full (should stay 0: the rate ceilings prevent it). */
  dropped: number;
  /** The audience's sustained rates as the model reads them from the feed, per second. */
  likesPerSecond: number;
  commentsPerSecond: number;
  giftsPerSecond: number;
}

/** A clock step longer than this is a jump (a source shown again after being hidden), not a frame. */
const JUMP_MS = 1000;
/** The share of a pool the sustained flow may fill; the rest is slack for bursts. */
const SUSTAINED_FILL = 0.9;

const LAYER = {
  heart: layerIndex('heart'),
  bubble: layerIndex('bubble'),
  gift: layerIndex('gift'),
  flash: layerIndex('flash'),
  gem: layerIndex('gem'),
  sparkle: layerIndex('sparkle'),
} as const;
const GIFT_ICON: Readonly<Record<GiftTier, Icon>> = { rose: Icon.rose, star: Icon.star, treasure: Icon.treasure, gem: Icon.gem };

/**
 * The reaction bursts without pixi: cumulative feed states in, particle positions out.
 *
 * `observe` turns each new state into what to show (feed-delta.ts): likes and comments become a flow owed
 * over the next tick (flow-emitter.ts), compressed by the rate curve; gifts are queued one by one at their
 * value. `update` advances the clock, emits what is due, and moves every live particle (motion.ts) in a
 * fixed pool (particle-pool.ts). Nothing here allocates per frame.
 */
export class ReactionBurstModel {
  static readonly defaultOptions: ReactionBurstOptions = {
    seed: 0x10c41,
    maxParticles: 500,
    // Gifts are precious: a handful at once all show, a storm of them grows only slowly.
    curves: { likes: { knee: 8, strength: 1 }, comments: { knee: 4, strength: 0.6 }, gifts: { knee: 5, strength: 0.35 } },
    heartColors: 1,
    density: 1,
    look: defaultLook,
  };

  readonly options: ReactionBurstOptions;
  readonly pool: ParticlePool;
  private readonly random: SeededRandom;
  private readonly delta = new FeedDelta();
  private readonly likes: FlowEmitter;
  private readonly comments: FlowEmitter;
  private readonly gifts: GiftQueue;
  private readonly curves: { likes: RateCurve; comments: RateCurve; gifts: RateCurve };
  private readonly bigGiftSlots: BigGiftSlots;
  private giftFraction = 0;
  private nextHeartColor = 0;
  private lastGiftDueMs = Number.NEGATIVE_INFINITY;
  private nowMs = 0;
  private dropped = 0;
  private readonly spawnGift = (diamonds: number, dueMs: number): void => this.showGift(diamonds, dueMs);

  constructor(options: Partial<ReactionBurstOptions> = {}) {
    this.options = { ...ReactionBurstModel.defaultOptions, ...options };
    const { seed, maxParticles, curves, look, density } = this.options;
    const layout = poolLayout(maxParticles);
    this.pool = new ParticlePool(layout);
    this.random = new SeededRandom(seed);
    const capacityOf = (layer: number) => layout[layer]!.capacity;
    this.curves = {
      likes: { ...curves.likes, gain: density, ceiling: sustainableRate(capacityOf(LAYER.heart), look.heart.lifeMs.max, SUSTAINED_FILL) },
      comments: { ...curves.comments, gain: density, ceiling: sustainableRate(capacityOf(LAYER.bubble), look.bubble.lifeMs.max, SUSTAINED_FILL) },
      gifts: { ...curves.gifts, gain: density, ceiling: sustainableRate(capacityOf(LAYER.gift), look.gift.lifeMs.max, SUSTAINED_FILL) },
    };
    // Slack for a storm that starts out of silence; with the ceiling's share, the pool is never overfilled.
    const burstShare = 1 - SUSTAINED_FILL;
    this.likes = new FlowEmitter(this.curves.likes.ceiling, burstShare * capacityOf(LAYER.heart));
    this.comments = new FlowEmitter(this.curves.comments.ceiling, burstShare * capacityOf(LAYER.bubble));
    this.gifts = new GiftQueue(Math.max(4, Math.ceil(this.curves.gifts.ceiling)));
    this.bigGiftSlots = { gem: -1, flash: -1, sparkles: new Int32Array(look.bigGift.sparkles) };
  }

  /** The model's clock, ms since it was created (advanced only by `update`). */
  get timeMs(): number {
    return this.nowMs;
  }

  /** The particles per second the flow shows for `reactionsPerSecond` of a kind. */
  visualRate(kind: keyof ReactionBurstOptions['curves'], reactionsPerSecond: number): number {
    return visualRate(this.curves[kind], reactionsPerSecond);
  }

  /** A newer cumulative state: schedule what it adds. */
  observe(state: FeedSample): void {
    const delta = this.delta;
    if (!delta.observe(state)) return;
    const windowMs = delta.tickMs;
    this.likes.schedule(this.shownCount(this.curves.likes, delta.likes, delta.likesPerSecond), windowMs);
    this.comments.schedule(this.shownCount(this.curves.comments, delta.comments, delta.commentsPerSecond), windowMs);
    this.queueGifts(this.shownCount(this.curves.gifts, delta.gifts, delta.giftsPerSecond), windowMs);
  }

  /**
   * Advances the clock by `deltaMs`, emits what is due and moves every particle.
   * Returns true while anything is on screen or still to come.
   */
  update(deltaMs: number): boolean {
    const step = deltaMs > 0 && Number.isFinite(deltaMs) ? deltaMs : 0;
    // A step this long is the clock jumping over a hidden spell: what was owed or queued meanwhile is not
    // shown late; what was on screen simply ages by the jump (most of it is gone).
    if (step > JUMP_MS) this.dropPending();
    const frameStart = this.nowMs;
    this.nowMs += step;
    this.emitFlow(this.likes.take(step), frameStart, step, true);
    this.emitFlow(this.comments.take(step), frameStart, step, false);
    this.gifts.drain(this.nowMs, this.spawnGift);
    this.moveAll();
    return this.moving;
  }

  /** Whether anything is on screen or still to come. */
  get moving(): boolean {
    return this.pool.liveCount > 0 || this.likes.pending > 0 || this.comments.pending > 0 || this.gifts.size > 0;
  }

  stats(): ReactionBurstStats {
    const { likesPerSecond, commentsPerSecond, giftsPerSecond } = this.delta;
    return { live: this.pool.liveCount, capacity: this.pool.capacity, spawned: this.pool.spawned, dropped: this.dropped, likesPerSecond, commentsPerSecond, giftsPerSecond };
  }

  /**
   * How many of `count` new reactions to show. Compressed by the sustained rate, so every reaction counts
   * alike within a second. After a backlog (a reconnect, a long silence): one tick's worth at the gap's
   * average rate, plus one (at normal density) so that a lone like after a quiet minute still shows, and
   * not one more.
   */
  private shownCount(curve: RateCurve, count: number, perSecond: number): number {
    if (count === 0 || !(perSecond > 0)) return 0;
    if (this.delta.backlog) return Math.min(count, visualRate(curve, perSecond) * (this.delta.tickMs / 1000) + (curve.gain ?? 1));
    return (count * visualRate(curve, perSecond)) / perSecond;
  }

  /** Forgets what was owed or queued (the clock jumped over a hidden spell). */
  private dropPending(): void {
    this.likes.clear();
    this.comments.clear();
    this.gifts.clear();
    this.giftFraction = 0;
    this.lastGiftDueMs = Number.NEGATIVE_INFINITY;
  }

  /**
   * Keeps the `count` (fractional) most valuable gifts of the delta and queues them at least a ceiling's
   * interval apart, so a clump of gifts arrives as a quick run rather than on top of each other.
   */
  private queueGifts(count: number, windowMs: number): void {
    const delta = this.delta;
    const values = delta.giftValues;
    const available = delta.giftValueCount;
    // Rounded with the remainder carried: one gift in a tick is shown now, not when the next one comes.
    this.giftFraction += Math.min(count, available);
    const shown = Math.min(available, Math.max(0, Math.round(this.giftFraction)));
    this.giftFraction -= shown;
    // Partial selection sort: the `shown` largest values to the front (a handful, once per update).
    for (let i = 0; i < shown; i++) {
      let largest = i;
      for (let j = i + 1; j < available; j++) if (values[j]! > values[largest]!) largest = j;
      const value = values[largest]!;
      values[largest] = values[i]!;
      values[i] = value;
    }
    const gapMs = 1000 / this.curves.gifts.ceiling;
    for (let i = 0; i < shown; i++) {
      const dueMs = Math.max(this.nowMs + ((i + 0.5) / shown) * windowMs, this.lastGiftDueMs + gapMs);
      if (this.gifts.push(values[i]!, dueMs)) this.lastGiftDueMs = dueMs;
    }
  }

  /** `count` particles born evenly across the frame that just passed, so a slow frame does not clump them. */
  private emitFlow(count: number, frameStart: number, step: number, hearts: boolean): void {
    const look = this.options.look;
    for (let i = 0; i < count; i++) {
      const bornMs = frameStart + ((i + 0.5) / count) * step;
      // Born too long ago to be seen (a long pause): not worth a slot.
      if (this.nowMs - bornMs >= (hearts ? look.heart.lifeMs.max : look.bubble.lifeMs.max)) continue;
      const slot = hearts
        ? this.pool.acquire(LAYER.heart, Icon.heart + (this.nextHeartColor++ % this.options.heartColors))
        : this.pool.acquire(LAYER.bubble, Icon.bubble);
      if (slot < 0) {
        this.dropped++;
        continue;
      }
      spawnRising(this.pool, slot, this.random, hearts ? look.heart : look.bubble, look.emitter, bornMs);
    }
  }

  private showGift(diamonds: number, dueMs: number): void {
    const look = this.options.look;
    const tier = giftTier(diamonds);
    if (tier === 'gem' && this.nowMs - dueMs < look.bigGift.lifeMs && this.showBigGift(diamonds, dueMs)) return;
    if (this.nowMs - dueMs >= look.gift.lifeMs.max) return;
    // A big gift beyond the celebrations on screen still rises with the others, without the fanfare.
    const slot = this.pool.acquire(LAYER.gift, GIFT_ICON[tier]);
    if (slot < 0) {
      this.dropped++;
      return;
    }
    spawnRising(this.pool, slot, this.random, look.gift, look.emitter, dueMs, giftScale(diamonds));
  }

  /** The gem with its flash and sparkles; false if enough big gifts are being celebrated already. */
  private showBigGift(diamonds: number, dueMs: number): boolean {
    if (this.pool.liveIn(LAYER.gem) >= this.options.look.bigGift.maxAtOnce) return false;
    const slots = this.bigGiftSlots;
    slots.gem = this.pool.acquire(LAYER.gem, Icon.gem);
    if (slots.gem < 0) return false;
    slots.flash = this.pool.acquire(LAYER.flash, Icon.flash);
    for (let i = 0; i < slots.sparkles.length; i++) slots.sparkles[i] = this.pool.acquire(LAYER.sparkle, Icon.sparkle);
    spawnBigGift(this.pool, slots, this.random, this.options.look, dueMs, giftScale(diamonds));
    return true;
  }

  private moveAll(): void {
    const pool = this.pool;
    const live = pool.live;
    // Backwards, because releasing moves the last live slot into the released one's place.
    for (let i = pool.liveCount - 1; i >= 0; i--) {
      const slot = live[i]!;
      if (!evaluate(pool, slot, this.nowMs)) pool.release(slot);
    }
  }
}
