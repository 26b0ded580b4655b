import type { Milestone } from '../protocol/index.ts';

/** How many milestones (sorted ascending) an amount has reached. */
export function milestonesReached(milestones: readonly Milestone[], raisedMinor: number): number {
  let reached = 0;
  while (reached < milestones.length && milestones[reached]!.atMinor <= raisedMinor) reached++;
  return reached;
}

/** The milestones passed when the amount moved from `before` to `after` (none when it did not rise). */
export function milestonesCrossed(milestones: readonly Milestone[], before: number, after: number): Milestone[] {
  return milestones.filter((milestone) => milestone.atMinor > before && milestone.atMinor <= after);
}

/** The first milestone not yet reached, or null when all are behind us. */
export function nextMilestone(milestones: readonly Milestone[], raisedMinor: number): Milestone | null {
  return milestones.find((milestone) => milestone.atMinor > raisedMinor) ?? null;
}
