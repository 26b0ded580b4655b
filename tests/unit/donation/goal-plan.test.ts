import { describe, expect, it } from 'vitest';
import { goalPlanProblem } from '../../../src/donation/index.ts';
import { readSavedGoal } from '../../../src/feed/control/goal-desk.ts';

const CAP = 1_000_000;

describe('goalPlanProblem', () => {
  it('takes a goal with stretch goals ascending above it up to the cap', () => {
    expect(goalPlanProblem(100_000, [{ atMinor: 200_000 }, { atMinor: CAP }], CAP)).toBeNull();
    expect(goalPlanProblem(100_000, [], CAP)).toBeNull();
  });

  it('names the goal when the goal is wrong', () => {
    expect(goalPlanProblem(0, [{ atMinor: 200_000 }], CAP)).toMatch(/^goalMinor: /);
    expect(goalPlanProblem(CAP + 1, [], CAP)).toMatch(/^goalMinor: must not exceed the cap/);
  });

  it('names the first stretch goal out of order, above the cap or not whole', () => {
    expect(goalPlanProblem(100_000, [{ atMinor: 100_000 }], CAP)).toBe(
      'stretchGoals.0.atMinor: must be a whole number above 100000 and at most the cap (1000000), got 100000',
    );
    expect(goalPlanProblem(100_000, [{ atMinor: 300_000 }, { atMinor: 200_000 }], CAP)).toMatch(/^stretchGoals\.1\.atMinor: .*above 300000/);
    expect(goalPlanProblem(100_000, [{ atMinor: CAP + 1 }], CAP)).toMatch(/^stretchGoals\.0\.atMinor: /);
    expect(goalPlanProblem(100_000, [{ atMinor: 150_000.5 }], CAP)).toMatch(/^stretchGoals\.0\.atMinor: /);
  });
});

describe('readSavedGoal', () => {
  it('reads a saved plan the campaign can have', () => {
    expect(readSavedGoal({ goalMinor: 100_000, stretchGoals: [{ atMinor: 200_000 }] }, CAP, [])).toEqual({
      ok: true,
      plan: { goalMinor: 100_000, stretchGoals: [{ atMinor: 200_000 }] },
    });
  });

  // A follower node and the report take what this returns as usable: a descending ladder saved by a bad
  // write must be refused here, not thrown later by the aggregator.
  it('refuses a saved ladder that is not ascending, naming the stretch goal', () => {
    const read = readSavedGoal({ goalMinor: 100_000, stretchGoals: [{ atMinor: 300_000 }, { atMinor: 200_000 }] }, CAP, []);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toMatch(/^stretchGoals\.1\.atMinor: /);
  });
});
