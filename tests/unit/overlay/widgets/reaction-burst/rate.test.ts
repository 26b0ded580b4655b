import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sustainableRate, visualRate } from '../../../../../src/overlay/widgets/reaction-burst/rate-curve.ts';
import { FlowEmitter } from '../../../../../src/overlay/widgets/reaction-burst/flow-emitter.ts';

const curve = { knee: 20, ceiling: 150 };

describe('visualRate', () => {
  it('shows every reaction one to one up to the knee', () => {
    expect(visualRate(curve, 0)).toBe(0);
    expect(visualRate(curve, 1)).toBe(1);
    expect(visualRate(curve, 20)).toBe(20);
  });

  it('compresses a storm logarithmically: each doubling of the audience adds the same flow', () => {
    const step1 = visualRate(curve, 400) - visualRate(curve, 200);
    const step2 = visualRate(curve, 800) - visualRate(curve, 400);
    expect(step1).toBeCloseTo(20 * Math.LN2, 6);
    expect(step2).toBeCloseTo(step1, 6);
    expect(visualRate(curve, 200)).toBeLessThan(200 / 2);
  });

  it('compresses more gently or more strongly with the strength', () => {
    const gentle = { knee: 5, strength: 0.35, ceiling: 100 };
    expect(visualRate(gentle, 4)).toBe(4);
    expect(visualRate(gentle, 20)).toBeCloseTo(5 + 5 * 0.35 * Math.log(4), 6);
    expect(visualRate(gentle, 20)).toBeLessThan(visualRate({ ...gentle, strength: 1 }, 20));
  });

  it('is monotonic, continuous at the knee and never above the ceiling', () => {
    expect(visualRate(curve, 20.000001)).toBeCloseTo(20, 4);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(visualRate(curve, low)).toBeLessThanOrEqual(visualRate(curve, high));
        expect(visualRate(curve, high)).toBeLessThanOrEqual(curve.ceiling);
      }),
    );
  });

  it('treats a rate that is not a positive number as nothing', () => {
    expect(visualRate(curve, Number.NaN)).toBe(0);
    expect(visualRate(curve, -5)).toBe(0);
  });

  it('derives the ceiling a pool can sustain from its size and the particles\' longest life', () => {
    expect(sustainableRate(300, 3000, 1)).toBe(100);
    expect(sustainableRate(300, 3000, 0.9)).toBeCloseTo(90, 6);
  });
});

describe('FlowEmitter', () => {
  it('spreads what it owes evenly over the window, in whole particles', () => {
    const emitter = new FlowEmitter();
    emitter.schedule(10, 100);
    const perFrame = Array.from({ length: 10 }, () => emitter.take(10));
    expect(perFrame).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(emitter.pending).toBe(0);
  });

  it('carries fractions, so a trickle of 0.25 per update shows every fourth', () => {
    const emitter = new FlowEmitter();
    let shown = 0;
    for (let update = 0; update < 8; update++) {
      emitter.schedule(0.25, 100);
      shown += emitter.take(100);
    }
    expect(shown).toBe(2);
  });

  it('holds a sustained flow to its ceiling, with a burst of slack', () => {
    const emitter = new FlowEmitter(50, 10);
    let shown = 0;
    for (let update = 0; update < 100; update++) {
      emitter.schedule(1000, 100);
      for (let frame = 0; frame < 10; frame++) shown += emitter.take(10);
    }
    // 10 s at 50 a second, plus the slack it started with.
    expect(shown).toBeGreaterThanOrEqual(500);
    expect(shown).toBeLessThanOrEqual(511);
  });

  it('never owes more than one window plus one particle, however many updates pile up undrawn', () => {
    const emitter = new FlowEmitter();
    for (let update = 0; update < 500; update++) emitter.schedule(15, 100);
    expect(emitter.pending).toBeLessThanOrEqual(16);
    expect(emitter.take(60_000)).toBeLessThanOrEqual(16);
  });
});
