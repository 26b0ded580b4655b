import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../../../../src/protocol/index.ts';
import { DonationMeterModel } from '../../../../../src/overlay/widgets/donation-meter/model.ts';

const label = { ja: 'x', en: 'x' };
const MILESTONES: Milestone[] = [5_000_000, 10_000_000, 20_000_000].map((atMinor) => ({ atMinor, label }));
const GOAL = 20_000_000;

function meterAt(raisedMinor: number): DonationMeterModel {
  const model = new DonationMeterModel(MILESTONES, GOAL);
  model.setTarget(raisedMinor, GOAL);
  return model;
}

describe('DonationMeterModel', () => {
  it('shows the first amount at once: an overlay opened mid-show neither counts from zero nor celebrates', () => {
    const model = new DonationMeterModel(MILESTONES, GOAL);
    expect(model.setTarget(12_345_678, GOAL)).toBe(false);
    expect(model.displayedMinor).toBe(12_345_678);
    expect(model.setProgress(1)).toEqual([]);
    expect(model.reachedCount).toBe(2);
    expect(model.percent).toBe(61);
  });

  it('counts from the shown amount to the new one and lands exactly on it', () => {
    const model = meterAt(1_000_000);
    expect(model.setTarget(4_333_333, GOAL)).toBe(true);
    model.setProgress(0);
    expect(model.displayedMinor).toBe(1_000_000);
    model.setProgress(0.5);
    expect(model.displayedMinor).toBe(2_666_666);
    model.setProgress(1);
    expect(model.displayedMinor).toBe(4_333_333);
  });

  it('says when the shown amount has reached the target, even before the eased progress is exactly 1', () => {
    const model = meterAt(1_000);
    model.setTarget(65_120, GOAL);
    model.setProgress(0.99);
    expect(model.reachedTarget).toBe(false);
    model.setProgress(0.9999996); // rounds to the last of the progress steps
    expect(model.displayedMinor).toBe(65_120);
    expect(model.reachedTarget).toBe(true);
  });

  it('ignores a repeated amount (no count starts)', () => {
    const model = meterAt(1_000);
    expect(model.setTarget(1_000, GOAL)).toBe(false);
  });

  it('retargets mid-count from what is on screen, without a jump', () => {
    const model = meterAt(0);
    model.setTarget(1_000_000, GOAL);
    model.setProgress(0.4);
    const shown = model.displayedMinor;
    model.setTarget(2_000_000, GOAL);
    model.setProgress(0);
    expect(model.displayedMinor).toBe(shown);
    model.setProgress(1);
    expect(model.displayedMinor).toBe(2_000_000);
  });

  it('reports a milestone when the shown amount passes it, not when the target does', () => {
    const model = meterAt(4_000_000);
    model.setTarget(6_000_000, GOAL);
    expect(model.setProgress(0.25)).toEqual([]); // 4.5M on screen
    expect(model.setProgress(0.5).map((m) => m.atMinor)).toEqual([5_000_000]); // 5.0M: exactly reached
    expect(model.setProgress(1)).toEqual([]);
  });

  it('reports every milestone a big jump passes, in order', () => {
    const model = meterAt(0);
    model.setTarget(25_000_000, GOAL);
    expect(model.setProgress(1).map((m) => m.atMinor)).toEqual([5_000_000, 10_000_000, 20_000_000]);
  });

  it('shows integer amounts only and never overshoots, whatever the eased progress', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { maxLength: 20 }),
        (from, to, progresses) => {
          const model = new DonationMeterModel(MILESTONES, GOAL);
          model.setTarget(from, GOAL);
          model.setTarget(to, GOAL);
          for (const progress of progresses) {
            model.setProgress(progress);
            expect(Number.isSafeInteger(model.displayedMinor)).toBe(true);
            expect(model.displayedMinor).toBeGreaterThanOrEqual(Math.min(from, to));
            expect(model.displayedMinor).toBeLessThanOrEqual(Math.max(from, to));
          }
          model.setProgress(1);
          expect(model.displayedMinor).toBe(to);
        },
      ),
    );
  });

  it('never shows less than before while the target only rises, and celebrates each milestone once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ rise: fc.integer({ min: 0, max: 3_000_000 }), steps: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }) }), {
          maxLength: 15,
        }),
        (updates) => {
          const model = meterAt(0);
          let target = 0;
          let shown = 0;
          const celebrated: number[] = [];
          for (const { rise, steps } of updates) {
            target += rise;
            // As the widget does: a new count (a tween whose progress rises to 1) only when the target moved.
            if (!model.setTarget(target, GOAL)) continue;
            for (const progress of [...steps.sort((a, b) => a - b), 1]) {
              celebrated.push(...model.setProgress(progress).map((m) => m.atMinor));
              expect(model.displayedMinor).toBeGreaterThanOrEqual(shown);
              shown = model.displayedMinor;
            }
          }
          expect(celebrated).toEqual(MILESTONES.filter((m) => m.atMinor <= target).map((m) => m.atMinor));
        },
      ),
    );
  });

  it('places amounts along the bar with the goal at its end, and stays full beyond the goal', () => {
    const model = meterAt(5_000_000);
    expect(model.fillRatio).toBe(0.25);
    expect(model.ratioOf(10_000_000)).toBe(0.5);
    expect(model.ratioOf(GOAL)).toBe(1);
    model.setTarget(24_000_000, GOAL);
    model.setProgress(1);
    expect(model.fillRatio).toBe(1);
    expect(model.percent).toBe(120);
  });

  it('follows a goal that the producer changes', () => {
    const model = meterAt(5_000_000);
    model.setTarget(5_000_000, 10_000_000);
    expect(model.goalMinor).toBe(10_000_000);
    expect(model.fillRatio).toBe(0.5);
    expect(model.percent).toBe(50);
  });
});

describe('DonationMeterModel with adjustments', () => {
  it('keeps the split of the server amount: reactions and adjustments', () => {
    const model = new DonationMeterModel(MILESTONES, GOAL);
    model.setTarget(3_152_300, GOAL, 1_152_300);
    expect(model.adjustmentsMinor).toBe(1_152_300);
    expect(model.reactionsMinor).toBe(2_000_000);
    model.setTarget(3_000_000, GOAL, 1_000_000);
    expect(model.reactionsMinor).toBe(2_000_000);
  });

  it('a void that lowers the total counts down and celebrates nothing, not even when the amount climbs back', () => {
    const model = meterAt(4_000_000);
    // A ¥1,500,000 match takes it over the first milestone: celebrated once.
    model.setTarget(5_500_000, GOAL, 1_500_000);
    expect(model.setProgress(1).map((m) => m.atMinor)).toEqual([5_000_000]);
    // The match is voided: the amount counts down below the milestone, with no celebration.
    expect(model.setTarget(4_000_000, GOAL, 0)).toBe(true);
    expect(model.setProgress(0.5)).toEqual([]);
    expect(model.setProgress(1)).toEqual([]);
    expect(model.displayedMinor).toBe(4_000_000);
    expect(model.reachedCount).toBe(0);
    // Reactions bring it back over ¥5M: a change of figures, not a second celebration; ¥10M still celebrates.
    model.setTarget(11_000_000, GOAL, 0);
    expect(model.setProgress(1).map((m) => m.atMinor)).toEqual([10_000_000]);
  });

  it('never celebrates on the way down, whatever the amounts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 25_000_000 }), { minLength: 2, maxLength: 20 }), (amounts) => {
        const model = meterAt(amounts[0]!);
        const celebrated: number[] = [];
        for (const amount of amounts.slice(1)) {
          const before = model.displayedMinor;
          model.setTarget(amount, GOAL);
          for (const progress of [0.3, 0.7, 1]) {
            const crossed = model.setProgress(progress);
            if (amount < before) expect(crossed).toEqual([]);
            celebrated.push(...crossed.map((m) => m.atMinor));
          }
        }
        // Each milestone celebrates at most once.
        expect(new Set(celebrated).size).toBe(celebrated.length);
      }),
    );
  });
});
