import { gsap } from 'gsap';
import { Container } from 'pixi.js';
import { ReferenceAmount } from '../../../donation/index.ts';
import { fill } from '../../../i18n/words.ts';
import { hasLetterCase } from '../../../i18n/language-tag.ts';
import { WORDS } from '../../../i18n/words.ts';
import type { CampaignInfo, FeedState } from '../../../protocol/index.ts';
import { loadFontWeights } from '../../fonts.ts';
import type { Theme } from '../../theme/default-theme.ts';
import type { Widget, WidgetContext, WidgetFactory } from '../../widget.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import { MeterNotes } from './meter-notes.ts';
import { DonationMeterModel } from './model.ts';
import { ThermometerView } from './thermometer-view.ts';
import { DonationMeterView } from './view.ts';
import { GLYPH_SAMPLES, halfWidth, moneyChars, moneyOf } from '../../money-text.ts';

/** The meter's texts, derived once from the campaign, the language and the theme. */
function meterTexts(context: WidgetContext) {
  const { campaign, lang, region, theme, text } = context;
  const money = moneyOf(campaign.currency, theme);
  const scope = campaign.regions.find((r) => r.id === region);
  const campaignName = text(campaign.name, 'campaign name');
  const name = scope ? `${campaignName} · ${text(scope.name, `name of region ${scope.id}`)}` : campaignName;
  return {
    amount: money.amount,
    // Capitals for a Latin-script title when the theme sets labels in capitals; Japanese, Thai... have no case.
    title: hasLetterCase(lang) && theme.labels.uppercase ? name.toLocaleUpperCase(theme.locale) : name,
    goalLabel: (goalMinor: number) => `${WORDS[lang].goal} ${money.amount(goalMinor)}`,
    /** `adjustments=split`: the line under the amount; '' when adjustments add nothing. */
    adjustmentsNote: (adjustmentsMinor: number) =>
      adjustmentsMinor === 0
        ? ''
        : fill(adjustmentsMinor > 0 ? WORDS[lang].adjustmentsAdded : WORDS[lang].adjustmentsCorrected, { amount: money.amount(Math.abs(adjustmentsMinor)) }),
    milestones: campaign.milestones.map((milestone, index) => ({
      markerLabel: halfWidth(money.formatter.formatCompactMinor(milestone.atMinor)),
      bannerLabel: text(milestone.label, `label of milestone ${index + 1}`),
    })),
    // The notes under the panel: one market's viewers (`market=`), and the viewer's own currency (`ref`).
    marketLine: marketLine(context, money.amount),
    referenceLine: referenceLine(context),
    // Every glyph the counting figures can use: the glyph strip holds exactly these.
    figureChars: moneyChars(money),
  };
}

/** `Viewers in Taiwan: ¥1,234,567`, or null without `market=` (or with a market the campaign lacks). */
function marketLine(context: WidgetContext, amount: (minor: number) => string): ((minor: number) => string) | null {
  const market = context.campaign.markets.find((candidate) => candidate.id === context.market);
  if (!market) return null;
  const words = WORDS[context.lang].marketGave;
  const name = context.text(market.name, `name of market ${market.id}`);
  return (minor) => fill(words, { market: name, amount: amount(minor) });
}

/** `≈ NT$2,550,617 (approx.)` in the viewer's currency, or null when there is no rate for it (or `ref=off`). */
function referenceLine({ campaign, lang, theme }: WidgetContext): ((minor: number) => string) | null {
  if (!theme.numbers.reference) return null;
  const reference = ReferenceAmount.forViewer(campaign.referenceRates, campaign.currency, theme.locale);
  return reference ? (minor) => fill(WORDS[lang].approx, { amount: reference.formatMinor(minor) }) : null;
}

/**
 * How often the counting figures may change while the amount counts (20 a second, a hair early so a 60 Hz
 * clock's three steps always reach it): each change rebuilds the meter's render instructions, and a figure
 * blurring faster than this reads no better. The fill still moves every frame; at rest the figures are exact.
 */
const FIGURE_INTERVAL_MS = 1000 / 20 - 1;

/** The meter in the style the theme asks for (`meterStyle`). */
function meterView(options: MeterViewOptions): MeterView {
  return options.theme.layout.meter.style === 'thermometer' ? new ThermometerView(options) : new DonationMeterView(options);
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
  private readonly model: DonationMeterModel;
  private readonly meter: MeterView;
  private readonly notes: MeterNotes;
  private readonly marketLine: ((minor: number) => string) | null;
  private readonly referenceLine: ((minor: number) => string) | null;
  private readonly amountText: (minor: number) => string;
  private readonly goalLabel: (goalMinor: number) => string;
  /** Null when adjustments are merged into the amount (the default). */
  private readonly adjustmentsNote: ((adjustmentsMinor: number) => string) | null;
  private readonly countSeconds: number;
  /** The count-up's eased progress, 0..1: gsap tweens this, the model turns it into an integer amount. */
  private readonly count = { progress: 1 };
  private counting: gsap.core.Tween | null = null;
  private dirty = true;
  /** Count time since the figures last changed (see FIGURE_INTERVAL_MS). */
  private figuresAgeMs = 0;
  private markersPlacedForGoal = -1;
  private destroyed = false;

  constructor(context: WidgetContext) {
    const { campaign, region, theme } = context;
    const texts = meterTexts(context);
    this.amountText = texts.amount;
    this.goalLabel = texts.goalLabel;
    this.adjustmentsNote = theme.numbers.adjustments === 'split' ? texts.adjustmentsNote : null;
    this.countSeconds = theme.donationMeter.fillSeconds;
    this.model = new DonationMeterModel(campaign.milestones, initialGoal(campaign, region));
    this.meter = meterView({
      theme,
      resolution: context.resolution,
      title: texts.title,
      goalLabel: texts.goalLabel(this.model.goalMinor),
      milestones: texts.milestones,
      figureChars: texts.figureChars,
    });
    this.marketLine = texts.marketLine;
    this.referenceLine = texts.referenceLine;
    this.notes = new MeterNotes(theme, context.resolution, 2);
    this.view = new Container({ label: 'donation-meter-widget', children: [this.meter.root, this.notes.view] });
    this.render();
  }

  onFeed(state: FeedState): void {
    const { raisedMinor, goalMinor, adjustmentsMinor } = state.donation;
    const goalChanged = goalMinor !== this.model.goalMinor;
    if (this.model.setTarget(raisedMinor, goalMinor, adjustmentsMinor)) {
      this.counting?.kill();
      this.count.progress = 0;
      this.counting = gsap.to(this.count, {
        progress: 1,
        duration: this.countSeconds,
        ease: 'power3.out',
        onComplete: () => {
          // The last step of a count must still be drawn: update() renders while dirty.
          this.counting = null;
          this.dirty = true;
        },
      });
    }
    if (goalChanged) this.meter.showGoal(this.goalLabel(goalMinor));
    // The approximate line follows the amount the meter counts to, once per update (never per frame).
    if (this.referenceLine) this.notes.show(1, this.referenceLine(raisedMinor));
    if (this.adjustmentsNote) this.meter.showNote(this.adjustmentsNote(adjustmentsMinor));
    this.dirty = true;
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
      this.figuresAgeMs += deltaMs;
      this.render(counting && this.figuresAgeMs < FIGURE_INTERVAL_MS);
    }
    // The spot of light at the fill's end burns while the amount counts and fades as it settles.
    this.meter.showMotion(counting ? 1 - this.count.progress ** 4 : 0);
    this.notes.setCelebrating(this.meter.celebrating);
    return counting || this.meter.celebrating;
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
      notes: this.notes.texts,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.counting?.kill();
    this.counting = null;
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
    if (this.markersPlacedForGoal !== this.model.goalMinor) {
      this.markersPlacedForGoal = this.model.goalMinor;
      this.meter.placeMarkers(this.model.milestones.map((milestone) => this.model.ratioOf(milestone.atMinor)));
    }
  }
}

/** Loads the glyphs the meter needs, each in the weight it is set in, then builds it. */
export const createDonationMeter: WidgetFactory = async (context) => {
  const texts = meterTexts(context);
  const goals = [context.campaign.goalMinor, ...context.campaign.regions.map((r) => r.goalMinor ?? 0)];
  const { regular, heavy, number } = context.theme.weights;
  // The notes plate and the split line are set in the regular weight (meter-notes.ts, MeterViewBase.showNote).
  const notes = [texts.marketLine, texts.referenceLine].flatMap((line) => (line ? GLYPH_SAMPLES.map(line) : []));
  const split = context.theme.numbers.adjustments === 'split' ? [texts.adjustmentsNote(1), texts.adjustmentsNote(-1)] : [];
  await loadFontWeights(context.theme, [
    [heavy, texts.title + texts.milestones.map((m) => m.bannerLabel).join('')],
    [regular, [...goals.map(texts.goalLabel), ...texts.milestones.map((m) => m.markerLabel), ...notes, ...split].join('')],
    [number, texts.figureChars],
  ]);
  return new DonationMeter(context);
};
