import { z } from 'zod';
import { goalProblem } from '../../donation/index.ts';
import type { FeedError } from '../../protocol/index.ts';
import type { ControlSettings } from './ports.ts';
import type { Serial } from './serial.ts';

/** The store's key of the goal a producer set on air; GoalDesk is the one that writes it. */
export const GOAL_SETTING = 'goal';

/** The goal setting as the store keeps it: GoalDesk writes it, every reader reads it with readSavedGoal. */
const SavedGoal = z.object({ goalMinor: z.number() });

/**
 * Reads the goal setting back (this desk at start, another feed node following Redis, the audit report):
 * the goal, or why the campaign cannot have it.
 */
export function readSavedGoal(saved: unknown, capMinor: number): { ok: true; goalMinor: number } | { ok: false; problem: string } {
  const parsed = SavedGoal.safeParse(saved);
  if (!parsed.success) return { ok: false, problem: 'expected { "goalMinor": number }' };
  const problem = goalProblem(parsed.data.goalMinor, capMinor);
  return problem ? { ok: false, problem } : { ok: true, goalMinor: parsed.data.goalMinor };
}

/** What owns the goal on the server: the aggregator, which puts it in every FeedState. */
export interface GoalTarget {
  readonly goalMinor: number;
  /** Throws an Error naming the problem (and changes nothing) for a goal the campaign cannot have. */
  setGoal(goalMinor: number): void;
}

export type GoalResult = { ok: true } | { ok: false; error: FeedError };

/**
 * Changes the campaign goal on air and keeps it across restarts. Like the lower third, a goal is saved
 * before it is applied: what overlays show is always what the store holds.
 */
export class GoalDesk {
  constructor(
    private readonly target: GoalTarget,
    private readonly capMinor: number,
    private readonly settings: ControlSettings,
    private readonly serial: Serial,
    private readonly log: (message: string) => void,
  ) {
    const saved = settings.getSetting(GOAL_SETTING);
    if (saved === undefined) return;
    const goal = readSavedGoal(saved, capMinor);
    if (goal.ok) target.setGoal(goal.goalMinor);
    else log(`goal: the saved goal is not usable, keeping the campaign's: ${goal.problem}`);
  }

  setGoal(goalMinor: number): Promise<GoalResult> {
    return this.serial.run(async () => {
      const problem = goalProblem(goalMinor, this.capMinor);
      if (problem) return { ok: false, error: { code: 'bad-request', message: problem } };
      if (goalMinor === this.target.goalMinor) return { ok: true };
      try {
        await this.settings.putSetting(GOAL_SETTING, { goalMinor });
      } catch (error) {
        this.log(`goal: could not save the change: ${(error as Error).message}`);
        return { ok: false, error: { code: 'internal', message: 'the goal could not be saved, so it was not changed; check the feed server log' } };
      }
      this.target.setGoal(goalMinor);
      return { ok: true };
    });
  }
}
