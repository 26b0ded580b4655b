import { gsap } from 'gsap';
import { MoneyFormatter } from '../../../donation/index.ts';
import type { CampaignInfo, FeedState, Language } from '../../../protocol/index.ts';
import { loadFonts } from '../../fonts.ts';
import type { Widget, WidgetContext, WidgetFactory } from '../../widget.ts';
import { DonationMeterModel } from './model.ts';
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

/** The meter's texts, derived once from the campaign and the language. */
function meterTexts(campaign: CampaignInfo, lang: Language, region: string | null, money: MoneyFormatter) {
  const regionName = campaign.regions.find((r) => r.id === region)?.name[lang];
  const name = regionName ? `${campaign.name[lang]} · ${regionName}` : campaign.name[lang];
  return {
    // Small caps for the Latin title; Japanese has no case.
    title: lang === 'en' ? name.toLocaleUpperCase('en') : name,
    goalLabel: (goalMinor: number) => `${WORDS[lang].goal} ${halfWidth(money.formatMinor(goalMinor))}`,
    milestones: campaign.milestones.map((milestone) => ({
      markerLabel: halfWidth(money.formatCompactMinor(milestone.atMinor)),
      bannerLabel: milestone.label[lang],
    })),
    // Every glyph the counting figures can use: the bitmap font holds exactly these.
    figureChars: `0123456789%${halfWidth(money.formatMinor(1_234_567_890))}`,
  };
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
  private readonly meter: DonationMeterView;
  private readonly money: MoneyFormatter;
  private readonly goalLabel: (goalMinor: number) => string;
  private readonly countSeconds: number;
  /** The count-up's eased progress, 0..1: gsap tweens this, the model turns it into an integer amount. */
  private readonly count = { progress: 1 };
  private counting: gsap.core.Tween | null = null;
  private dirty = true;
  private markersPlacedForGoal = -1;
  private destroyed = false;

  constructor(context: WidgetContext) {
    const { campaign, lang, region, theme } = context;
    this.money = new MoneyFormatter(campaign.currency, lang);
    const texts = meterTexts(campaign, lang, region, this.money);
    this.goalLabel = texts.goalLabel;
    this.countSeconds = theme.donationMeter.fillSeconds;
    this.model = new DonationMeterModel(campaign.milestones, initialGoal(campaign, region));
    this.meter = new DonationMeterView({
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

  update(): boolean {
    const counting = this.counting !== null;
    if (counting || this.dirty) {
      const crossed = this.model.setProgress(this.count.progress);
      const highest = crossed.at(-1);
      if (highest) this.meter.celebrate(this.model.milestones.indexOf(highest));
      this.render();
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

  private render(): void {
    this.dirty = false;
    this.meter.showAmount(halfWidth(this.money.formatMinor(this.model.displayedMinor)));
    this.meter.showPercent(`${this.model.percent}%`);
    this.meter.showFill(this.model.fillRatio);
    this.meter.showReached(this.model.reachedCount);
    if (this.markersPlacedForGoal !== this.model.goalMinor) {
      this.markersPlacedForGoal = this.model.goalMinor;
      this.meter.placeMarkers(this.model.milestones.map((milestone) => this.model.ratioOf(milestone.atMinor)));
    }
  }
}

/** Loads the glyphs the meter needs, then builds it. */
export const createDonationMeter: WidgetFactory = async (context) => {
  const money = new MoneyFormatter(context.campaign.currency, context.lang);
  const texts = meterTexts(context.campaign, context.lang, context.region, money);
  const goals = [context.campaign.goalMinor, ...context.campaign.regions.map((r) => r.goalMinor ?? 0)];
  await loadFonts(
    context.theme,
    [texts.title, texts.figureChars, ...goals.map(texts.goalLabel), ...texts.milestones.flatMap((m) => [m.markerLabel, m.bannerLabel])].join(''),
  );
  return new DonationMeter(context);
};
