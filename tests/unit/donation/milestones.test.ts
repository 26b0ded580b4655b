import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { milestonesCrossed, milestonesReached, nextMilestone } from '../../../src/donation/index.ts';
import type { Milestone } from '../../../src/protocol/index.ts';

const label = { ja: 'x', en: 'x' };
const MILESTONES: Milestone[] = [100, 500, 1_000].map((atMinor) => ({ atMinor, label }));

describe('milestones', () => {
  it('counts the milestones reached, inclusive of the exact amount', () => {
    expect(milestonesReached(MILESTONES, 0)).toBe(0);
    expect(milestonesReached(MILESTONES, 99)).toBe(0);
    expect(milestonesReached(MILESTONES, 100)).toBe(1);
    expect(milestonesReached(MILESTONES, 999)).toBe(2);
    expect(milestonesReached(MILESTONES, 5_000)).toBe(3);
  });

  it('reports each milestone crossed exactly once over any rising path', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }), (steps) => {
        let amount = 0;
        const seen: number[] = [];
        for (const step of steps) {
          const next = amount + step;
          seen.push(...milestonesCrossed(MILESTONES, amount, next).map((m) => m.atMinor));
          amount = next;
        }
        expect(seen).toEqual(MILESTONES.filter((m) => m.atMinor <= amount).map((m) => m.atMinor));
      }),
    );
  });

  it('reports nothing when the amount does not rise', () => {
    expect(milestonesCrossed(MILESTONES, 600, 600)).toEqual([]);
    expect(milestonesCrossed(MILESTONES, 600, 50)).toEqual([]);
  });

  it('names the next milestone, or null past the last', () => {
    expect(nextMilestone(MILESTONES, 150)?.atMinor).toBe(500);
    expect(nextMilestone(MILESTONES, 1_000)).toBeNull();
  });
});
