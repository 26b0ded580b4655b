import { describe, expect, it } from 'vitest';
import type { EaseName } from '../../../../src/overlay/motion/eases.ts';
import { MotionRoot } from '../../../../src/overlay/motion/motion.ts';
import { onBoth } from './engines.ts';

/** Every frame of a scene, as [target values, callbacks so far]. */
type Trace = unknown[];

describe('tweens on the root, frame by frame against gsap', () => {
  const EASES: EaseName[] = ['power1.out', 'power2.in', 'power2.inOut', 'power3.out', 'power4.out', 'back.out(1.8)', 'none'];

  it.each(EASES)('%s: the same value at every test-clock frame, onUpdate as often, onComplete once at the same frame', (ease) => {
    const { ours, gsap } = onBoth((engine) => {
      const target = { x: 10, y: -3.25 };
      const trace: Trace = [];
      let updates = 0;
      let completes = 0;
      engine.to(target, { x: 250.5, y: 0.1 }, { duration: 0.45, ease, onUpdate: () => updates++, onComplete: () => completes++ });
      for (let frame = 0; frame < 40; frame++) {
        engine.advance(1000 / 60);
        trace.push([target.x, target.y, updates, completes]);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.at(-1)).toEqual([250.5, 0.1, 27, 1]);
  });

  it('follows a real clock: uneven frames, a long stall, a step past the end', () => {
    const { ours, gsap } = onBoth((engine) => {
      const target = { progress: 0 };
      const trace: Trace = [];
      let completes = 0;
      engine.to(target, { progress: 1 }, { duration: 1.2, ease: 'power3.out', onComplete: () => completes++ });
      for (const ms of [7, 33.4, 16.7, 250, 0.3, 100, 16.6, 16.6, 900, 16]) {
        engine.frame(ms);
        trace.push([target.progress, completes]);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
  });

  it('waits out a delay, then moves from the value it finds when it starts', () => {
    const { ours, gsap } = onBoth((engine) => {
      const target = { progress: 0.5 };
      const trace: Trace = [];
      engine.to(target, { progress: 1 }, { duration: 0.55, delay: 0.3, ease: 'power2.inOut' });
      engine.advance(100);
      target.progress = 0; // changed while the tween waits: it starts from here
      for (let frame = 0; frame < 60; frame++) {
        engine.advance(1000 / 60);
        trace.push(target.progress);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
  });

  it('stops where it is when killed mid-run, and never completes', () => {
    const { ours, gsap } = onBoth((engine) => {
      const target = { alpha: 0 };
      let completes = 0;
      const tween = engine.to(target, { alpha: 1 }, { duration: 0.3, ease: 'power2.out', onComplete: () => completes++ });
      engine.advance(100);
      tween.kill();
      const atKill = target.alpha;
      engine.advance(1000);
      return [atKill, target.alpha, completes];
    });
    expect(ours).toEqual(gsap);
    expect(ours[0]).toBeGreaterThan(0);
    expect(ours[2]).toBe(0);
  });

  it('retargets as the meter does: kill the running count, start a new one from where it stands', () => {
    const { ours, gsap } = onBoth((engine) => {
      const count = { progress: 0 };
      const trace: Trace = [];
      let tween = engine.to(count, { progress: 1 }, { duration: 1.2, ease: 'power3.out' });
      for (const ms of [200, 350, 90]) {
        engine.advance(ms);
        tween.kill();
        trace.push(count.progress);
        count.progress = 0;
        tween = engine.to(count, { progress: 1 }, { duration: 1.2, ease: 'power3.out' });
      }
      engine.advance(1300);
      trace.push(count.progress);
      return trace;
    });
    expect(ours).toEqual(gsap);
  });

  it('lets two tweens of one value overlap as the board rows do: the newer one writes last', () => {
    const { ours, gsap } = onBoth((engine) => {
      const row = { y: 0 };
      const trace: Trace = [];
      engine.to(row, { y: 100 }, { duration: 0.7, ease: 'power2.inOut' });
      engine.advance(300);
      engine.to(row, { y: 40 }, { duration: 0.7, ease: 'power2.inOut' });
      for (let frame = 0; frame < 50; frame++) {
        engine.advance(1000 / 60);
        trace.push(row.y);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.at(-1)).toBe(40);
  });

  it('runs a tween started by another one’s onComplete from the next frame on', () => {
    const { ours, gsap } = onBoth((engine) => {
      const target = { scale: 1.15, alpha: 0 };
      const trace: Trace = [];
      engine.to(target, { scale: 1 }, {
        duration: 0.45,
        ease: 'power2.out',
        onComplete: () => void engine.to(target, { alpha: 1 }, { duration: 0.3, ease: 'power2.out' }),
      });
      for (let frame = 0; frame < 60; frame++) {
        engine.advance(1000 / 60);
        trace.push([target.scale, target.alpha]);
      }
      return trace;
    });
    expect(ours).toEqual(gsap);
    expect(ours.at(-1)).toEqual([1, 1]);
  });

  it('sets values at once, moves several targets alike, and rounds to 6 decimals as gsap writes them', () => {
    const { ours, gsap } = onBoth((engine) => {
      const a = { x: 1 / 3, width: 10 };
      const b = { x: 2, width: 20 };
      engine.set([a, b], { x: 1 / 7 });
      const afterSet = [a.x, b.x];
      engine.to([a, b], { width: 123.456789123 }, { duration: 0.4, ease: 'power4.out' });
      engine.advance(200);
      const mid = [a.width, b.width];
      engine.advance(300);
      return [afterSet, mid, [a.width, b.width]];
    });
    expect(ours).toEqual(gsap);
    expect(ours[2]).toEqual([123.456789, 123.456789]);
  });

  it('moves nothing when the clock stands still (advance(0) after a tween starts)', () => {
    const root = new MotionRoot();
    root.advanceTo(5000);
    const target = { x: 0 };
    let updates = 0;
    root.to(target, { x: 1 }, { duration: 1, ease: 'none', onUpdate: () => updates++ });
    root.advanceTo(5000);
    expect([target.x, updates]).toEqual([0, 0]);
    root.advanceTo(5500);
    expect(target.x).toBe(0.5);
    root.advanceTo(7000);
    expect(root.size).toBe(0);
  });
});
