import { BitmapFont, BitmapText, Container, FillGradient, Graphics, Sprite, Text, type Texture } from 'pixi.js';
import { gsap } from 'gsap';
import type { Theme } from '../../theme/default-theme.ts';
import { METER_SIZES } from '../../theme/layout.ts';
import { lightSpot, softRoundedRect } from './art.ts';

/** Layout of the panel, in stage units from its top-left corner. */
const LAYOUT = {
  radius: 22,
  padX: 40,
  titleY: 18,
  titleSize: 22,
  amountY: 42,
  amountSize: 84,
  percentSize: 50,
  barY: 152,
  barHeight: 22,
  markerLabelSize: 20,
  height: 230,
  bannerGap: 14,
  bannerSize: 30,
} as const;

/**
 * Below-baseline share of a bitmap line per px of font size (Noto Sans JP, measured): texts of two sizes
 * anchored at their line bottoms sit on one baseline when the smaller is raised by this times the difference.
 */
const DESCENT_PER_PX = 0.294;

export interface DonationMeterViewOptions {
  readonly theme: Theme;
  /** Pixels per stage unit for text and baked artwork. */
  readonly resolution: number;
  readonly title: string;
  readonly goalLabel: string;
  /** Per milestone (same index): the short label under its marker and the banner of its celebration. */
  readonly milestones: readonly { readonly markerLabel: string; readonly bannerLabel: string }[];
  /** Every character the amount and percent can show (digits, currency symbol, separators, %). */
  readonly figureChars: string;
}

let fontSerial = 0;

/**
 * The pixi side of the donation meter: a navy panel with the campaign name, the amount, the percentage,
 * a fill bar with milestone markers, and a celebration. Everything is built once; animation only moves,
 * tints and fades what exists (no Graphics redraw, no Text re-upload: the changing numbers are BitmapText).
 */
export class DonationMeterView {
  readonly root = new Container({ label: 'donation-meter' });
  private readonly theme: Theme;
  private readonly width: number;
  private readonly barWidth: number;
  private readonly fontNames: string[] = [];
  private readonly textures: Texture[] = [];
  private readonly amount: BitmapText;
  private readonly percent: BitmapText;
  /** Widest the amount may be: the bar's width less room for "100%". */
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

  constructor(options: DonationMeterViewOptions) {
    const { theme, resolution } = options;
    this.theme = theme;
    this.width = METER_SIZES.bar.width;
    this.barWidth = this.width - LAYOUT.padX * 2;
    // Where the theme's layout puts the meter (position, title-safe margin, scale parameters).
    const { box } = theme.layout.meter;
    this.root.position.set(box.x, box.y);
    this.root.scale.set(theme.layout.scale);

    const colors = theme.colors;
    const shadow = this.own(softRoundedRect(this.width, LAYOUT.height, LAYOUT.radius, 22, colors.shadow, 0.6, 1));
    const glowArt = this.own(softRoundedRect(this.width, LAYOUT.height, LAYOUT.radius, 28, colors.celebration, 1, 1));
    this.glow = placeSoft(glowArt, 0);
    this.glow.alpha = 0;
    this.glow.visible = false;
    this.root.addChild(this.glow, placeSoft(shadow, 10), this.panel());

    this.root.addChild(this.heart(LAYOUT.padX + 10, LAYOUT.titleY + LAYOUT.titleSize * 0.74, 21));
    this.root.addChild(
      this.text(options.title, {
        x: LAYOUT.padX + 32,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: theme.weights.heavy,
        color: colors.label,
        letterSpacing: 2,
        resolution,
      }),
    );
    this.goal = this.root.addChild(
      this.text(options.goalLabel, {
        x: this.width - LAYOUT.padX,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: theme.weights.regular,
        color: colors.textMuted,
        anchorX: 1,
        resolution,
      }),
    );

    const amountFont = this.installFont('amount', LAYOUT.amountSize, options.figureChars, resolution);
    const percentFont = this.installFont('percent', LAYOUT.percentSize, options.figureChars, resolution);
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
    this.root.addChild(this.amount, this.percent);
    this.percent.text = '100%';
    this.amountRoom = this.barWidth - this.percent.width - 24;

    const bar = this.bar();
    this.fillMask = bar.mask;
    this.flash = bar.flash;
    this.tip = bar.tip;
    this.root.addChild(bar.container);

    for (const milestone of options.milestones) this.markers.push(this.root.addChild(this.marker(milestone.markerLabel, resolution)));
    for (const milestone of options.milestones) this.banners.push(this.root.addChild(this.banner(milestone.bannerLabel, resolution)));
  }

  /** Height of the panel in stage units (the banner hangs below it). */
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

  /** The light at the fill's end shows while the amount counts. */
  showMotion(intensity: number): void {
    this.tip.alpha = 0.9 * intensity;
    this.tip.visible = intensity > 0.01;
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

  /**
   * A milestone was passed: the panel glows, the bar flashes, its marker pops and the milestone's banner
   * drops in below the panel, holds, and leaves. A newer celebration replaces one still running.
   */
  celebrate(milestoneIndex: number): void {
    this.celebration?.progress(1).kill();
    const banner = this.banners[milestoneIndex];
    const marker = this.markers[milestoneIndex]?.visible ? this.markers[milestoneIndex] : undefined;
    const hold = this.theme.donationMeter.celebrationSeconds;
    const timeline = gsap.timeline({ onComplete: () => (this.celebration = null) });
    this.glow.visible = true;
    timeline
      .fromTo(this.glow, { alpha: 0 }, { alpha: 0.9, duration: 0.25, ease: 'power2.out' }, 0)
      .to(this.glow, { alpha: 0, duration: 1.1, ease: 'power2.in', onComplete: () => void (this.glow.visible = false) }, 0.25)
      .fromTo(this.flash, { alpha: 0.85 }, { alpha: 0, duration: 0.7, ease: 'power2.out' }, 0);
    if (marker) timeline.fromTo(marker.scale, { x: 1.6, y: 1.6 }, { x: 1, y: 1, duration: 0.6, ease: 'back.out(3)' }, 0);
    if (banner) {
      banner.visible = true;
      timeline
        .fromTo(banner, { alpha: 0, y: this.bannerY() - 16 }, { alpha: 1, y: this.bannerY(), duration: 0.45, ease: 'back.out(2)' }, 0.1)
        .fromTo(banner.scale, { x: 0.92, y: 0.92 }, { x: 1, y: 1, duration: 0.45, ease: 'back.out(2)' }, 0.1)
        .to(banner, { alpha: 0, y: this.bannerY() - 10, duration: 0.4, ease: 'power2.in', onComplete: () => void (banner.visible = false) }, 0.1 + hold);
    }
    this.celebration = timeline;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.celebration?.kill();
    this.celebration = null;
    gsap.killTweensOf([this.glow, this.flash, ...this.markers, ...this.markers.map((m) => m.scale), ...this.banners, ...this.banners.map((b) => b.scale)]);
    this.root.destroy({ children: true });
    for (const texture of this.textures) texture.destroy(true);
    for (const name of this.fontNames) BitmapFont.uninstall(name);
  }

  private bannerY(): number {
    return LAYOUT.height + LAYOUT.bannerGap;
  }

  private own<T extends { texture: Texture }>(art: T): T {
    this.textures.push(art.texture);
    return art;
  }

  private installFont(role: string, size: number, chars: string, resolution: number): string {
    const name = `local-love-meter-${role}-${++fontSerial}`;
    BitmapFont.install({
      name,
      style: { fontFamily: this.theme.fontFamily, fontWeight: String(this.theme.weights.heavy) as '800', fontSize: size, fill: 0xffffff },
      chars: [...new Set(chars)].join(''),
      resolution,
      padding: 4,
    });
    this.fontNames.push(name);
    return name;
  }

  private text(
    content: string,
    options: { x: number; y: number; size: number; weight: number; color: number; letterSpacing?: number; anchorX?: number; resolution: number },
  ): Text {
    const text = new Text({
      text: content,
      resolution: options.resolution,
      anchor: { x: options.anchorX ?? 0, y: 0 },
      style: {
        fontFamily: this.theme.fontFamily,
        fontWeight: String(options.weight) as '500',
        fontSize: options.size,
        fill: 0xffffff,
        letterSpacing: options.letterSpacing ?? 0,
      },
    });
    text.tint = options.color;
    text.position.set(options.x, options.y);
    return text;
  }

  private panel(): Graphics {
    const { colors } = this.theme;
    const fill = new FillGradient({
      type: 'linear',
      start: { x: 0, y: 0 },
      end: { x: 0, y: 1 },
      colorStops: [
        { offset: 0, color: colors.panelTop },
        { offset: 1, color: colors.panelBottom },
      ],
      textureSpace: 'local',
    });
    return new Graphics()
      .roundRect(0, 0, this.width, LAYOUT.height, LAYOUT.radius)
      .fill({ fill, alpha: colors.panelAlpha })
      .stroke({ color: colors.panelEdge, alpha: 0.1, width: 1.5, alignment: 1 });
  }

  private heart(x: number, y: number, size: number): Graphics {
    const s = size / 2;
    const heart = new Graphics()
      .moveTo(0, s * 0.85)
      .bezierCurveTo(-s * 0.3, s * 0.6, -s, s * 0.15, -s, -s * 0.3)
      .bezierCurveTo(-s, -s * 0.85, -s * 0.35, -s * 1.0, 0, -s * 0.5)
      .bezierCurveTo(s * 0.35, -s * 1.0, s, -s * 0.85, s, -s * 0.3)
      .bezierCurveTo(s, s * 0.15, s * 0.3, s * 0.6, 0, s * 0.85)
      .fill(this.theme.colors.accent);
    heart.position.set(x, y);
    return heart;
  }

  /** Track, gradient fill revealed by a sliding mask, a flash for celebrations, and the spot at the end. */
  private bar(): { container: Container; mask: Graphics; flash: Graphics; tip: Sprite } {
    const { colors } = this.theme;
    const h = LAYOUT.barHeight;
    const r = h / 2;
    const w = this.barWidth;
    const container = new Container({ x: LAYOUT.padX, y: LAYOUT.barY });
    const track = new Graphics()
      .roundRect(0, 0, w, h, r)
      .fill({ color: colors.track, alpha: 0.85 })
      .roundRect(0, 0, w, h, r)
      .stroke({ color: 0xffffff, alpha: 0.08, width: 1, alignment: 0 });
    const fill = new Graphics()
      .roundRect(0, 0, w, h, r)
      .fill({ fill: horizontalGradient(colors.fillStops) })
      .roundRect(r * 0.6, 2, w - r * 1.2, h * 0.36, h * 0.18)
      .fill({ color: 0xffffff, alpha: 0.22 });
    const flash = new Graphics().roundRect(0, 0, w, h, r).fill(0xfff6dc);
    flash.alpha = 0;
    const reveal = new Container();
    reveal.addChild(fill, flash);
    // The mask is the bar's own rounded shape, slid left: its rounded right end is the fill's end.
    const mask = new Graphics().roundRect(0, 0, w, h, r).fill(0xffffff);
    mask.x = -w;
    reveal.mask = mask;
    const tip = new Sprite({ texture: this.own({ texture: lightSpot(46, 1) }).texture, anchor: 0.5, y: h / 2 });
    tip.tint = 0xffe6b8;
    tip.blendMode = 'add';
    tip.visible = false;
    container.addChild(track, reveal, mask, tip);
    return { container, mask, flash, tip };
  }

  /** A notch through the bar and a label under it; the container is tinted gold once reached. */
  private marker(labelText: string, resolution: number): Container {
    const { weights } = this.theme;
    const container = new Container({ x: LAYOUT.padX, y: LAYOUT.barY, visible: false });
    const notch = new Graphics().roundRect(-1.5, -6, 3, LAYOUT.barHeight + 12, 1.5).fill(0xffffff);
    const label = this.text(labelText, {
      x: 0,
      y: LAYOUT.barHeight + 8,
      size: LAYOUT.markerLabelSize,
      weight: weights.regular,
      color: 0xffffff,
      anchorX: 0.5,
      resolution,
    });
    container.addChild(notch, label);
    return container;
  }

  private banner(label: string, resolution: number): Container {
    const { colors, weights } = this.theme;
    const container = new Container({ x: 0, y: this.bannerY() });
    const text = this.text(label, {
      x: 58,
      y: 9,
      size: LAYOUT.bannerSize,
      weight: weights.heavy,
      color: colors.celebrationText,
      resolution,
    });
    const height = LAYOUT.bannerSize + 30;
    const width = text.width + 58 + 28;
    const shadow = placeSoft(this.own(softRoundedRect(width, height, height / 2, 10, colors.shadow, 0.55, 1)), 5);
    const pill = new Graphics()
      .roundRect(0, 0, width, height, height / 2)
      .fill({ fill: horizontalGradient([colors.celebration, 0xffe7a3]) })
      .circle(30, height / 2, 14)
      .fill(colors.celebrationText);
    const star = new Graphics().star(30, height / 2, 5, 9, 4, -Math.PI / 2).fill(colors.celebration);
    container.addChild(shadow, pill, star, text);
    container.visible = false;
    container.alpha = 0;
    return container;
  }
}

function horizontalGradient(stops: readonly number[]): FillGradient {
  return new FillGradient({
    type: 'linear',
    start: { x: 0, y: 0 },
    end: { x: 1, y: 0 },
    colorStops: stops.map((color, index) => ({ offset: index / Math.max(1, stops.length - 1), color })),
    textureSpace: 'local',
  });
}

/** A baked soft shape placed under the panel, `dropY` lower (0 for a glow all around). */
function placeSoft(art: { texture: Texture; margin: number }, dropY: number): Sprite {
  return new Sprite({ texture: art.texture, x: -art.margin, y: -art.margin + dropY });
}
