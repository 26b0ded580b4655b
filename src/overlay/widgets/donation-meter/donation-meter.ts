import { motion } from '../../motion/motion.ts';
import type { Tween } from '../../motion/tween.ts';
import { fill, wordsOf } from '../../../i18n/words.ts';
import { Container } from 'pixi.js';
import type { CampaignInfo, FeedState, Language } from '../../../protocol/index.ts';
import { loadFontWeights } from '../../fonts.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { Widget, WidgetContext, WidgetFactory } from '../../widget.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import { MeterNotes } from './meter-notes.ts';
import { DonationMeterModel, passedGoalMark, type PassedGoalMark } from './model.ts';
import { ThermometerView } from './thermometer-view.ts';
import { BarMeterView } from './bar-view.ts';
import { meterGlyphs, meterTexts } from '../../../overlay-text/meter-texts.ts';

/** The roll to the next goal starts once the bar has shown itself full for a moment, and takes this long. */
const ROLL_DELAY_SECONDS = 0.6;
const ROLL_SECONDS = 1.1;

/**
 * How often the counting figures may change while the amount counts (20 a second, a hair early so a 60 Hz
 * clock's three steps always reach it): each change rebuilds the meter's render instructions, and a figure
 * blurring faster than this reads no better. The fill still moves every frame; at rest the figures are exact.
 */
const FIGURE_INTERVAL_MS = 1000 / 20 - 1;

/** The meter in the style the theme asks for (`meterStyle`). */
function meterView(options: MeterViewOptions): MeterView {
  return options.theme.layout.meter.style === 'thermometer' ? new ThermometerView(options) : new BarMeterView(options);
}

/** The scope's goal before the first state arrives: the region's own goal, else the campaign's. */
function initialGoal(campaign: CampaignInfo, region: string | null): number {
  return campaign.regions.find((r) => r.id === region)?.goalMinor ?? campaign.goalMinor;
}

/**
 * The donation meter widget: the server's amount, counting up as it grows, against the goal, with
 * milestone markers and a celebration when the counting amount passes one.
 */
export class DonationMeter implements Widget {
  readonly name = 'donation-meter';
  readonly view;
  readonly still;
  private readonly model: DonationMeterModel;
  private readonly meter: MeterView;
  private readonly notes: MeterNotes;
  private readonly marketLine: ((minor: number) => string) | null;
  private readonly referenceLine: ((minor: number) => string) | null;
  private readonly amountText: (minor: number) => string;
  private readonly goalLine: (goalMinor: number, moved: boolean) => string;
  private readonly passedGoalTexts: ReturnType<typeof meterTexts>['passedGoalMark'];
  /** The passed goal the meter marks itself (see passedGoalMark), and the last state's donation it came from. */
  private passedGoal: PassedGoalMark | null = null;
  private lastDonation: FeedState['donation'] | null = null;
  /** The roll from a passed goal to the next, 0..1 (a tween moves it); null while none runs. */
  private readonly roll = { progress: 1 };
  private rolling: Tween | null = null;
  /** The goal line to show once the roll to the server's new goal begins. */
  private goalLineAfterRoll: string | null = null;
  /** The stretch goal's label, shown on the notes plate while that goal is on air, and the one after the roll. */
  private readonly stretchLabel: ((state: FeedState) => string) | null;
  private stretchLabelAfterRoll: string | null = null;
  /** Null when adjustments are merged into the amount (the default). */
  private readonly adjustmentsNote: ((adjustmentsMinor: number) => string) | null;
  private readonly countSeconds: number;
  private readonly durationScale: number;
  private readonly lang: Language;
  /** The count-up's eased progress, 0..1: a tween moves this, the model turns it into an integer amount. */
  private readonly count = { progress: 1 };
  private counting: Tween | null = null;
  /** See Widget.frameChanged: the meter is drawn only at the frames that change what it shows. */
  frameChanged = true;
  /** Whether the last update said the meter moves. */
  private moving = false;
  private dirty = true;
  /** Count time since the figures last changed (see FIGURE_INTERVAL_MS). */
  private figuresAgeMs = 0;
  private markersPlacedForGoal = -1;
  private destroyed = false;

  constructor(context: WidgetContext) {
    const { campaign, region, theme } = context;
    const texts = meterTexts(context);
    this.amountText = texts.amount;
    this.goalLine = texts.goalLine;
    this.passedGoalTexts = texts.passedGoalMark;
    this.adjustmentsNote = theme.numbers.adjustments === 'split' ? texts.adjustmentsNote : null;
    this.countSeconds = theme.donationMeter.fillSeconds;
    this.durationScale = theme.motion.durationScale;
    this.model = new DonationMeterModel(
      texts.marks.map((mark) => ({ atMinor: mark.atMinor, label: { [context.lang]: mark.bannerLabel } })),
      initialGoal(campaign, region),
    );
    this.meter = meterView({
      theme,
      resolution: context.resolution,
      title: texts.title,
      goalLabel: texts.goalLine(this.model.goalMinor, false),
      milestones: texts.marks,
      figureChars: texts.figureChars,
      noteSample: this.adjustmentsNote?.(campaign.goalMinor) ?? null,
    });
    this.marketLine = texts.marketLine;
    this.referenceLine = texts.referenceLine;
    // A region's overlay has a third line: the campaign total.
    // The third line: the campaign total on a region's overlay, else the label of the stretch goal on air.
    this.notes = new MeterNotes(theme, context.resolution, 3);
    this.stretchLabel = region === null ? (state) => (state.donation.goalLabel ? context.text(state.donation.goalLabel, 'label of the stretch goal on air') : '') : null;
    this.lang = context.lang;
    this.view = new Container({ label: 'donation-meter-widget', children: [this.meter.root, this.notes.view] });
    this.still = this.meter.still;
    this.render();
  }

  onFeed(state: FeedState): void {
    const { raisedMinor, goalMinor, adjustmentsMinor, passedGoalMinor } = state.donation;
    const goalChanged = goalMinor !== this.model.goalMinor;
    const goalLine = this.goalLine(goalMinor, passedGoalMinor !== null);
    this.showPassedGoal(state.donation);
    if (this.model.setTarget(raisedMinor, goalMinor, adjustmentsMinor)) {
      this.counting?.kill();
      this.count.progress = 0;
      this.counting = motion.to(this.count, { progress: 1 }, {
        duration: this.countSeconds,
        ease: 'power3.out',
        onComplete: () => {
          // The last step of a count must still be drawn: update() renders while dirty.
          this.counting = null;
          this.dirty = true;
        },
      });
    }
    // A goal passed by the amount waits for the count to reach it (the roll then shows the new line).
    if (goalChanged && this.model.goalMinor === goalMinor) this.meter.showGoal(goalLine);
    else if (goalChanged) this.goalLineAfterRoll = goalLine;
    else if (this.goalLineAfterRoll === null) this.meter.showGoal(goalLine);
    if (this.stretchLabel) {
      const label = this.stretchLabel(state);
      if (this.goalLineAfterRoll === null) this.notes.show(2, label);
      else this.stretchLabelAfterRoll = label;
    }
    // The approximate line follows the amount the meter counts to, once per update (never per frame).
    if (this.referenceLine) this.notes.show(1, this.referenceLine(raisedMinor));
    if (this.adjustmentsNote) this.meter.showNote(this.adjustmentsNote(adjustmentsMinor));
    this.dirty = true;
  }

  /** On a region's overlay: the whole campaign's amount on a line under the meter. */
  onCampaignState(state: FeedState): void {
    this.notes.show(2, fill(wordsOf(this.lang).campaignTotal, { amount: this.amountText(state.donation.raisedMinor) }));
  }

  onMarketState(state: FeedState): void {
    if (this.marketLine) this.notes.show(0, this.marketLine(state.donation.raisedMinor));
  }

  update(deltaMs: number): boolean {
    const counting = this.counting !== null;
    if (counting || this.dirty) {
      const crossed = this.model.setProgress(this.count.progress);
      const highest = crossed.at(-1);
      if (highest) this.meter.celebrate(this.model.milestones.indexOf(highest));
      const passed = this.model.takePassedGoal();
      if (passed !== null) {
        // A goal the campaign file does not list celebrates with its own banner (the listed ones are milestones).
        if (passed === this.passedGoal?.atMinor) this.meter.celebrate(this.model.milestones.length);
        this.startRoll();
      }
      this.figuresAgeMs += deltaMs;
      // The amount the count reaches is shown at once: the tween's last moments must not hold it back.
      this.render(counting && !this.model.reachedTarget && this.figuresAgeMs < FIGURE_INTERVAL_MS);
    }
    // The spot of light at the fill's end burns while the amount counts and fades as it settles.
    this.meter.showMotion(counting ? 1 - this.count.progress ** 4 : 0);
    this.notes.setCelebrating(this.meter.celebrating);
    this.meter.stepStill();
    if (this.rolling) {
      // The percentage rolls with the bar, from over 100% of the passed goal to its share of the next.
      this.model.setRoll(this.roll.progress);
      this.render();
    }
    const moving = counting || this.rolling !== null || this.meter.celebrating;
    // Both asked, so that each forgets what this frame will draw. The frame where the motion comes to rest
    // is drawn whatever changed: the fill's last small step waited for it.
    const meterChanged = this.meter.takeChanged();
    const notesChanged = this.notes.takeChanged();
    this.frameChanged = meterChanged || notesChanged || (this.moving && !moving);
    this.moving = moving;
    return moving;
  }

  /** Builds the passed goal's own marker and banner when the state names another one (never per frame). */
  private showPassedGoal(donation: FeedState['donation']): void {
    const mark = passedGoalMark(donation, this.lastDonation, this.model.milestones, this.passedGoal);
    this.lastDonation = donation;
    if (mark === this.passedGoal) return;
    this.passedGoal = mark;
    this.meter.showPassedGoal(mark && this.passedGoalTexts(mark));
    this.markersPlacedForGoal = -1;
  }

  /** The bar, full at the passed goal, rolls out to the next one: the fill and the markers slide back together. */
  private startRoll(): void {
    if (this.goalLineAfterRoll !== null) this.meter.showGoal(this.goalLineAfterRoll);
    if (this.stretchLabelAfterRoll !== null) this.notes.show(2, this.stretchLabelAfterRoll);
    this.goalLineAfterRoll = this.stretchLabelAfterRoll = null;
    this.rolling?.kill();
    this.roll.progress = 0;
    this.rolling = motion.to(this.roll, { progress: 1 }, {
      duration: ROLL_SECONDS * this.durationScale,
      delay: ROLL_DELAY_SECONDS * this.durationScale,
      ease: 'power2.inOut',
      onComplete: () => {
        this.model.setRoll(1);
        this.rolling = null;
        this.dirty = true;
      },
    });
  }

  inspect(): Record<string, unknown> {
    return {
      amountText: this.meter.amountText,
      percentText: this.meter.percentText,
      goalText: this.meter.goalText,
      adjustmentsMinor: this.model.adjustmentsMinor,
      displayedMinor: this.model.displayedMinor,
      targetMinor: this.model.targetMinor,
      celebrating: this.meter.celebrating,
      rolling: this.rolling !== null,
      passedGoalMark: this.passedGoal && { atMinor: this.passedGoal.atMinor, ...this.passedGoalTexts(this.passedGoal) },
      markers: this.meter.markerStates,
      goalShownMinor: Math.round(this.model.goalShown),
      notes: this.notes.texts,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.counting?.kill();
    this.counting = null;
    this.rolling?.kill();
    this.rolling = null;
    this.meter.destroy();
    this.notes.destroy();
  }

  /** Draws the model; `holdFigures` keeps the counting figures as they are (the fill still moves). */
  private render(holdFigures = false): void {
    this.dirty = false;
    if (!holdFigures) {
      this.figuresAgeMs = 0;
      this.meter.showAmount(this.amountText(this.model.displayedMinor));
      this.meter.showPercent(`${this.model.percent}%`);
    }
    this.meter.showFill(this.model.fillRatio);
    this.meter.showReached(this.model.reachedCount);
    if (this.markersPlacedForGoal !== this.model.goalShown) {
      this.markersPlacedForGoal = this.model.goalShown;
      const ratios = this.model.milestones.map((milestone) => this.model.ratioOf(milestone.atMinor));
      if (this.passedGoal) ratios.push(this.model.ratioOf(this.passedGoal.atMinor));
      this.meter.placeMarkers(ratios);
    }
  }
}

/** Loads the glyphs the meter needs, each in the weight it is set in, then builds it. */
export const createDonationMeter: WidgetFactory = async (context) => {
  await loadFontWeights(context.theme, meterGlyphs(context));
  return new DonationMeter(context);
};
