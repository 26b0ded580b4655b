import type { FeedError } from '../../protocol/index.ts';
import type { ControlSettings } from './ports.ts';
import type { Serial } from './serial.ts';

export const GOAL_SETTING = 'goal';

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
    try {
      if (typeof saved !== 'object' || saved === null || Array.isArray(saved) || typeof saved.goalMinor !== 'number') {
        throw new Error('expected { "goalMinor": number }');
      }
      target.setGoal(saved.goalMinor);
    } catch (error) {
      log(`goal: the saved goal is not usable, keeping the campaign's: ${(error as Error).message}`);
    }
  }

  setGoal(goalMinor: number): Promise<GoalResult> {
    return this.serial.run(async () => {
      if (goalMinor > this.capMinor) {
        return { ok: false, error: { code: 'bad-request', message: `goalMinor: must not exceed the cap (${this.capMinor})` } };
      }
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
