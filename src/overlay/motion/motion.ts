import { Children, roundTime, type Animation, type Parent } from './animation.ts';
import { Timeline, type TimelineOptions } from './timeline.ts';
import { setAll, targetList, Tween, type Targets, type TweenOptions, type Values } from './tween.ts';

/**
 * The root of all motion: it holds the running tweens and timelines and moves them to the overlay clock's
 * time, and only then (clock.ts): nothing here reads a wall clock or schedules a frame. A tween starts at
 * the root's present, the time of the last frame.
 */
export class MotionRoot implements Parent {
  /** Seconds of animation time, as last moved to by advanceTo (rounded to 7 decimals, as gsap's root). */
  time = 0;
  private readonly running = new Children(false);

  /** How many tweens and timelines are running or waiting to start. */
  get size(): number {
    return this.running.size;
  }

  to<T extends object>(targets: Targets<T>, values: Values<T>, options: TweenOptions): Tween {
    return this.add(new Tween(targetList(targets), values, options), options.delay ?? 0);
  }

  /** Sets values at once (as gsap.set). */
  set<T extends object>(targets: Targets<T>, values: Values<T>): void {
    setAll(targetList(targets), values);
  }

  timeline(options?: TimelineOptions): Timeline {
    return this.add(new Timeline(options), 0);
  }

  /** Moves every running animation to `timeMs` of the clock; each one that ends leaves the root. */
  advanceTo(timeMs: number): void {
    const time = timeMs <= 0 ? 0 : roundTime(timeMs / 1000);
    if (time === this.time) return;
    this.time = time;
    this.running.renderAt(this, time);
  }

  remove(child: Animation): void {
    this.running.remove(child);
  }

  ended(child: Animation): void {
    this.remove(child);
    child.parent = null;
  }

  private add<A extends Animation>(child: A, delay: number): A {
    child.start = roundTime(this.time + delay);
    child.parent = this;
    this.running.add(child);
    return child;
  }
}

/** The overlay's one root, moved by its one clock (clock.ts). */
export const motion = new MotionRoot();
