/**
 * The stretch-goal rule: which goal the meter shows for an amount raised. A campaign's goal is the first
 * rung of a ladder; when the amount reaches a rung, the goal moves on to the next. The rungs after the
 * first are the listed stretch goals, then (with a step) one more every `stepMinor`, and last of all the
 * cap, which ends the ladder. A ladder with nothing after its first rung does not move: the goal stays
 * where it is, as before stretch goals existed.
 *
 * Pure and integer-only: the server derives the goal on air from the totals and the saved plan, so every
 * feed node and every restart derives the same goal from the same state, with nothing more to store.
 */

export interface StretchRung<Label> {
  readonly atMinor: number;
  readonly label: Label | null;
}

export interface GoalPlan<Label> {
  /** The first goal: the campaign's, or the producer's. */
  readonly goalMinor: number;
  /** Listed stretch goals, ascending; those not above `goalMinor` or above the cap are ignored. */
  readonly stretchGoals: readonly StretchRung<Label>[];
  /** After the listed ones, the goal moves on by this much each time (null: straight to the cap). */
  readonly stepMinor: number | null;
  readonly capMinor: number;
}

export interface GoalOnAir<Label> {
  readonly goalMinor: number;
  /** The listed stretch goal's label; null for the first goal, a step or the cap. */
  readonly label: Label | null;
  /** The goal passed last (the meter keeps it as a marker), null while the first goal stands. */
  readonly passedGoalMinor: number | null;
  /** How many goals have been passed: a rise means every overlay celebrates. */
  readonly goalsPassed: number;
  /** True when the goal is the cap: the ladder's end. */
  readonly atCap: boolean;
}

/** True when the plan has somewhere to go after its first goal. */
export function planMoves(plan: GoalPlan<unknown>): boolean {
  return plan.stepMinor !== null || plan.stretchGoals.some((rung) => rung.atMinor > plan.goalMinor && rung.atMinor <= plan.capMinor);
}

/** The goal the meter shows when `raisedMinor` has been raised. */
export function goalOnAir<Label>(plan: GoalPlan<Label>, raisedMinor: number): GoalOnAir<Label> {
  const { capMinor } = plan;
  const first = Math.min(plan.goalMinor, capMinor);
  let goal: StretchRung<Label> = { atMinor: first, label: null };
  let passed: number | null = null;
  let goalsPassed = 0;
  if (!planMoves(plan)) return { goalMinor: first, label: null, passedGoalMinor: null, goalsPassed: 0, atCap: first === capMinor };

  const listed = plan.stretchGoals.filter((rung) => rung.atMinor > first && rung.atMinor <= capMinor);
  for (const rung of listed) {
    if (raisedMinor < goal.atMinor) break;
    passed = goal.atMinor;
    goalsPassed++;
    goal = rung;
  }
  if (raisedMinor >= goal.atMinor && goal.atMinor < capMinor) {
    const last = goal.atMinor;
    const step = plan.stepMinor ?? capMinor - last;
    // Every rung from `last` up to the amount raised is passed; computed, not walked (a step may be ¥1).
    const stepsPassed = Math.floor((raisedMinor - last) / step) + 1;
    const stepsToCap = Math.ceil((capMinor - last) / step);
    const steps = Math.min(stepsPassed, stepsToCap);
    passed = steps === 1 ? last : Math.min(last + (steps - 1) * step, capMinor);
    goalsPassed += steps;
    goal = { atMinor: Math.min(last + steps * step, capMinor), label: null };
  }
  return { goalMinor: goal.atMinor, label: goal.label, passedGoalMinor: passed, goalsPassed, atCap: goal.atMinor === capMinor };
}
