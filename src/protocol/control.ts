import { z } from './zod.ts';
import { AddAdjustmentCommand, Adjustment, VoidAdjustmentCommand } from './adjustments.ts';
import { DonationState, type Ack } from './feed.ts';
import { Region } from './campaign.ts';
import { LOWER_THIRD_COMMANDS, LowerThirdState, RosterEntry } from './lower-third.ts';
import { MinorUnits, Slug } from './primitives.ts';
import { CLOCK_COMMANDS, ShowClockState } from './show-clock.ts';
import { StageRegionCommand, StageRegionState } from './stage-region.ts';
import { SetNextGoalCommand, StretchGoal } from './stretch-goals.ts';

/** Change the campaign goal on air ("we passed it: next stop, ¥25M"). Never above the cap. */
export const SetGoalCommand = z.strictObject({
  type: z.literal('setGoal'),
  goalMinor: MinorUnits.check(z.refine((n) => n > 0, { error: 'must be greater than 0' })),
});

/** The simulated reactions a producer fires from the control page to check the graphics before going live. */
export const TEST_REACTIONS = ['like-storm', 'big-gift', 'milestone'] as const;
export const TestReactionKind = z.enum(TEST_REACTIONS);
export type TestReactionKind = z.infer<typeof TestReactionKind>;

/** Fire a simulated reaction through the dedicated "test" source (clearly marked, never a real viewer). */
export const TestReactionCommand = z.strictObject({
  type: z.literal('test'),
  kind: TestReactionKind,
  region: z.optional(Slug).check(z.describe('the region the reactions count for; the first region when absent')),
});

/** Every command the `/control` namespace and the control HTTP API accept. */
export const ControlCommand = z.discriminatedUnion('type', [
  ...LOWER_THIRD_COMMANDS,
  SetGoalCommand,
  SetNextGoalCommand,
  ...CLOCK_COMMANDS,
  StageRegionCommand,
  TestReactionCommand,
  AddAdjustmentCommand,
  VoidAdjustmentCommand,
]);
export type ControlCommand = z.infer<typeof ControlCommand>;
export type ControlCommandInput = z.input<typeof ControlCommand>;

/**
 * The goal as the control page shows it: `goalMinor` is the goal on air (the first goal, or the stretch
 * goal the amount has moved on to), `firstGoalMinor` the one the campaign starts from.
 */
export const GoalStatus = z.extend(z.pick(DonationState, { currency: true, goalMinor: true, capMinor: true, passedGoalMinor: true, goalsPassed: true }), {
  firstGoalMinor: MinorUnits,
  stretchGoals: z.array(StretchGoal),
  stretchStepMinor: z.nullable(MinorUnits),
});
export type GoalStatus = z.infer<typeof GoalStatus>;

/** What a producer sees: the lower third, the goal, and what can be cued. Answer to every control command. */
export const ControlStatus = z.strictObject({
  lowerThird: LowerThirdState,
  goal: GoalStatus,
  clock: ShowClockState,
  stageRegion: StageRegionState,
  /** Server time when the status was made: the control page reads the clock with it. */
  serverTime: z.number().check(z.int(), z.nonnegative()),
  roster: z.array(RosterEntry),
  regions: z.array(Region),
  /** Every adjustment ever made, oldest first, voided ones included (marked). */
  adjustments: z.array(Adjustment),
});
export type ControlStatus = z.infer<typeof ControlStatus>;

/**
 * The `/control` namespace. A socket must present the producer's token (`auth: { token }`) to connect;
 * every command is answered through its ack, and every change is pushed to every control socket.
 */
export interface ControlClientToServerEvents {
  /** The current status, e.g. after a reconnect. */
  status: (ack: Ack<ControlStatus>) => void;
  command: (command: ControlCommandInput, ack: Ack<ControlStatus>) => void;
}

export interface ControlServerToClientEvents {
  status: (status: ControlStatus) => void;
}

/** The overlay namespace's read-only lower-third event: sent on subscribe and on every change. */
export interface LowerThirdServerToClientEvents {
  lowerThird: (state: LowerThirdState) => void;
}
