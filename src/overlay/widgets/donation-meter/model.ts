import { milestonesCrossed, milestonesReached, percentOfGoal } from '../../../donation/index.ts';
import type { DonationState, Milestone, StretchLabel } from '../../../protocol/index.ts';

/** Steps of the count-up's progress: fine enough that every displayed amount is reachable on screen. */
const PROGRESS_STEPS = 1_000_000n;

/**
 * The donation meter without pixels: what amount is shown while it counts toward the server's value,
 * how full the bar is, and which milestones the *shown* amount passes (so a celebration fires when the
 * bar reaches the marker, not before).
 *
 * The count-up is driven by a progress ratio (0..1, eased by the view's tween), never by tweening money:
 * the shown amount is computed from integers, and at progress 1 it is exactly the server's amount.
 */
export class DonationMeterModel {
  private fromMinor = 0;
  private toMinor = 0;
  private shownMinor = 0;
  private goal: number;
  private hasValue = false;
  private adjustments = 0;
  /**
   * How many milestones were ever reached on screen. Only passing one beyond it celebrates: a void that
   * lowers the total, then reactions that bring it back over a milestone already celebrated, are a change
   * of the figures, never a second celebration.
   */
  private celebratedCount = 0;
  /** The server moved the goal on (a stretch goal) before the shown amount reached the one on screen. */
  private pendingGoal: number | null = null;
  /** While the meter rolls from a passed goal to the next: the goal it rolls from, and how far it has rolled. */
  private rollFrom: number | null = null;
  private rollProgress = 1;

  constructor(
    readonly milestones: readonly Milestone[],
    goalMinor: number,
  ) {
    this.goal = goalMinor;
  }

  /** The amount on screen now, in minor units. */
  get displayedMinor(): number {
    return this.shownMinor;
  }

  /** The server's amount the meter is counting toward. */
  get targetMinor(): number {
    return this.toMinor;
  }

  /** The shown amount is the server's (a count may still be easing out its last fractions of a unit). */
  get reachedTarget(): boolean {
    return this.shownMinor === this.toMinor;
  }

  get goalMinor(): number {
    return this.goal;
  }

  /** The end of the bar as drawn now: the goal, or between the passed goal and the next while the meter rolls. */
  get goalShown(): number {
    return this.rollFrom === null ? this.goal : this.rollFrom + (this.goal - this.rollFrom) * this.rollProgress;
  }

  /** The part of the server's amount that adjustments make (matching, offline, corrections; may be negative). */
  get adjustmentsMinor(): number {
    return this.adjustments;
  }

  /** The part reactions earned: what `adjustments=split` shows apart (the target's, not the counting figure's). */
  get reactionsMinor(): number {
    return Math.max(0, this.toMinor - this.adjustments);
  }

  /** Whole percent of the goal shown now (floored: 99.9% is 99%). */
  get percent(): number {
    return percentOfGoal(this.shownMinor, Math.round(this.goalShown));
  }

  /** How full the bar is, 0..1 (pixels only: the goal is the end of the bar, beyond it the bar stays full). */
  get fillRatio(): number {
    return this.ratioOf(this.shownMinor);
  }

  /** Where an amount (a milestone) sits along the bar, 0..1; the goal is the end. */
  ratioOf(amountMinor: number): number {
    const goal = this.goalShown;
    if (goal <= 0) return 1;
    return Math.min(1, Math.max(0, amountMinor / goal));
  }

  /** How many milestones the shown amount has reached. */
  get reachedCount(): number {
    return milestonesReached(this.milestones, this.shownMinor);
  }

  /**
   * A new amount from the server. The first one is shown at once (an overlay opened mid-show must not
   * count up from zero and replay old milestones); later ones start a count from what is shown now.
   * Returns true when a count-up should start.
   */
  setTarget(raisedMinor: number, goalMinor: number, adjustmentsMinor = 0): boolean {
    // A goal passed and moved on waits until the count reaches it on screen: the bar fills, then rolls.
    const passing = this.hasValue && goalMinor > this.goal && raisedMinor >= this.goal && this.shownMinor < this.goal;
    if (passing) this.pendingGoal = goalMinor;
    else {
      this.goal = goalMinor;
      this.pendingGoal = null;
    }
    this.adjustments = adjustmentsMinor;
    if (!this.hasValue) {
      this.hasValue = true;
      this.fromMinor = this.toMinor = this.shownMinor = raisedMinor;
      this.celebratedCount = milestonesReached(this.milestones, raisedMinor);
      return false;
    }
    if (raisedMinor === this.toMinor) return false;
    this.fromMinor = this.shownMinor;
    this.toMinor = raisedMinor;
    return true;
  }

  /**
   * Moves the shown amount to `progress` (0..1) of the way from where the count began to the target.
   * Returns the milestones to celebrate in this step (usually none): those the shown amount passed on the
   * way up that were never reached on screen before. A count down (a void) celebrates nothing.
   */
  setProgress(progress: number): Milestone[] {
    const clamped = Math.min(1, Math.max(0, progress));
    const steps = BigInt(Math.round(clamped * Number(PROGRESS_STEPS)));
    const from = BigInt(this.fromMinor);
    const shown = from + ((BigInt(this.toMinor) - from) * steps) / PROGRESS_STEPS;
    const before = this.shownMinor;
    this.shownMinor = Number(shown);
    const crossed = milestonesCrossed(this.milestones, before, this.shownMinor).filter((milestone) => this.milestones.indexOf(milestone) >= this.celebratedCount);
    this.celebratedCount = Math.max(this.celebratedCount, milestonesReached(this.milestones, this.shownMinor));
    return crossed;
  }

  /**
   * The goal the shown amount has just reached, when the server had moved the goal on beyond it: the view
   * then rolls (setRoll) from it to the next. Null otherwise; each passed goal is handed out once.
   */
  takePassedGoal(): number | null {
    if (this.pendingGoal === null || this.shownMinor < this.goal) return null;
    const passed = this.goal;
    this.rollFrom = passed;
    this.rollProgress = 0;
    this.goal = this.pendingGoal;
    this.pendingGoal = null;
    return passed;
  }

  /** How far the roll from the passed goal to the next has gone, 0..1; at 1 the goal stands alone again. */
  setRoll(progress: number): void {
    this.rollProgress = Math.min(1, Math.max(0, progress));
    if (this.rollProgress >= 1) this.rollFrom = null;
  }
}

/** A goal the meter keeps as a mark of its own: where it sits, and its label when the state gave it one. */
export interface PassedGoalMark {
  readonly atMinor: number;
  readonly label: StretchLabel | null;
}

/**
 * The passed goal the meter must mark itself, from the state: null while none is passed, or when the
 * campaign's own marks (milestones, the listed goals) already stand at its amount. A goal added from the
 * control page or made by a step has no mark from the campaign file: this is its only one. Its label is the
 * one the state gave while it was the goal on air (`previous`), when that state was seen.
 */
export function passedGoalMark(
  state: Pick<DonationState, 'passedGoalMinor'>,
  previous: Pick<DonationState, 'goalMinor' | 'goalLabel'> | null,
  campaignMarks: readonly Pick<Milestone, 'atMinor'>[],
  kept: PassedGoalMark | null,
): PassedGoalMark | null {
  const atMinor = state.passedGoalMinor;
  if (atMinor === null || campaignMarks.some((mark) => mark.atMinor === atMinor)) return null;
  if (kept?.atMinor === atMinor) return kept;
  return { atMinor, label: previous?.goalMinor === atMinor ? previous.goalLabel : null };
}

/** A marker's label along the gauge: its centre, its length along the gauge, and whether its marker shows. */
export interface MarkerLabelSpan {
  readonly at: number;
  readonly span: number;
  readonly visible: boolean;
}

/**
 * Which markers keep their label, so no two labels overlap (a goal added a step from a listed one would
 * print over it): the label of `first` (the passed goal's own) is kept first, then the others in order, each
 * only if it stands `gap` clear of every label already kept. A hidden marker keeps none.
 */
export function markerLabelsShown(labels: readonly MarkerLabelSpan[], first: number | null, gap: number): boolean[] {
  const shown = labels.map(() => false);
  const order = first === null ? labels.keys() : [first, ...[...labels.keys()].filter((index) => index !== first)];
  for (const index of order) {
    const label = labels[index];
    if (!label?.visible) continue;
    shown[index] = labels.every((other, j) => !shown[j] || Math.abs(other.at - label.at) >= (other.span + label.span) / 2 + gap);
  }
  return shown;
}
