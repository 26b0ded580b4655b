import { Animation, roundTime, TINY } from './animation.ts';
import { easeOf, type Ease, type EaseName } from './eases.ts';

/** The numeric properties of T: what a tween may move. */
type NumberKeys<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T];
export type Values<T> = { [K in NumberKeys<T>]?: number };
/** Values by name, as the engine holds them (a Values<T> once its target's type is no longer needed). */
type ValueMap = Readonly<Record<string, number | undefined>>;
/** One target or several, moved alike. */
export type Targets<T> = T | readonly T[];

export function targetList<T extends object>(targets: Targets<T>): readonly T[] {
  return Array.isArray(targets) ? targets : [targets as T];
}

export interface TweenOptions {
  /** Seconds. */
  readonly duration: number;
  readonly ease: EaseName;
  /** Seconds before it starts (tweens on the clock's root only; a timeline places its parts itself). */
  readonly delay?: number;
  /** After every render that moved it. */
  readonly onUpdate?: () => void;
  /** Once, when it reaches its end (never after kill). */
  readonly onComplete?: () => void;
}

/** One value of one target on its way: from `from`, moving by `change` as the ease goes 0 to 1. */
interface Step {
  readonly target: Record<string, number>;
  readonly key: string;
  readonly from: number;
  readonly change: number;
}

/**
 * Moves numeric properties of its targets to given values. The values it starts from are read when it
 * first renders (so it follows whatever ran before it), as gsap's `to`. A `fromTo` puts its targets at its
 * start values at once and again when it first renders, as gsap does.
 */
export class Tween extends Animation {
  readonly duration: number;
  private readonly ease: Ease;
  private steps: Step[] | null = null;
  /** The own time last rendered; -1 before the first render. */
  private time = -1;
  private done = false;

  constructor(
    private readonly targets: readonly object[],
    private readonly to: ValueMap,
    private readonly options: Omit<TweenOptions, 'ease'> & { readonly ease?: EaseName },
    private readonly from: ValueMap | null = null,
  ) {
    super();
    this.duration = roundTime(options.duration);
    this.ease = easeOf(options.ease ?? 'none'); // a zero-length part (set, call) names none: it uses none
    if (from) setAll(targets, from);
  }

  render(ownTime: number): void {
    if (this.done) return;
    const duration = this.duration;
    const time = ownTime > duration - TINY ? duration : ownTime < TINY ? 0 : ownTime;
    // Rendered again only when its time moved, or at its very start (gsap's rule).
    if (this.steps && time === this.time && ownTime !== 0) return;
    this.time = time;
    if (!this.steps) {
      if (this.from) setAll(this.targets, this.from);
      this.steps = stepsOf(this.targets, this.to);
    }
    // A zero-length tween (a timeline's set or call) jumps to its end without an ease.
    const ratio = duration === 0 ? 1 : this.ease(time / duration);
    for (const step of this.steps) step.target[step.key] = valueAt(step, ratio);
    this.options.onUpdate?.();
    if (time === duration) {
      this.done = true;
      this.parent?.ended(this);
      this.options.onComplete?.();
    }
  }
}

/** gsap writes every tweened value rounded to 6 decimals; kept, so values land exactly where they did. */
function valueAt(step: Step, ratio: number): number {
  return Math.round((step.from + step.change * ratio) * 1e6) / 1e6;
}

/**
 * Every target's current values and the way to `to`. gsap renders the last-recorded value first (it
 * prepends each to a list): kept, for setters that read what another set (a pixi `width` reads the bounds).
 */
function stepsOf(targets: readonly object[], to: ValueMap): Step[] {
  const steps: Step[] = [];
  for (const target of targets as Record<string, number>[]) {
    for (const [key, end] of Object.entries(to)) {
      if (end === undefined) continue;
      const from = +target[key]! || 0;
      steps.push({ target, key, from, change: end - from });
    }
  }
  return steps.reverse();
}

/** Sets values at once, exactly as a zero-length gsap tween does (from the current values, rounded). */
export function setAll(targets: readonly object[], values: ValueMap): void {
  for (const step of stepsOf(targets, values)) step.target[step.key] = valueAt(step, 1);
}
