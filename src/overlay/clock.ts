import { motion } from './motion/motion.ts';

/** What the clock drives, once per frame: the stage. */
export interface FrameDriver {
  /** Advance everything by `deltaMs` of animation time. Returns true while anything still moves. */
  step(deltaMs: number): boolean;
  /** Draw the current state once. */
  draw(): void;
}

export type ClockMode = 'real' | 'test';

/**
 * The one clock of the overlay: it moves the tweens (motion/) and the widgets by the same time and decides
 * when a frame is drawn. Time is *animation time*: it advances only while frames run, so a tween started after an idle
 * hour begins where it should instead of jumping to its end.
 */
export interface Clock {
  readonly mode: ClockMode;
  readonly nowMs: number;
  attach(driver: FrameDriver): void;
  /** Something changed: draw at least one frame, and keep drawing while the driver says it moves. */
  wake(): void;
  /** Test mode only: move time by `ms` (in steps of at most one 60 Hz frame), then draw one frame. */
  advance(ms: number): void;
  /**
   * The source is hidden (OBS, obs-visibility.ts) or shown again. While hidden no frame is requested or
   * drawn. On return the time spent hidden passes at once, so every widget lands in the present (finished
   * tweens, expired particles: nothing missed is replayed), and that present is drawn.
   */
  setHidden(hidden: boolean): void;
  destroy(): void;
}

/**
 * A frame longer than this (a stalled machine) counts as this long, so an animation never jumps. Generous,
 * because software rendering (OBS without hardware acceleration) may really run at 4-10 fps: a lower cap
 * would put every animation in slow motion there. Hidden time is handled by setHidden, not by this cap.
 */
const MAX_FRAME_MS = 250;
/** Test mode steps time like a 60 Hz display would, whatever `advance` is asked. */
const TEST_STEP_MS = 1000 / 60;

abstract class BaseClock implements Clock {
  abstract readonly mode: ClockMode;
  protected driver: FrameDriver | null = null;
  protected hidden = false;
  private timeMs = 0;

  get nowMs(): number {
    return this.timeMs;
  }

  attach(driver: FrameDriver): void {
    this.driver = driver;
  }

  abstract wake(): void;
  abstract advance(ms: number): void;
  abstract setHidden(hidden: boolean): void;
  abstract destroy(): void;

  /** Moves the tweens first, then the widgets, so both see the same instant. */
  protected step(deltaMs: number): boolean {
    this.timeMs += deltaMs;
    motion.advanceTo(this.timeMs);
    return this.driver?.step(deltaMs) ?? false;
  }
}

/** Real time from requestAnimationFrame; runs only while something moves, then sleeps until woken. */
class RealClock extends BaseClock {
  readonly mode = 'real';
  private frameRequest = 0;
  private lastFrameAt = 0;
  private hiddenSince = 0;

  wake(): void {
    if (this.hidden || this.frameRequest !== 0) return;
    this.lastFrameAt = performance.now();
    this.frameRequest = requestAnimationFrame(this.frame);
  }

  advance(): void {
    throw new Error('advance(ms) needs the test clock: open the overlay with ?clock=test');
  }

  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (hidden) {
      if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
      this.frameRequest = 0;
      this.hiddenSince = performance.now();
      return;
    }
    // One step over the whole absence (not clamped like a slow frame), then frames as usual from here.
    this.step(performance.now() - this.hiddenSince);
    this.wake();
  }

  destroy(): void {
    if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    this.driver = null;
  }

  private readonly frame = (timestamp: number): void => {
    this.frameRequest = 0;
    const deltaMs = Math.min(Math.max(timestamp - this.lastFrameAt, 0), MAX_FRAME_MS);
    this.lastFrameAt = timestamp;
    const moving = this.step(deltaMs);
    this.driver?.draw();
    if (moving) this.frameRequest = requestAnimationFrame(this.frame);
  };
}

/** Frozen time for repeatable screenshots: nothing moves or draws until a test calls advance(ms). */
class TestClock extends BaseClock {
  readonly mode = 'test';

  wake(): void {}

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance(ms): ms must be a finite number >= 0, got ${ms}`);
    // At least one step, even for advance(0): widgets apply what the feed brought before the frame is drawn.
    const steps = Math.max(1, Math.ceil(ms / TEST_STEP_MS));
    for (let i = 0; i < steps; i++) this.step(ms / steps);
    if (!this.hidden) this.driver?.draw();
  }

  /** Time advanced while hidden has already been stepped; showing again draws that present once. */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (!hidden) this.driver?.draw();
  }

  destroy(): void {
    this.driver = null;
  }
}

export function createClock(mode: ClockMode): Clock {
  return mode === 'test' ? new TestClock() : new RealClock();
}
