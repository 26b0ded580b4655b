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
  width: METER_SIZES.thermometer.width,
  height: METER_SIZES.thermometer.height,
  padX: 20,
  heartY: 30,
  titleY: 46,
  titleSize: 21,
  amountY: 118,
  amountSize: 38,
  percentY: 170,
  percentSize: 34,
  goalY: 216,
  goalSize: 22,
  /** The tube's centre line, its top and the centre of the bulb at its foot. */
  tubeX: 92,
  tubeTop: 282,
  bulbY: 624,
  markerLabelSize: 22,
  bannerGap: 14,
} as const;

/**
 * The donation meter as a thermometer: a tall panel (the `meterStyle=thermometer` URL parameter), the
 * campaign name, amount, percentage and goal on top, and a tube that fills upward from a full bulb, with
 * milestone ticks and labels beside it. Like the bar, it is built once and only moved, tinted and faded.
 */
export class ThermometerView implements MeterView {
  readonly root = new Container({ label: 'donation-meter' });
  private readonly theme: Theme;
  private readonly tubeWidth: number;
  private readonly bulbRadius: number;
  /** Where the liquid stands at 0% (the top of the bulb, which is always full) and 100% (the tube's top). */
  private readonly zeroY: number;
  private readonly tubeLength: number;
  private readonly resources = new MeterResources();
  private readonly amount: BitmapText;
  private readonly percent: BitmapText;
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
    this.tubeWidth = Math.min(32, Math.max(20, theme.bar.thickness));
    this.bulbRadius = Math.round(this.tubeWidth * 1.05);
    this.zeroY = LAYOUT.bulbY - this.bulbRadius;
    this.tubeLength = this.zeroY - LAYOUT.tubeTop;
    const { box } = theme.layout.meter;
    this.root.position.set(box.x, box.y);
    // A tall meter scaled past the safe height is shrunk to fit it (layout.ts caps the box's height).
    this.root.scale.set(box.height / LAYOUT.height);

    const { colors, weights } = theme;
    const panel = meterPanel(theme, LAYOUT.width, LAYOUT.height, this.resources);
    this.glow = panel.celebrationGlow;
    this.root.addChild(...panel.layers);

    const centre = LAYOUT.width / 2;
    const innerWidth = LAYOUT.width - 2 * LAYOUT.padX;
    this.root.addChild(heartMark(colors.accent, centre, LAYOUT.heartY, 20));
    this.root.addChild(
      meterText(theme, options.title, {
        x: centre,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: weights.heavy,
        color: colors.label,
        letterSpacing: Math.min(theme.labels.letterSpacing, 1),
        anchorX: 0.5,
        wrapWidth: innerWidth,
        resolution,
      }),
    );

    const amountFont = this.resources.installFigureFont(theme, 'thermo-amount', LAYOUT.amountSize, options.figureChars, resolution);
    const percentFont = this.resources.installFigureFont(theme, 'thermo-percent', LAYOUT.percentSize, options.figureChars, resolution);
    this.amount = new BitmapText({ text: '0', style: { fontFamily: amountFont, fontSize: LAYOUT.amountSize }, anchor: { x: 0.5, y: 0 } });
    this.amount.position.set(centre, LAYOUT.amountY);
    this.amount.tint = colors.text;
    this.percent = new BitmapText({ text: '0', style: { fontFamily: percentFont, fontSize: LAYOUT.percentSize }, anchor: { x: 0.5, y: 0 } });
    this.percent.position.set(centre, LAYOUT.percentY);
    this.percent.tint = colors.markerReached;
    this.percent.visible = theme.numbers.percent;
    this.goal = meterText(theme, options.goalLabel, {
      x: centre,
      y: theme.numbers.percent ? LAYOUT.goalY : LAYOUT.percentY + 6,
      size: LAYOUT.goalSize,
      weight: weights.regular,
      color: colors.textMuted,
      anchorX: 0.5,
      resolution,
    });
    this.root.addChild(this.amount, this.percent, this.goal);

    const tube = this.tube();
    this.fillMask = tube.mask;
    this.flash = tube.flash;
    this.tip = tube.tip;
    this.root.addChild(tube.container);

    for (const milestone of options.milestones) this.markers.push(this.root.addChild(this.marker(milestone.markerLabel, resolution)));
    for (const milestone of options.milestones) {
      const banner = this.root.addChild(milestoneBanner(theme, milestone.bannerLabel, resolution, this.resources));
      // On the right of the frame a banner grows leftwards from the panel's right edge, staying inside.
      if (box.x + box.width / 2 > 960) banner.x = LAYOUT.width - banner.width;
      this.banners.push(banner);
    }
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

  /** Sets the amount, narrowed only if it would not fit the panel. */
  showAmount(text: string): void {
    if (this.amount.text === text) return;
    this.amount.text = text;
    this.amount.scale.set(1);
    const room = LAYOUT.width - 2 * LAYOUT.padX;
    if (this.amount.width > room) this.amount.scale.set(room / this.amount.width);
  }

  showPercent(text: string): void {
    this.percent.text = text;
  }

  showGoal(text: string): void {
    if (this.goal.text !== text) this.goal.text = text;
  }

  /** Raises the liquid (and its light) to `ratio` of the tube: the mask slides, nothing is redrawn. */
  showFill(ratio: number): void {
    const rise = this.tubeLength * ratio;
    this.fillMask.y = this.tubeLength - rise;
    this.tip.y = this.zeroY - rise;
  }

  showMotion(intensity: number): void {
    const shown = this.theme.motion.reduced ? 0 : intensity;
    this.tip.alpha = 0.9 * shown;
    this.tip.visible = shown > 0.01;
  }

  showReached(count: number): void {
    this.markers.forEach((marker, index) => {
      marker.tint = index < count ? this.theme.colors.markerReached : this.theme.colors.marker;
    });
  }

  placeMarkers(ratios: readonly number[]): void {
    ratios.forEach((ratio, index) => {
      const marker = this.markers[index];
      if (!marker) return;
      marker.y = this.zeroY - this.tubeLength * ratio;
      marker.visible = ratio < 1;
    });
  }

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

  /**
   * The tube and its bulb: the glass (track), the liquid (a gradient, bulb colour at the foot) revealed by
   * a mask that slides up, a flash for celebrations, and the light at the liquid's top.
   */
  private tube(): { container: Container; mask: Graphics; flash: Graphics; tip: Sprite } {
    const { colors } = this.theme;
    const w = this.tubeWidth;
    const r = Math.min(this.theme.bar.radius, w / 2);
    const bulbRadius = this.bulbRadius;
    const x = LAYOUT.tubeX - w / 2;
    const top = LAYOUT.tubeTop;
    // The glass: the tube down into the bulb.
    const glassShape = (g: Graphics) => g.roundRect(x, top, w, LAYOUT.bulbY - top, r).circle(LAYOUT.tubeX, LAYOUT.bulbY, bulbRadius);
    const container = new Container();
    const glass = glassShape(new Graphics()).fill({ color: colors.track, alpha: colors.trackAlpha });
    glassShape(glass).stroke({ color: colors.text, alpha: 0.1, width: 1.5, alignment: 0 });
    // The liquid: a full bulb in the first fill colour, and the tube's gradient rising from it.
    const [bottomColor = colors.accent] = colors.fillStops;
    const bulb = new Graphics().circle(LAYOUT.tubeX, LAYOUT.bulbY, bulbRadius - 3).fill(bottomColor);
    const column = new Graphics()
      .roundRect(x + 3, top + 3, w - 6, LAYOUT.bulbY - top - 3, Math.max(0, r - 3))
      .fill({ fill: linearGradient(colors.fillStops, 'up') })
      .roundRect(x + w * 0.28, top + 6, w * 0.16, LAYOUT.bulbY - top - bulbRadius - 6, w * 0.08)
      .fill({ color: 0xffffff, alpha: 0.25 });
    const flash = glassShape(new Graphics()).fill(0xfff6dc);
    flash.alpha = 0;
    const reveal = new Container();
    reveal.addChild(column, flash);
    // The mask slides up with the level; the bulb below it is always full.
    const mask = new Graphics().rect(x - bulbRadius, top, w + 2 * bulbRadius, LAYOUT.bulbY - top + bulbRadius).fill(0xffffff);
    mask.y = this.tubeLength;
    reveal.mask = mask;
    const tip = new Sprite({ texture: this.resources.own(lightSpot(Math.round(w * 2.1), 1)), anchor: 0.5, x: LAYOUT.tubeX });
    tip.tint = 0xffe6b8;
    tip.blendMode = 'add';
    tip.visible = false;
    container.addChild(glass, bulb, reveal, mask, tip);
    return { container, mask, flash, tip };
  }

  /** A tick across the tube and its label to the right; tinted gold once reached. */
  private marker(labelText: string, resolution: number): Container {
    const w = this.tubeWidth;
    const container = new Container({ x: LAYOUT.tubeX, y: this.zeroY, visible: false });
    const tick = new Graphics().roundRect(-w / 2 - 6, -1.5, w + 12, 3, 1.5).fill(0xffffff);
    const label = meterText(this.theme, labelText, {
      x: w / 2 + 16,
      y: -LAYOUT.markerLabelSize * 0.72,
      size: LAYOUT.markerLabelSize,
      weight: this.theme.weights.regular,
      color: 0xffffff,
      resolution,
    });
    container.addChild(tick, label);
    return container;
  }
}
