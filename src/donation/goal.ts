/**
 * The rule of a goal, wherever one is set (the campaign file aside, which its schema checks): a whole
 * number of minor units from 1 to the cap. Returns what is wrong, as `goalMinor: …`, or null.
 */
export function goalProblem(goalMinor: number, capMinor: number): string | null {
  if (Number.isSafeInteger(goalMinor) && goalMinor > capMinor) return `goalMinor: must not exceed the cap (${capMinor})`;
  if (!Number.isSafeInteger(goalMinor) || goalMinor < 1) return `goalMinor: must be a whole number of minor units from 1 to the cap (${capMinor}), got ${goalMinor}`;
  return null;
}

/**
 * The rule of a goal plan: the goal (goalProblem), then stretch goals ascending above it, each a whole
 * number of minor units up to the cap. Returns what is wrong, naming the field, or null.
 */
export function goalPlanProblem(goalMinor: number, stretchGoals: readonly { readonly atMinor: number }[], capMinor: number): string | null {
  const problem = goalProblem(goalMinor, capMinor);
  if (problem) return problem;
  for (const [index, { atMinor }] of stretchGoals.entries()) {
    const floor = index === 0 ? goalMinor : stretchGoals[index - 1]!.atMinor;
    if (!Number.isSafeInteger(atMinor) || atMinor <= floor || atMinor > capMinor) {
      return `stretchGoals.${index}.atMinor: must be a whole number above ${floor} and at most the cap (${capMinor}), got ${atMinor}`;
    }
  }
  return null;
}
