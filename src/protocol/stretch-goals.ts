import { z } from './zod.ts';
import { LocalizedText, MinorUnits } from './primitives.ts';

/** A stretch goal's label: a campaign text, in any of the overlay's languages. */
export const StretchLabel = LocalizedText;
export type StretchLabel = z.infer<typeof StretchLabel>;

/** A goal the meter moves on to once the one before it is reached ("next stop: ¥22M for Noto's port"). */
export const StretchGoal = z.strictObject({
  atMinor: MinorUnits.check(z.refine((n) => n > 0, { error: 'must be greater than 0' })),
  label: z.optional(StretchLabel).check(z.describe('shown under the goal while it is the one on air')),
});
export type StretchGoal = z.infer<typeof StretchGoal>;

/** Checks a ladder of stretch goals: ascending, above the first goal, at most the cap. Adds issues under `path`. */
export function checkStretchGoals(
  goals: readonly StretchGoal[],
  goalMinor: number,
  capMinor: number,
  ctx: z.core.$RefinementCtx,
  path: (string | number)[],
): void {
  goals.forEach((goal, index) => {
    const previous = goals[index - 1];
    if (goal.atMinor > capMinor) ctx.addIssue({ code: 'custom', path: [...path, index, 'atMinor'], message: `must not exceed the cap (${capMinor})` });
    else if (goal.atMinor <= goalMinor) ctx.addIssue({ code: 'custom', path: [...path, index, 'atMinor'], message: `must be above the goal (${goalMinor})` });
    else if (previous && goal.atMinor <= previous.atMinor) {
      ctx.addIssue({ code: 'custom', path: [...path, index, 'atMinor'], message: 'stretch goals must be in strictly ascending order' });
    }
  });
}

/**
 * Set the next goal the meter moves on to: it replaces the first stretch goal still ahead of the goal on
 * air (and any ahead of it that it passes), or is added after the last. At most the cap, above the goal on air.
 */
export const SetNextGoalCommand = z.strictObject({
  type: z.literal('setNextGoal'),
  atMinor: MinorUnits.check(z.refine((n) => n > 0, { error: 'must be greater than 0' })),
  label: z.optional(StretchLabel),
});
