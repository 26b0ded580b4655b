import { Animation, Children, roundTime, type Parent } from './animation.ts';
import { targetList, Tween, type Targets, type TweenOptions, type Values } from './tween.ts';

/** Where in the timeline a part starts, in the timeline's own seconds (before its speed applies). */
export interface PartOptions extends Omit<TweenOptions, 'delay'> {
  readonly at: number;
}

export interface TimelineOptions {
  /** Made paused, to be started by play() (the lower third plays its choreography when it is ready). */
  readonly paused?: boolean;
  onComplete?: () => void;
}

/**
 * Tweens placed at fixed times (overlapping as they like), played as one. Its playhead is rounded to 7
 * decimals and each part renders at the playhead minus its start, in start order, as gsap's timeline does.
 */
export class Timeline extends Animation implements Parent {
  /** The latest end of its parts, in its own seconds. */
  duration = 0;
  /** The playhead, in its own seconds. */
  time = 0;
  /** Fires once, when the playhead reaches the end (also through finish(); never after kill). */
  onComplete: (() => void) | undefined;
  private readonly parts = new Children(true);
  private done = false;

  constructor(options: TimelineOptions = {}) {
    super();
    this.paused = options.paused ?? false;
    this.onComplete = options.onComplete;
  }

  to<T extends object>(targets: Targets<T>, values: Values<T>, options: PartOptions): this {
    return this.add(new Tween(targetList(targets), values, options), options.at);
  }

  /** Puts the targets at `from` now, and tweens them from there (from `from` again) to `to`. */
  fromTo<T extends object>(targets: Targets<T>, from: Values<T>, to: Values<T>, options: PartOptions): this {
    return this.add(new Tween(targetList(targets), to, options, from), options.at);
  }

  /** Sets values when the playhead reaches `at`. */
  set<T extends object>(targets: Targets<T>, values: Values<T>, at: number): this {
    return this.add(new Tween(targetList(targets), values, { duration: 0 }), at);
  }

  /** Calls `callback` at the end of what is placed so far. */
  call(callback: () => void): this {
    return this.add(new Tween([], {}, { duration: 0, onComplete: callback }), this.duration);
  }

  /** Plays `speed` times as fast (reduced motion: 1 / durationScale). */
  playSpeed(speed: number): this {
    this.speed = speed;
    return this;
  }

  /** Starts a paused timeline from where its playhead is, at the parent's present. */
  play(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.parent) this.start = roundTime(this.parent.time - this.time / this.speed);
  }

  /** Jumps to the end: every part lands on its end values and every callback due fires, then it is gone. */
  finish(): void {
    this.render(this.duration);
    this.kill();
  }

  render(ownTime: number): void {
    if (this.done) return;
    const time = Math.min(ownTime <= 0 ? 0 : roundTime(ownTime), this.duration);
    // Still, unless it has no length at all: that one is over at its first frame.
    if (time === this.time && time !== this.duration) return;
    this.time = time;
    this.parts.renderAt(this, time);
    if (time === this.duration) {
      this.done = true;
      this.parent?.ended(this);
      this.onComplete?.();
    }
  }

  remove(part: Animation): void {
    this.parts.remove(part);
  }

  /** A finished part stays: the playhead may still pass over it (it does nothing more). */
  ended(): void {}

  private add(part: Animation, at: number): this {
    part.start = roundTime(at);
    part.parent = this;
    this.parts.add(part);
    this.duration = this.parts.end();
    return this;
  }
}
