/**
 * The rule of a goal, wherever one is set (the campaign file aside, which its schema checks): a whole
 * number of minor units from 1 to the cap. Returns what is wrong, as `goalMinor: …`, or null.
 */
export function goalProblem(goalMinor: number, capMinor: number): string | null {
  if (Number.isSafeInteger(goalMinor) && goalMinor > capMinor) return `goalMinor: must not exceed the cap (${capMinor})`;
  if (!Number.isSafeInteger(goalMinor) || goalMinor < 1) return `goalMinor: must be a whole number of minor units from 1 to the cap (${capMinor}), got ${goalMinor}`;
  return null;
}
