import { BitmapText, Container, Graphics, Sprite, type Text } from 'pixi.js';
import type { gsap } from 'gsap';
import type { Theme } from '../../theme/default-theme.ts';
import { METER_SIZES } from '../../theme/layout.ts';
import { lightSpot } from './art.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import {
  BANNER_HEIGHT,
  MeterResources,
  celebrationTimeline,
  heartMark,
  linearGradient,
  meterPanel,
  meterText,
  milestoneBanner,
} from './parts.ts';

/** Layout of the panel, in stage units from its top-left corner (the theme's scale applies on top). */
const LAYOUT = {
  padX: 40,
  titleY: 18,
  titleSize: 22,
  amountY: 42,
  amountSize: 84,
  percentSize: 50,
  /** The bar's centre line; its thickness comes from the theme. */
  barCentreY: 163,
  markerLabelSize: 20,
  height: METER_SIZES.bar.height,
  bannerGap: 14,
} as const;

/**
 * Below-baseline share of a bitmap line per px of font size (Noto Sans JP, measured): texts of two sizes
 * anchored at their line bottoms sit on one baseline when the smaller is raised by this times the difference.
 */
const DESCENT_PER_PX = 0.294;

/**
 * The donation meter as a horizontal bar: a panel in the theme's style with the campaign name, the goal,
 * the amount, the percentage, a fill bar with milestone markers, and a celebration. Everything is built
 * once; animation only moves, tints and fades what exists (no Graphics redraw, no Text re-upload: the
 * changing numbers are BitmapText).
 */
export class DonationMeterView implements MeterView {
  readonly root = new Container({ label: 'donation-meter' });
  private readonly theme: Theme;
  private readonly width = METER_SIZES.bar.width;
  private readonly barWidth: number;
  private readonly barY: number;
  private readonly barHeight: number;
  private readonly resources = new MeterResources();
  private readonly amount: BitmapText;
  private readonly percent: BitmapText;
  /** Widest the amount may be: the bar's width less room for "100%" (when the percentage shows). */
  private readonly amountRoom: number;
  private readonly goal: Text;
  private readonly fillMask: Graphics;
  private readonly flash: Graphics;
  private readonly tip: Sprite;
  private readonly glow: Sprite;
  private readonly markers: Container[] = [];
  private readonly banners: Container[] = [];
  private celebration: gsap.core.Timeline | null = null;
  private destroyed = false;

  constructor(options: MeterViewOptions) {
    const { theme, resolution } = options;
    this.theme = theme;
    this.barWidth = this.width - LAYOUT.padX * 2;
    this.barHeight = theme.bar.thickness;
    this.barY = Math.round(LAYOUT.barCentreY - this.barHeight / 2);
    // Where the theme's layout puts the meter (position, title-safe margin, scale parameters).
    const { box } = theme.layout.meter;
    this.root.position.set(box.x, box.y);
    this.root.scale.set(theme.layout.scale);

    const colors = theme.colors;
    const panel = meterPanel(theme, this.width, LAYOUT.height, this.resources);
    this.glow = panel.celebrationGlow;
    this.root.addChild(...panel.layers);

    this.root.addChild(heartMark(colors.accent, LAYOUT.padX + 10, LAYOUT.titleY + LAYOUT.titleSize * 0.74, 21));
    this.root.addChild(
      meterText(theme, options.title, {
        x: LAYOUT.padX + 32,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: theme.weights.heavy,
        color: colors.label,
        letterSpacing: theme.labels.letterSpacing,
        resolution,
      }),
    );
    this.goal = this.root.addChild(
      meterText(theme, options.goalLabel, {
        x: this.width - LAYOUT.padX,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: theme.weights.regular,
        color: colors.textMuted,
        anchorX: 1,
        resolution,
      }),
    );

    const amountFont = this.resources.installFigureFont(theme, 'amount', LAYOUT.amountSize, options.figureChars, resolution);
    const percentFont = this.resources.installFigureFont(theme, 'percent', LAYOUT.percentSize, options.figureChars, resolution);
    this.amount = new BitmapText({ text: '0', style: { fontFamily: amountFont, fontSize: LAYOUT.amountSize }, x: LAYOUT.padX - 3, y: LAYOUT.amountY });
    this.amount.tint = colors.text;
    // Anchored at the bottom of its line, the amount shrinks (if it ever must) toward its baseline.
    const amountBottom = LAYOUT.amountY + this.amount.height;
    this.amount.anchor.set(0, 1);
    this.amount.y = amountBottom;
    // The percent stands on the amount's baseline, right-aligned.
    this.percent = new BitmapText({ text: '0', style: { fontFamily: percentFont, fontSize: LAYOUT.percentSize }, anchor: { x: 1, y: 1 } });
    this.percent.tint = colors.markerReached;
    this.percent.position.set(this.width - LAYOUT.padX, amountBottom - DESCENT_PER_PX * (LAYOUT.amountSize - LAYOUT.percentSize));
    this.percent.visible = theme.numbers.percent;
    this.root.addChild(this.amount, this.percent);
    this.percent.text = '100%';
    this.amountRoom = theme.numbers.percent ? this.barWidth - this.percent.width - 24 : this.barWidth;

    const bar = this.bar();
    this.fillMask = bar.mask;
    this.flash = bar.flash;
    this.tip = bar.tip;
    this.root.addChild(bar.container);

    for (const milestone of options.milestones) this.markers.push(this.root.addChild(this.marker(milestone.markerLabel, resolution)));
    for (const milestone of options.milestones) {
      const banner = this.root.addChild(milestoneBanner(theme, milestone.bannerLabel, resolution, this.resources));
      // On the right of the frame a banner grows leftwards from the panel's right edge, staying inside.
      if (box.x + box.width / 2 > 960) banner.x = this.width - banner.width;
      this.banners.push(banner);
    }
  }

  /** Height of the panel in stage units (the banner hangs beside it). */
  get height(): number {
    return LAYOUT.height;
  }

  get amountText(): string {
    return this.amount.text;
  }

  get percentText(): string {
    return this.percent.text;
  }

  get goalText(): string {
    return this.goal.text;
  }

  get celebrating(): boolean {
    return this.celebration !== null;
  }

  /** Sets the amount, shrinking it only if it would run into the percent (a very large campaign). */
  showAmount(text: string): void {
    if (this.amount.text === text) return;
    this.amount.text = text;
    this.amount.scale.set(1);
    if (this.amount.width > this.amountRoom) this.amount.scale.set(this.amountRoom / this.amount.width);
  }

  showPercent(text: string): void {
    this.percent.text = text;
  }

  showGoal(text: string): void {
    if (this.goal.text !== text) this.goal.text = text;
  }

  /** Moves the fill's end (and its spot of light) to `ratio` of the bar: a translation, never a redraw. */
  showFill(ratio: number): void {
    const end = this.barWidth * ratio;
    this.fillMask.x = end - this.barWidth;
    this.tip.x = end;
  }

  /** The light at the fill's end shows while the amount counts (not at all with reduced motion). */
  showMotion(intensity: number): void {
    const shown = this.theme.motion.reduced ? 0 : intensity;
    this.tip.alpha = 0.9 * shown;
    this.tip.visible = shown > 0.01;
  }

  /** The first `count` markers (their milestones are reached) turn gold. */
  showReached(count: number): void {
    this.markers.forEach((marker, index) => {
      marker.tint = index < count ? this.theme.colors.markerReached : this.theme.colors.marker;
    });
  }

  /** Places each milestone's marker along the bar (ratio 0..1); one at or past the end is hidden. */
  placeMarkers(ratios: readonly number[]): void {
    ratios.forEach((ratio, index) => {
      const marker = this.markers[index];
      if (!marker) return;
      marker.x = LAYOUT.padX + this.barWidth * ratio;
      marker.visible = ratio < 1;
    });
  }

  /** A milestone was passed: see celebrationTimeline. A newer celebration replaces one still running. */
  celebrate(milestoneIndex: number): void {
    this.celebration?.progress(1).kill();
    const below = this.theme.layout.meter.bannersBelow;
    this.celebration = celebrationTimeline(
      this.theme,
      {
        glow: this.glow,
        flash: this.flash,
        marker: this.markers[milestoneIndex]?.visible ? this.markers[milestoneIndex] : undefined,
        banner: this.banners[milestoneIndex],
        bannerY: below ? LAYOUT.height + LAYOUT.bannerGap : -LAYOUT.bannerGap - BANNER_HEIGHT,
        bannerFrom: below ? -1 : 1,
      },
      () => (this.celebration = null),
    );
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.celebration?.kill();
    this.celebration = null;
    this.root.destroy({ children: true });
    this.resources.destroy();
  }

  /** Track, gradient fill revealed by a sliding mask, a flash for celebrations, and the spot at the end. */
  private bar(): { container: Container; mask: Graphics; flash: Graphics; tip: Sprite } {
    const { colors } = this.theme;
    const h = this.barHeight;
    const r = Math.min(this.theme.bar.radius, h / 2);
    const w = this.barWidth;
    const container = new Container({ x: LAYOUT.padX, y: this.barY });
    const track = new Graphics()
      .roundRect(0, 0, w, h, r)
      .fill({ color: colors.track, alpha: colors.trackAlpha })
      .roundRect(0, 0, w, h, r)
      .stroke({ color: colors.text, alpha: 0.08, width: 1, alignment: 0 });
    const fill = new Graphics()
      .roundRect(0, 0, w, h, r)
      .fill({ fill: linearGradient(colors.fillStops, 'right') })
      .roundRect(Math.max(r * 0.6, 3), 2, w - Math.max(r * 1.2, 6), h * 0.36, h * 0.18)
      .fill({ color: 0xffffff, alpha: 0.22 });
    const flash = new Graphics().roundRect(0, 0, w, h, r).fill(0xfff6dc);
    flash.alpha = 0;
    const reveal = new Container();
    reveal.addChild(fill, flash);
    // The mask is the bar's own rounded shape, slid left: its rounded right end is the fill's end.
    const mask = new Graphics().roundRect(0, 0, w, h, r).fill(0xffffff);
    mask.x = -w;
    reveal.mask = mask;
    const tip = new Sprite({ texture: this.resources.own(lightSpot(Math.round(h * 2.1), 1)), anchor: 0.5, y: h / 2 });
    tip.tint = 0xffe6b8;
    tip.blendMode = 'add';
    tip.visible = false;
    container.addChild(track, reveal, mask, tip);
    return { container, mask, flash, tip };
  }

  /** A notch through the bar and a label under it; the container is tinted gold once reached. */
  private marker(labelText: string, resolution: number): Container {
    const { weights } = this.theme;
    const container = new Container({ x: LAYOUT.padX, y: this.barY, visible: false });
    const notch = new Graphics().roundRect(-1.5, -6, 3, this.barHeight + 12, 1.5).fill(0xffffff);
    const label = meterText(this.theme, labelText, {
      x: 0,
      y: this.barHeight + 8,
      size: LAYOUT.markerLabelSize,
      weight: weights.regular,
      color: 0xffffff,
      anchorX: 0.5,
      resolution,
    });
    container.addChild(notch, label);
    return container;
  }
}
