import { gsap } from 'gsap/gsap-core';
import { describe, expect, it } from 'vitest';
import { easeOf, type EaseName } from '../../../../src/overlay/motion/eases.ts';

const NAMES: EaseName[] = [
  'none',
  ...(['1', '2', '3', '4'] as const).flatMap((n) => (['in', 'out', 'inOut'] as const).map((side) => `power${n}.${side}` as EaseName)),
  'back.out(1.8)',
  'back.out(2)',
  'back.out(2.2)',
  'back.out(3)',
];

describe('easeOf', () => {
  it.each(NAMES)('%s gives exactly what gsap gives, at 2001 points and at both ends', (name) => {
    const ours = easeOf(name);
    const reference = gsap.parseEase(name);
    for (let i = 0; i <= 2000; i++) expect(ours(i / 2000)).toBe(reference(i / 2000));
    expect(ours(0)).toBe(0);
    expect(ours(1)).toBe(1);
  });

  it('counts powers as gsap does: power1 is a quadratic, power4 a quintic', () => {
    expect(easeOf('power1.in')(0.5)).toBe(0.25);
    expect(easeOf('power4.in')(0.5)).toBe(1 / 32);
    expect(easeOf('power2.out')(0.5)).toBe(1 - 1 / 8);
  });

  it('overshoots with back.out and settles on 1', () => {
    const ease = easeOf('back.out(3)');
    const peak = Math.max(...Array.from({ length: 101 }, (_, i) => ease(i / 100)));
    expect(peak).toBeGreaterThan(1.1);
    expect(ease(1)).toBe(1);
  });

  it('refuses a name it does not know, naming it', () => {
    expect(() => easeOf('elastic.out' as EaseName)).toThrow(/unknown ease "elastic.out"/);
    expect(() => easeOf('back.out(x)' as EaseName)).toThrow(/unknown ease/);
  });
});
