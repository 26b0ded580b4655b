import { gsap } from 'gsap';
import { MoneyFormatter } from '../../../donation/index.ts';
import type { CampaignInfo, FeedState, Language } from '../../../protocol/index.ts';
import { loadFontWeights } from '../../fonts.ts';
import type { Theme } from '../../theme/default-theme.ts';
import type { Widget, WidgetContext, WidgetFactory } from '../../widget.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import { DonationMeterModel } from './model.ts';
import { ThermometerView } from './thermometer-view.ts';
import { DonationMeterView } from './view.ts';

const WORDS: Record<Language, { goal: string }> = {
  ja: { goal: '目標' },
  en: { goal: 'GOAL' },
};

/**
 * Intl writes yen in Japanese as the full-width ￥, one em wide: beside Latin digits it leaves a gap that
 * reads as "￥ 7,000,000". Broadcast typography uses the half-width ¥ there.
 */
function halfWidth(money: string): string {
  return money.replaceAll('￥', '¥');
}

/** Money as the theme wants it shown: ¥, JPY or 円 (`currencyDisplay`), in full or compact (`numbers`). */
function moneyOf(campaign: CampaignInfo, lang: Language, theme: Theme) {
  const formatter = new MoneyFormatter(campaign.currency, lang, { currencyDisplay: theme.numbers.currencyDisplay });
  const compact = theme.numbers.notation === 'compact';
  return {
    formatter,
    amount: (minor: number) => halfWidth(compact ? formatter.formatCompactMinor(minor) : formatter.formatMinor(minor)),
  };
}

/** Amounts whose spellings, full and compact, hold every glyph a shown amount can use (万, 億, K, M, B...). */
const GLYPH_SAMPLES = [1_234_567_890, 12_345, 1_234_567, 123_456_789_012, 9_876_543_210_987];

/** The meter's texts, derived once from the campaign, the language and the theme. */
function meterTexts(campaign: CampaignInfo, lang: Language, region: string | null, theme: Theme) {
  const money = moneyOf(campaign, lang, theme);
  const regionName = campaign.regions.find((r) => r.id === region)?.name[lang];
  const name = regionName ? `${campaign.name[lang]} · ${regionName}` : campaign.name[lang];
  return {
    amount: money.amount,
    // Capitals for the Latin title when the theme sets labels in capitals; Japanese has no case.
    title: lang === 'en' && theme.labels.uppercase ? name.toLocaleUpperCase('en') : name,
    goalLabel: (goalMinor: number) => `${WORDS[lang].goal} ${money.amount(goalMinor)}`,
    milestones: campaign.milestones.map((milestone) => ({
      markerLabel: halfWidth(money.formatter.formatCompactMinor(milestone.atMinor)),
      bannerLabel: milestone.label[lang],
    })),
    // Every glyph the counting figures can use: the glyph strip holds exactly these.
    figureChars: `0123456789%${GLYPH_SAMPLES.map((minor) => halfWidth(money.formatter.formatMinor(minor) + money.formatter.formatCompactMinor(minor))).join('')}`,
  };
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
  private readonly amountText: (minor: number) => string;
  private readonly goalLabel: (goalMinor: number) => string;
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
    const { campaign, lang, region, theme } = context;
    const texts = meterTexts(campaign, lang, region, theme);
    this.amountText = texts.amount;
    this.goalLabel = texts.goalLabel;
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
    this.view = this.meter.root;
    this.render();
  }

  onFeed(state: FeedState): void {
    const { raisedMinor, goalMinor } = state.donation;
    const goalChanged = goalMinor !== this.model.goalMinor;
    if (this.model.setTarget(raisedMinor, goalMinor)) {
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
    this.dirty = true;
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
    return counting || this.meter.celebrating;
  }

  inspect(): Record<string, unknown> {
    return {
      amountText: this.meter.amountText,
      percentText: this.meter.percentText,
      goalText: this.meter.goalText,
      displayedMinor: this.model.displayedMinor,
      targetMinor: this.model.targetMinor,
      celebrating: this.meter.celebrating,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.counting?.kill();
    this.counting = null;
    this.meter.destroy();
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
  const texts = meterTexts(context.campaign, context.lang, context.region, context.theme);
  const goals = [context.campaign.goalMinor, ...context.campaign.regions.map((r) => r.goalMinor ?? 0)];
  const { regular, heavy, number } = context.theme.weights;
  await loadFontWeights(context.theme, [
    [heavy, texts.title + texts.milestones.map((m) => m.bannerLabel).join('')],
    [regular, goals.map(texts.goalLabel).join('') + texts.milestones.map((m) => m.markerLabel).join('')],
    [number, texts.figureChars],
  ]);
  return new DonationMeter(context);
};
