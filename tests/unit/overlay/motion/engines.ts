import { gsap } from 'gsap/gsap-core';
import { MotionRoot } from '../../../../src/overlay/motion/motion.ts';
import type { EaseName } from '../../../../src/overlay/motion/eases.ts';

/**
 * One small API over two engines, so that a test can play the same scene on ours (src/overlay/motion) and on
 * gsap, and compare every frame: gsap, which the overlay used before, is the reference for its eases and
 * its timing. Time moves as the overlay's test clock moves it (clock.ts): in 60 Hz steps of `advance(ms)`.
 */

type Values = Record<string, number>;
export interface Options {
  duration: number;
  ease: EaseName;
  delay?: number;
  onUpdate?: () => void;
  onComplete?: () => void;
}
export interface Handle {
  kill(): void;
}
export interface SceneTimeline extends Handle {
  to(targets: object | object[], values: Values, options: Options & { at: number }): SceneTimeline;
  fromTo(targets: object | object[], from: Values, to: Values, options: Options & { at: number }): SceneTimeline;
  set(targets: object | object[], values: Values, at: number): SceneTimeline;
  call(callback: () => void): SceneTimeline;
  playSpeed(speed: number): SceneTimeline;
  play(): void;
  finish(): void;
  onComplete(callback: () => void): void;
}
export interface Engine {
  to(targets: object | object[], values: Values, options: Options): Handle;
  set(targets: object | object[], values: Values): void;
  timeline(options?: { paused?: boolean; onComplete?: () => void }): SceneTimeline;
  /** As TestClock.advance: at least one step, each at most a 60 Hz frame. */
  advance(ms: number): void;
  /** As RealClock: one step of exactly `ms`. */
  frame(ms: number): void;
}

const TEST_STEP_MS = 1000 / 60;

/** gsap's clock is global: every scene starts later than the last one ended, on both engines alike. */
let sceneStartMs = 0;
gsap.ticker.remove(gsap.updateRoot);
gsap.ticker.lagSmoothing(0);
gsap.ticker.sleep();
gsap.updateRoot(0);

function stepper(moveTo: (timeMs: number) => void, startMs: number) {
  let timeMs = startMs;
  const step = (ms: number) => {
    timeMs += ms;
    moveTo(timeMs);
  };
  return {
    advance(ms: number) {
      const steps = Math.max(1, Math.ceil(ms / TEST_STEP_MS));
      for (let i = 0; i < steps; i++) step(ms / steps);
    },
    frame: step,
  };
}

function ours(startMs: number): Engine {
  const root = new MotionRoot();
  root.advanceTo(startMs);
  const wrap = (timeline: ReturnType<MotionRoot['timeline']>): SceneTimeline => {
    const scene: SceneTimeline = {
      to: (targets, values, options) => (timeline.to(targets, values, options), scene),
      fromTo: (targets, from, to, options) => (timeline.fromTo(targets, from, to, options), scene),
      set: (targets, values, at) => (timeline.set(targets, values, at), scene),
      call: (callback) => (timeline.call(callback), scene),
      playSpeed: (speed) => (timeline.playSpeed(speed), scene),
      play: () => timeline.play(),
      finish: () => timeline.finish(),
      kill: () => timeline.kill(),
      onComplete: (callback) => void (timeline.onComplete = callback),
    };
    return scene;
  };
  return {
    to: (targets, values, options) => root.to(targets, values, options),
    set: (targets, values) => root.set(targets, values),
    timeline: (options) => wrap(root.timeline(options)),
    ...stepper((timeMs) => root.advanceTo(timeMs), startMs),
  };
}

/**
 * gsap may defer a tween's first write ("lazy") to the end of the root's update, or to the start of the
 * next one, when its own ticker has ticked since the last update: that depends on wall-clock time. Every
 * deferred write is flushed before anything reads the values in a frame (and before a tween of the same
 * target starts), so the frames are the same; `lazy: false` makes gsap write at once, as ours does, so that
 * the values between frames can be compared too.
 */
const NOW = { lazy: false } as const;

function reference(startMs: number): Engine {
  gsap.updateRoot(startMs / 1000);
  const split = ({ at, ...vars }: Options & { at: number }) => [{ ...vars, ...NOW }, at] as const;
  const wrap = (timeline: gsap.core.Timeline): SceneTimeline => {
    const scene: SceneTimeline = {
      to: (targets, values, options) => {
        const [vars, at] = split(options);
        timeline.to(targets, { ...values, ...vars }, at);
        return scene;
      },
      fromTo: (targets, from, to, options) => {
        const [vars, at] = split(options);
        timeline.fromTo(targets, from, { ...to, ...vars }, at); // its start values are written as lazily as the tween
        return scene;
      },
      set: (targets, values, at) => (timeline.set(targets, { ...values, ...NOW }, at), scene),
      call: (callback) => (timeline.call(callback), scene),
      playSpeed: (speed) => (timeline.timeScale(speed), scene),
      play: () => void timeline.play(),
      finish: () => timeline.progress(1).kill(),
      kill: () => timeline.kill(),
      onComplete: (callback) => void timeline.eventCallback('onComplete', callback),
    };
    return scene;
  };
  return {
    to: (targets, values, options) => gsap.to(targets, { ...values, ...options, ...NOW }),
    set: (targets, values) => void gsap.set(targets, values),
    timeline: (options) => wrap(gsap.timeline(options)),
    ...stepper((timeMs) => gsap.updateRoot(timeMs / 1000), startMs),
  };
}

/**
 * Plays `scene` on both engines from the same instant and returns what each recorded. The scene makes its
 * own targets (fresh per engine) and records what it wants to compare, frame by frame.
 */
export function onBoth<T>(scene: (engine: Engine) => T): { ours: T; gsap: T } {
  // A start with a fraction, as a clock that has run a while has: the times' rounding is exercised.
  const startMs = (sceneStartMs += 100_000) + 1000 / 3;
  const result = { ours: scene(ours(startMs)), gsap: scene(reference(startMs)) };
  gsap.ticker.sleep();
  return result;
}
