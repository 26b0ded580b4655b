import { describe, expect, it } from 'vitest';
import { goalOnAir, planMoves, type GoalPlan } from '../../../src/donation/stretch-goals.ts';

const listed: GoalPlan<string> = {
  goalMinor: 20_000_000,
  stretchGoals: [
    { atMinor: 22_000_000, label: 'port' },
    { atMinor: 24_000_000, label: 'school' },
  ],
  stepMinor: null,
  capMinor: 25_000_000,
};

describe('stretch goals: the goal on air', () => {
  it('a plan with nothing after its first goal stands still, even past it', () => {
    const still = { ...listed, stretchGoals: [] };
    expect(planMoves(still)).toBe(false);
    expect(goalOnAir(still, 21_000_000)).toEqual({ goalMinor: 20_000_000, label: null, passedGoalMinor: null, goalsPassed: 0, atCap: false });
  });

  it('moves on to each listed goal once the one before is reached, then to the cap, and ends there', () => {
    expect(goalOnAir(listed, 19_999_999)).toMatchObject({ goalMinor: 20_000_000, passedGoalMinor: null, goalsPassed: 0 });
    expect(goalOnAir(listed, 20_000_000)).toMatchObject({ goalMinor: 22_000_000, label: 'port', passedGoalMinor: 20_000_000, goalsPassed: 1 });
    expect(goalOnAir(listed, 23_000_000)).toMatchObject({ goalMinor: 24_000_000, label: 'school', passedGoalMinor: 22_000_000, goalsPassed: 2 });
    expect(goalOnAir(listed, 24_500_000)).toMatchObject({ goalMinor: 25_000_000, label: null, passedGoalMinor: 24_000_000, goalsPassed: 3, atCap: true });
    expect(goalOnAir(listed, 25_000_000)).toMatchObject({ goalMinor: 25_000_000, passedGoalMinor: 24_000_000, goalsPassed: 3, atCap: true });
  });

  it('a step moves the goal on by whole steps, computed rather than walked, and stops at the cap', () => {
    const stepped: GoalPlan<string> = { goalMinor: 20_000_000, stretchGoals: [], stepMinor: 2_000_000, capMinor: 25_000_000 };
    expect(goalOnAir(stepped, 21_999_999)).toMatchObject({ goalMinor: 22_000_000, passedGoalMinor: 20_000_000, goalsPassed: 1 });
    expect(goalOnAir(stepped, 22_000_000)).toMatchObject({ goalMinor: 24_000_000, passedGoalMinor: 22_000_000, goalsPassed: 2 });
    expect(goalOnAir(stepped, 24_100_000)).toMatchObject({ goalMinor: 25_000_000, passedGoalMinor: 24_000_000, goalsPassed: 3, atCap: true });
    const yenSteps: GoalPlan<string> = { goalMinor: 1, stretchGoals: [], stepMinor: 1, capMinor: 9_000_000_000_000 };
    expect(goalOnAir(yenSteps, 5_000_000_000_000)).toMatchObject({ goalMinor: 5_000_000_000_001, passedGoalMinor: 5_000_000_000_000, goalsPassed: 5_000_000_000_000 });
  });

  it('steps follow the listed goals', () => {
    const both: GoalPlan<string> = { ...listed, stepMinor: 500_000 };
    expect(goalOnAir(both, 24_000_000)).toMatchObject({ goalMinor: 24_500_000, passedGoalMinor: 24_000_000, goalsPassed: 3 });
  });

  it('ignores listed goals that are not above the first goal or are above the cap', () => {
    const beyond = { atMinor: 30_000_000, label: 'beyond' };
    const odd: GoalPlan<string> = { ...listed, stretchGoals: [{ atMinor: 10, label: 'old' }, { atMinor: 23_000_000, label: 'mid' }, beyond] };
    expect(goalOnAir(odd, 20_000_000)).toMatchObject({ goalMinor: 23_000_000, label: 'mid', passedGoalMinor: 20_000_000, goalsPassed: 1 });
    expect(goalOnAir(odd, 23_000_000)).toMatchObject({ goalMinor: 25_000_000, label: null, goalsPassed: 2 });
    expect(planMoves({ ...listed, stretchGoals: [{ atMinor: 10, label: 'old' }, beyond] })).toBe(false);
  });
});
