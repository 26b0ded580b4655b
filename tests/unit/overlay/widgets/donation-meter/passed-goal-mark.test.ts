import { describe, expect, it } from 'vitest';
import { markerLabelsShown, passedGoalMark } from '../../../../../src/overlay/widgets/donation-meter/model.ts';

/** The sample's marks: milestones at ¥5M…¥20M (the first goal) and the listed stretch goals ¥22M, ¥24M. */
const CAMPAIGN_MARKS = [5_000_000, 10_000_000, 15_000_000, 20_000_000, 22_000_000, 24_000_000].map((atMinor) => ({ atMinor }));
const EXTRA = { en: 'Extra stretch', ja: '追加目標' };

describe('passedGoalMark: the passed goal the meter marks itself', () => {
  it('is none while the first goal stands', () => {
    expect(passedGoalMark({ passedGoalMinor: null }, null, CAMPAIGN_MARKS, null)).toBeNull();
  });

  it('is none when the campaign already marks that amount (no second marker at a listed goal or milestone)', () => {
    expect(passedGoalMark({ passedGoalMinor: 20_000_000 }, { goalMinor: 20_000_000, goalLabel: null }, CAMPAIGN_MARKS, null)).toBeNull();
    expect(passedGoalMark({ passedGoalMinor: 22_000_000 }, { goalMinor: 22_000_000, goalLabel: EXTRA }, CAMPAIGN_MARKS, null)).toBeNull();
  });

  it("marks a producer's goal with the label it had on air", () => {
    expect(passedGoalMark({ passedGoalMinor: 21_000_000 }, { goalMinor: 21_000_000, goalLabel: EXTRA }, CAMPAIGN_MARKS, null)).toEqual({ atMinor: 21_000_000, label: EXTRA });
  });

  it('marks a step goal, or one passed before the overlay saw it on air, without a label', () => {
    expect(passedGoalMark({ passedGoalMinor: 25_500_000 }, { goalMinor: 25_500_000, goalLabel: null }, CAMPAIGN_MARKS, null)).toEqual({ atMinor: 25_500_000, label: null });
    expect(passedGoalMark({ passedGoalMinor: 21_000_000 }, null, CAMPAIGN_MARKS, null)).toEqual({ atMinor: 21_000_000, label: null });
    // The previous state was heading elsewhere: its label is not this goal's.
    expect(passedGoalMark({ passedGoalMinor: 21_000_000 }, { goalMinor: 24_000_000, goalLabel: EXTRA }, CAMPAIGN_MARKS, null)).toEqual({ atMinor: 21_000_000, label: null });
  });

  it('keeps the same mark while the passed goal stays (nothing is rebuilt), and a new one when it moves on', () => {
    const kept = passedGoalMark({ passedGoalMinor: 21_000_000 }, { goalMinor: 21_000_000, goalLabel: EXTRA }, CAMPAIGN_MARKS, null);
    // Later states name the goal heading for (24M) as previous; the kept label must survive them.
    expect(passedGoalMark({ passedGoalMinor: 21_000_000 }, { goalMinor: 24_000_000, goalLabel: null }, CAMPAIGN_MARKS, kept)).toBe(kept);
    expect(passedGoalMark({ passedGoalMinor: 23_000_000 }, { goalMinor: 23_000_000, goalLabel: null }, CAMPAIGN_MARKS, kept)).toEqual({ atMinor: 23_000_000, label: null });
    expect(passedGoalMark({ passedGoalMinor: 20_000_000 }, null, CAMPAIGN_MARKS, kept)).toBeNull();
  });
});

describe('markerLabelsShown: no two labels print over each other', () => {
  const at = (positions: number[], span = 40) => positions.map((position) => ({ at: position, span, visible: true }));

  it('keeps every label that stands clear', () => {
    expect(markerLabelsShown(at([0, 100, 200]), null, 6)).toEqual([true, true, true]);
  });

  it("keeps the passed goal's own label first and drops its crowding neighbours", () => {
    // ¥15M, ¥20M, ¥22M, then the producer's ¥21M (last, as the view keeps it) between the two, 23 units from each.
    expect(markerLabelsShown(at([200, 300, 346, 323]), 3, 6)).toEqual([true, false, false, true]);
  });

  it('keeps the earlier of two crowded labels without a passed goal, and none for a hidden marker', () => {
    expect(markerLabelsShown(at([0, 30, 100]), null, 6)).toEqual([true, false, true]);
    expect(markerLabelsShown([{ at: 0, span: 40, visible: false }, { at: 30, span: 40, visible: true }], null, 6)).toEqual([false, true]);
  });

  it('counts the gap between the labels, not their centres', () => {
    expect(markerLabelsShown(at([0, 46]), null, 6)).toEqual([true, true]);
    expect(markerLabelsShown(at([0, 45]), null, 6)).toEqual([true, false]);
  });
});
