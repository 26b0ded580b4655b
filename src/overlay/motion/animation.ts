/**
 * What a tween and a timeline share: a place in a parent (the clock's root or a timeline), a start in the
 * parent's time and a speed. Times are in seconds, as gsap kept them, and rounded as gsap rounded them, so
 * that the frames of the visual goldens land exactly where they did with gsap.
 */

/** gsap keeps start times and a timeline's playhead to 7 decimals of a second (its `_roundPrecise`). */
export function roundTime(seconds: number): number {
  return Math.round(seconds * 1e7) / 1e7 || 0;
}

/** A tween's time this close to its start or end counts as the start or end (gsap's `_tinyNum`). */
export const TINY = 1e-8;

/** The root or a timeline: it renders its children and is told when one has ended. */
export interface Parent {
  /** The parent's playhead, in its own seconds. */
  readonly time: number;
  remove(child: Animation): void;
  /** A child reached its end: the root lets it go (a timeline keeps it, so its parts stay in order). */
  ended(child: Animation): void;
}

export abstract class Animation {
  parent: Parent | null = null;
  /** Where it begins, in its parent's seconds. */
  start = 0;
  /** Own seconds per second of the parent: more than 1 plays faster (reduced motion). */
  speed = 1;
  paused = false;
  /** Its own length, in its own seconds. */
  abstract readonly duration: number;

  /** Puts it at `time` of its own seconds (clamped to 0..duration); callbacks fire from here. */
  abstract render(time: number): void;

  /** Stops it where it is: nothing of it is rendered again and no callback of it fires. */
  kill(): void {
    this.parent?.remove(this);
    this.parent = null;
  }
}

/**
 * A parent's children, in render order. The root keeps them in the order they were made (as gsap's root
 * does); a timeline by start, a later child after the earlier ones with the same start (gsap's sorted
 * insert), so that two tweens of one value write it in the same order as before.
 */
export class Children {
  private readonly list: Animation[] = [];
  private readonly passing: Animation[] = [];

  constructor(private readonly sortedByStart: boolean) {}

  get size(): number {
    return this.list.length;
  }

  add(child: Animation): void {
    let index = this.list.length;
    if (this.sortedByStart) while (index > 0 && this.list[index - 1]!.start > child.start) index--;
    this.list.splice(index, 0, child);
  }

  remove(child: Animation): void {
    const index = this.list.indexOf(child);
    if (index >= 0) this.list.splice(index, 1);
  }

  /** The latest end among them, in the parent's seconds. */
  end(): number {
    let end = 0;
    for (const child of this.list) end = Math.max(end, roundTime(child.start + child.duration / child.speed));
    return end;
  }

  /**
   * Renders every running child that has started by `time`. A child made or killed by a callback during
   * this pass is left to the next one (a new tween at its own time 0 would not move anything yet).
   */
  renderAt(owner: Parent, time: number): void {
    // The children as the pass began, in an array kept for it (this runs at every frame); a pass begun
    // inside this one, by a callback, takes an array of its own.
    const passing = this.passing.length === 0 ? this.passing : [];
    for (const child of this.list) passing.push(child);
    try {
      for (const child of passing) {
        if (child.parent !== owner || child.paused || time < child.start) continue;
        child.render((time - child.start) * child.speed);
      }
    } finally {
      passing.length = 0;
    }
  }
}
