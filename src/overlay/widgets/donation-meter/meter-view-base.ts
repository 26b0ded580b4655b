import { Container, type Sprite, type Text } from 'pixi.js';
import { bakeSmooth } from '../../art/bake.ts';
import { FigureText } from '../../art/figure-text.ts';
import type { gsap } from 'gsap';
import type { Theme } from '../../theme/default-theme.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import { BANNER_HEIGHT, MeterResources, celebrationTimeline, meterPanel, meterText, milestoneBanner } from './parts.ts';

/**
 * The fill of a meter, baked once and only reshaped (no mask, no redraw): a style builds it and shows how
 * full it is, MeterViewBase flashes and lights it.
 */
export interface Gauge {
  readonly container: Container;
  /** Flashes over the fill in a celebration: hidden until then. */
  readonly flash: Container;
  /** The light at the fill's end (see fillLight). */
  readonly tip: Sprite;
}

/** Space between the panel and a milestone banner above or below it, in stage units. */
const BANNER_GAP = 14;

/**
 * What the bar and the thermometer do alike once built: the panel and its celebration glow, the figures,
 * the light at the fill's end, the markers' tints, the milestone banners and the celebration, and the
 * teardown. A style's constructor builds its own figures, gauge and markers on top of the panel (in
 * drawing order); the style alone knows how a ratio moves its fill and its markers.
 */
export abstract class MeterViewBase implements MeterView {
  /**
   * A render group of its own: a frame that only moves the fill and swaps the figures' glyphs updates this
   * group's few instructions in place, whatever the rest of the stage does.
   */
  readonly root = new Container({ label: 'donation-meter', isRenderGroup: true });
  protected readonly resources = new MeterResources();
  /**
   * Everything that stands still while the figures count, under them and the fill: shadow, panel, sheen,
   * heart, title, goal and track. Baked into one texture (addMilestones) so an animated frame blends one
   * layer here instead of each of them, pixel by pixel, in a software renderer; re-baked only when the
   * goal's text changes.
   */
  protected readonly backdrop = new Container({ label: 'donation-meter-backdrop' });
  /** One per milestone (same index), tinted gold once reached. */
  protected readonly markers: Container[] = [];
  private readonly banners: Container[] = [];
  private readonly glow: Sprite;
  private celebration: gsap.core.Timeline | null = null;
  /** Screen pixels per unit of the meter (its texts' and artwork's resolution), set by addMilestones. */
  private pixelsPerUnit = 1;
  private destroyed = false;
  /** `adjustments=split`: the line under the amount, made on first use (see showNote). */
  private note: { text: Text; amountTop: number; amountHeight: number; room: number } | null = null;

  protected abstract readonly amount: FigureText;
  protected abstract readonly percent: FigureText;
  protected abstract readonly goal: Text;
  /** Widest the amount may be before it is narrowed to fit. */
  protected abstract readonly amountRoom: number;
  protected abstract readonly gauge: Gauge;

  /**
   * Puts the root where the theme's layout places the meter (position, title-safe margin), at `scale`, and
   * lays the panel of `size` (stage units) in the backdrop, the bottom of everything the style then adds.
   */
  protected constructor(
    protected readonly theme: Theme,
    private readonly size: { readonly width: number; readonly height: number },
    scale: number,
  ) {
    const { box } = theme.layout.meter;
    this.root.position.set(box.x, box.y);
    this.root.scale.set(scale);
    const panel = meterPanel(theme, size.width, size.height, this.resources);
    this.glow = panel.celebrationGlow;
    this.backdrop.addChild(...panel.layers);
    this.root.addChild(panel.celebrationGlow, this.backdrop);
  }

  abstract showFill(ratio: number): void;
  /** One milestone's marker with its label, hidden until placed. */
  protected abstract marker(labelText: string, resolution: number): Container;
  /** Moves a marker to `ratio` (0..1) of the way along the gauge. */
  protected abstract moveMarker(marker: Container, ratio: number): void;

  /** Height of the panel in stage units (the banner hangs beside it). */
  get height(): number {
    return this.size.height;
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

  /** Sets the amount, narrowing it only if it would not fit its room (a very large campaign). */
  showAmount(text: string): void {
    if (this.amount.text === text) return;
    this.amount.text = text;
    this.fitAmount();
  }

  /**
   * A second line under the amount (`adjustments=split`: what adjustments add), or none for ''. The amount
   * gives up the bottom of its own box to it, so nothing else in the meter moves.
   */
  showNote(text: string): void {
    if (!this.note && !text) return;
    if (!this.note) {
      const size = Math.max(15, Math.round(this.amount.fontSize * 0.26));
      this.amount.scale.set(1);
      const amountHeight = this.amount.height;
      const label = meterText(this.theme, text, { x: this.amount.x, y: 0, size, weight: this.theme.weights.regular, color: this.theme.colors.textMuted, resolution: this.pixelsPerUnit });
      label.anchor.set(this.amount.anchor.x, 1);
      this.note = { text: this.root.addChild(label), amountTop: this.amount.y - this.amount.anchor.y * amountHeight, amountHeight, room: Math.round(size * 1.5) };
      // Raised off the bottom of the box: whatever lies under the amount (the bar) keeps a clear gap.
      label.y = this.note.amountTop + amountHeight - Math.round(size * 0.3);
    }
    this.note.text.text = text;
    this.note.text.visible = text !== '';
    this.note.text.scale.set(1);
    if (this.note.text.width > this.amountRoom) this.note.text.scale.set(this.amountRoom / this.note.text.width);
    this.fitAmount();
  }

  showPercent(text: string): void {
    if (this.percent.text === text) return;
    this.percent.text = text;
  }

  showGoal(text: string): void {
    if (this.goal.text === text) return;
    this.goal.text = text;
    this.backdrop.updateCacheTexture();
  }

  /** The light at the fill's end shows while the amount counts (not at all with reduced motion). */
  showMotion(intensity: number): void {
    const shown = this.theme.motion.reduced ? 0 : intensity;
    this.gauge.tip.alpha = 0.9 * shown;
    this.gauge.tip.visible = shown > 0.01;
  }

  /** The first `count` markers (their milestones are reached) turn gold. */
  showReached(count: number): void {
    this.markers.forEach((marker, index) => {
      marker.tint = index < count ? this.theme.colors.markerReached : this.theme.colors.marker;
    });
  }

  /** Places each milestone's marker along the gauge (ratio 0..1); one at or past the end is hidden. */
  placeMarkers(ratios: readonly number[]): void {
    ratios.forEach((ratio, index) => {
      const marker = this.markers[index];
      if (!marker) return;
      this.moveMarker(marker, ratio);
      // On the pixel grid: a baked marker between two pixels would be resampled soft.
      marker.position.set(Math.round(marker.x * this.pixelsPerUnit) / this.pixelsPerUnit, Math.round(marker.y * this.pixelsPerUnit) / this.pixelsPerUnit);
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
        flash: this.gauge.flash,
        marker: this.markers[milestoneIndex]?.visible ? this.markers[milestoneIndex] : undefined,
        banner: this.banners[milestoneIndex],
        bannerY: below ? this.size.height + BANNER_GAP : -BANNER_GAP - BANNER_HEIGHT,
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
    for (const baked of [this.backdrop, ...this.markers, ...this.banners]) baked.cacheAsTexture(false);
    this.root.destroy({ children: true });
    this.resources.destroy();
  }

  /** Scale 1, or less to fit the amount's room and, with a note under it, the rest of its box; its top stays put. */
  private fitAmount(): void {
    const note = this.note?.text.visible ? this.note : null;
    const tall = note ? (note.amountHeight - note.room) / note.amountHeight : 1;
    this.amount.scale.set(1);
    const wide = this.amount.width > this.amountRoom ? this.amountRoom / this.amount.width : 1;
    this.amount.scale.set(Math.min(tall, wide));
    if (this.note) this.amount.y = this.note.amountTop + this.amount.anchor.y * this.amount.height;
  }

  /** A figure that changes every frame, '0' until set: sprites on a strip of just the figure characters. */
  protected figureText(fontSize: number, options: MeterViewOptions): FigureText {
    return new FigureText(this.resources.figureStrip(this.theme, fontSize, options.figureChars, options.resolution), '0');
  }

  /**
   * The markers, then the banners above everything else, and the backdrop baked: the last of what a style's
   * constructor does. The markers stay apart, over the fill their notches cross: small, they cost little,
   * and a texture of them all would blend the whole width of the gauge.
   */
  protected addMilestones(options: MeterViewOptions): void {
    // Markers and banners are drawn shapes: each is baked smooth (see bakeSmooth).
    const { resolution } = options;
    this.pixelsPerUnit = resolution;
    for (const milestone of options.milestones) this.markers.push(this.root.addChild(bakeSmooth(this.marker(milestone.markerLabel, resolution), resolution)));
    const { box } = this.theme.layout.meter;
    for (const milestone of options.milestones) {
      const banner = this.root.addChild(milestoneBanner(this.theme, milestone.bannerLabel, resolution, this.resources));
      // On the right of the frame a banner grows leftwards from the panel's right edge, staying inside.
      if (box.x + box.width / 2 > 960) banner.x = this.size.width - banner.width;
      bakeSmooth(banner, resolution);
      this.banners.push(banner);
    }
    // One texel per screen pixel (the resolution includes the meter's scale).
    bakeSmooth(this.backdrop, resolution);
  }
}
