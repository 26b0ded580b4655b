import { goalPlanProblem } from '../../donation/index.ts';
import { StretchGoal, type FeedError } from '../../protocol/index.ts';
import { z } from '../../protocol/zod.ts';
import type { JsonValue } from '../store/store.ts';
import type { Serial } from './serial.ts';
import { ShowRecord, type ShowChange, type ShowDecision } from './show-record.ts';
import type { ShowStateStore } from './show-state.ts';

/** The store's key of the goal plan a producer set on air; GoalDesk is the one that writes it. */
export const GOAL_SETTING = 'goal';

/** The goal and the stretch goals after it: what the goal setting holds. */
export interface GoalPlanSetting {
  goalMinor: number;
  stretchGoals: StretchGoal[];
}

/** What owns the goal on the server: the aggregator, which puts it in every FeedState. */
export interface GoalTarget {
  readonly goalMinor: number;
  readonly stretchGoals: StretchGoal[];
  /** The campaign's state: what has been raised. */
  state(scope: null): { readonly donation: { readonly raisedMinor: number } };
  /** Throws an Error naming the problem (and changes nothing) for a plan the campaign cannot have. */
  setGoalPlan(plan: GoalPlanSetting): void;
}

export type GoalResult = ShowChange;

/**
 * Reads a saved goal setting: `{ goalMinor }` (before stretch goals existed: the stretch goals stay as they
 * are) or `{ goalMinor, stretchGoals }`. Throws an Error naming what is wrong.
 */
export function goalPlanOf(saved: JsonValue, current: readonly StretchGoal[]): GoalPlanSetting {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved) || typeof saved.goalMinor !== 'number') {
    throw new Error('expected { "goalMinor": number, "stretchGoals"?: [...] }');
  }
  const goalMinor = saved.goalMinor;
  if (saved.stretchGoals === undefined) return { goalMinor, stretchGoals: current.filter((goal) => goal.atMinor > goalMinor) };
  const stretch = z.safeParse(z.array(StretchGoal), saved.stretchGoals);
  if (!stretch.success) throw new Error(`stretchGoals: ${stretch.error.issues[0]?.message ?? 'invalid'}`);
  return { goalMinor: saved.goalMinor, stretchGoals: stretch.data };
}

/**
 * Reads the goal setting back (this desk at start, another feed node following Redis, the audit report):
 * the plan, or why the campaign cannot have it (the aggregator's own rule, so a plan read here is one it
 * takes: a follower never throws on a saved plan).
 */
export function readSavedGoal(
  saved: unknown,
  capMinor: number,
  current: readonly StretchGoal[],
): { ok: true; plan: GoalPlanSetting } | { ok: false; problem: string } {
  try {
    const plan = goalPlanOf(saved as JsonValue, current);
    const problem = goalPlanProblem(plan.goalMinor, plan.stretchGoals, capMinor);
    return problem ? { ok: false, problem } : { ok: true, plan };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/**
 * Changes the campaign goal and its stretch goals on air and keeps them across restarts (and, through the
 * store, on every feed node). Like the lower third, a change is saved before it is applied: what overlays
 * show is always what the store holds. Passing a goal needs no saving: every node derives the goal on air
 * from the totals and this plan (src/donation/stretch-goals.ts).
 */
export class GoalDesk {
  private readonly record: ShowRecord<GoalPlanSetting>;

  constructor(
    private readonly target: GoalTarget,
    private readonly capMinor: number,
    store: ShowStateStore,
    serial: Serial,
    log: (message: string) => void,
    onChange: () => void,
  ) {
    this.record = new ShowRecord({
      key: GOAL_SETTING,
      label: 'goal',
      store,
      serial,
      initial: { goalMinor: target.goalMinor, stretchGoals: target.stretchGoals },
      read: (saved) => {
        const goal = readSavedGoal(saved, capMinor, target.stretchGoals);
        return goal.ok ? { ok: true, state: goal.plan } : goal;
      },
      fallback: "keeping the campaign's",
      log,
    });
    // The aggregator puts the plan in every FeedState. On Redis the log follower has already given it the
    // plan under its seq (scale-out/apply-followed.ts), so this finds it unchanged there.
    const show = (plan: GoalPlanSetting) => {
      target.setGoalPlan(plan);
      onChange();
    };
    this.record.onChange(show);
    try {
      target.setGoalPlan(this.record.state);
    } catch (error) {
      log(`goal: the saved goal is not usable, keeping the campaign's: ${(error as Error).message}`);
    }
  }

  /** Changes the first goal; stretch goals it reaches or passes are dropped (the goal moves on to the next). */
  setGoal(goalMinor: number): Promise<GoalResult> {
    return this.record.change((current) => {
      if (goalMinor > this.capMinor) return refusal(`goalMinor: must not exceed the cap (${this.capMinor})`);
      return unlessSame(current, { goalMinor, stretchGoals: current.stretchGoals.filter((goal) => goal.atMinor > goalMinor) });
    });
  }

  /**
   * Sets the next stretch goal: the one the meter is heading for once the first goal is passed, else the
   * one after the first goal. It replaces the listed stretch goal in that place (and any further ones it
   * passes), or is added after the last.
   */
  setNextGoal(next: StretchGoal): Promise<GoalResult> {
    return this.record.change((current) => {
      const first = current.goalMinor;
      const raised = this.target.state(null).donation.raisedMinor;
      if (next.atMinor > this.capMinor) return refusal(`atMinor: must not exceed the cap (${this.capMinor})`);
      if (next.atMinor <= first) return refusal(`atMinor: must be above the first goal (${first})`);
      if (next.atMinor <= raised) return refusal(`atMinor: must be above the amount raised (${raised})`);
      const floor = Math.max(first, raised);
      const behind = current.stretchGoals.filter((goal) => goal.atMinor <= floor);
      const ahead = current.stretchGoals.filter((goal) => goal.atMinor > floor).slice(1).filter((goal) => goal.atMinor > next.atMinor);
      return unlessSame(current, { goalMinor: first, stretchGoals: [...behind, next, ...ahead] });
    });
  }

  close(): void {
    this.record.close();
  }
}

function unlessSame(current: GoalPlanSetting, plan: GoalPlanSetting): ShowDecision<GoalPlanSetting> {
  const same = plan.goalMinor === current.goalMinor && JSON.stringify(plan.stretchGoals) === JSON.stringify(current.stretchGoals);
  return { ok: true, next: same ? null : plan };
}

function refusal(message: string): { ok: false; error: FeedError } {
  return { ok: false, error: { code: 'bad-request', message } };
}
