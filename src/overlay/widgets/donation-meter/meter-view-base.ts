import { Container, type Sprite, type Text } from 'pixi.js';
import { bakeSmooth } from '../../art/bake.ts';
import { FigureText } from '../../art/figure-text.ts';
import type { Timeline } from '../../motion/timeline.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { StillPart } from '../../widget.ts';
import type { MeterView, MeterViewOptions } from './meter-view.ts';
import { markerLabelsShown } from './model.ts';
import { BANNER_HEIGHT, MeterResources, celebrationTimeline, meterPanel, milestoneBanner } from './parts.ts';

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

/** Space kept between two markers' labels along the gauge, in stage units. */
const LABEL_GAP = 6;
/** The label child of a style's marker (see marker()): hidden when it would print over another. */
export const MARKER_LABEL = 'marker-label';

/** Space between the panel and a milestone banner above or below it, in stage units. */
const BANNER_GAP = 14;

/** The fill's end is moved in steps of a 64th of a screen pixel (see moveFillEnd)... */
const FILL_STEPS_PER_PIXEL = 64;
/** ...and has the meter drawn once it is a quarter pixel from where it was drawn. */
const FILL_DRAWN_PER_PIXEL = 4;
/** The light at the fill's end fades in steps of a 32nd (see showMotion). */
const TIP_STEPS = 32;

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
  /**
   * The celebration glow and the backdrop, placed like the root: the widget's still part, on a canvas of
   * its own under the moving figures and fill, so a counting frame does not blend the panel again. Its
   * canvas is drawn only when the goal's text changes and while the glow plays.
   */
  readonly still: StillPart = { view: new Container({ label: 'donation-meter-still' }), changed: true };
  /** Whether the glow showed at the last frame (the frame it goes out redraws the still part too). */
  private glowShown = false;
  /** Whether anything drawn on `root` changed since takeChanged was last asked. */
  private changed = true;
  /** Where the fill's end was last moved to, and where it was when last drawn, along the gauge in the meter's units. */
  private fillEnd = Number.NaN;
  private fillEndDrawn = Number.NaN;
  /** How many milestones showReached last showed reached (none yet). */
  private reachedShown = -1;
  /** One per milestone (same index), tinted gold once reached. */
  protected readonly markers: Container[] = [];
  /**
   * Each milestone's banner (same index), made when its first celebration starts: a banner is hidden until
   * then, and making them all (text, shadow, pill) took 10-20 ms of the meter's way on air.
   */
  private readonly banners: (Container | undefined)[] = [];
  private readonly bannerLabels: string[] = [];
  /** The campaign's marks (the markers and banners before the passed goal's, which comes last). */
  private campaignMarks = 0;
  private readonly glow: Sprite;
  private celebration: Timeline | null = null;
  /** Whose marker and banner the celebration (running or last) uses. */
  private celebratedIndex = -1;
  /** Screen pixels per unit of the meter (its texts' and artwork's resolution, so its bakes'), set by addMilestones. */
  private pixelsPerUnit = 1;
  private destroyed = false;
  /** `adjustments=split`: the note about the amount, made on first use (see showNote). */
  private note: Text | null = null;

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
    for (const placed of [this.root, this.still.view]) {
      placed.position.set(box.x, box.y);
      placed.scale.set(scale);
    }
    const panel = meterPanel(theme, size.width, size.height, this.resources);
    this.glow = panel.celebrationGlow;
    this.backdrop.addChild(...panel.layers);
    this.still.view.addChild(panel.celebrationGlow, this.backdrop);
  }

  abstract showFill(ratio: number): void;
  /** One milestone's marker with its label, hidden until placed. */
  protected abstract marker(labelText: string, resolution: number): Container;
  /** Moves a marker to `ratio` (0..1) of the way along the gauge. */
  protected abstract moveMarker(marker: Container, ratio: number): void;
  /** A marker's place along the gauge, and its label's length along it, in stage units. */
  protected abstract markerSpan(marker: Container): { at: number; span: number };

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

  /** Each marker's place in the meter's units, whether it shows and with its label (inspect data, for tests). */
  get markerStates(): { x: number; y: number; visible: boolean; labelled: boolean }[] {
    return this.markers.map((marker) => ({ x: marker.x, y: marker.y, visible: marker.visible, labelled: marker.getChildByLabel(MARKER_LABEL)?.visible ?? false }));
  }

  get celebrating(): boolean {
    return this.celebration !== null;
  }

  /**
   * Whether anything drawn on `root` changed since the last call: what was shown or placed differs, or a
   * celebration plays (its tweens move the root's parts at every frame).
   */
  takeChanged(): boolean {
    const changed = this.changed || this.celebration !== null;
    this.changed = false;
    if (changed) this.fillEndDrawn = this.fillEnd;
    return changed;
  }

  /** Sets the amount, narrowing it only if it would not fit its room (see fitAmount). */
  showAmount(text: string): void {
    if (this.amount.text === text) return;
    this.amount.text = text;
    this.fitAmount();
    this.changed = true;
  }

  /**
   * What adjustments add (`adjustments=split`), or none for ''. Set only when the feed's adjustments change;
   * the style places it (placeNote) and the amount is fitted again, as a note may take room from it.
   */
  showNote(text: string): void {
    if (!this.note && !text) return;
    this.note ??= this.root.addChild(this.createNote());
    this.note.text = text;
    this.note.visible = text !== '';
    this.placeNote(this.note);
    this.fitAmount();
    this.changed = true;
  }

  showPercent(text: string): void {
    if (this.percent.text === text) return;
    this.percent.text = text;
    this.changed = true;
  }

  showGoal(text: string): void {
    if (this.goal.text === text) return;
    this.goal.text = text;
    this.backdrop.updateCacheTexture();
    this.still.changed = true;
    this.changed = true;
  }

  /** Once a frame: the glow under the panel plays in a celebration, so its canvas is drawn while it shows. */
  stepStill(): void {
    const shown = this.glow.visible;
    if (shown || this.glowShown) this.still.changed = true;
    this.glowShown = shown;
  }

  /**
   * The light at the fill's end shows while the amount counts (not at all with reduced motion). It fades
   * in steps of a 32nd, a step every two or three frames as the count settles: while a storm keeps the
   * count at its start, the light is nearly steady and does not, on its own, have the meter drawn.
   */
  showMotion(intensity: number): void {
    const shown = this.theme.motion.reduced ? 0 : Math.round(intensity * TIP_STEPS) / TIP_STEPS;
    const { tip } = this.gauge;
    const alpha = 0.9 * shown;
    const visible = shown > 0.01;
    if (tip.alpha === alpha && tip.visible === visible) return;
    tip.alpha = alpha;
    tip.visible = visible;
    this.changed = true;
  }

  /**
   * Whether the fill's end, now `end` along the gauge (the meter's units), is to be moved there: once it is
   * a 64th of a screen pixel from where it was last moved to, which no edge shows. While a large goal
   * counts, the end moves by far less than a pixel a frame (¥20 of ¥20,000,000 is a millionth of the bar),
   * and a style that moved it at every frame would reshape and upload the fill for nothing. The move has
   * the meter drawn once the end is a quarter pixel from where it was drawn; a smaller one shows at the
   * next frame drawn anyway (the figures change 20 times a second while it counts, and it comes to rest).
   */
  protected moveFillEnd(end: number): boolean {
    if (Math.abs(end - this.fillEnd) < 1 / (FILL_STEPS_PER_PIXEL * this.pixelsPerUnit)) return false;
    this.fillEnd = end;
    const drawnAway = Number.isNaN(this.fillEndDrawn) || Math.abs(end - this.fillEndDrawn) >= 1 / (FILL_DRAWN_PER_PIXEL * this.pixelsPerUnit);
    if (drawnAway) this.changed = true;
    return true;
  }

  /** The first `count` markers (their milestones are reached) turn gold; the passed goal's is gold. */
  showReached(count: number): void {
    if (count === this.reachedShown) return;
    this.reachedShown = count;
    this.changed = true;
    this.markers.forEach((marker, index) => {
      marker.tint = index < count || index >= this.campaignMarks ? this.theme.colors.markerReached : this.theme.colors.marker;
    });
  }

  /**
   * The passed goal's own marker and banner, after the campaign's (index `campaignMarks`), or none: the marker
   * is built and baked here, only when the state names another passed goal (placeMarkers then places it with
   * the others), the banner at its celebration.
   */
  showPassedGoal(mark: { readonly markerLabel: string; readonly bannerLabel: string } | null): void {
    // A celebration of the goal passed before must not tween the parts about to be destroyed.
    if (this.celebratedIndex >= this.campaignMarks) this.celebration?.finish();
    this.changed = true;
    // The passed goal's marker, made here, is tinted at the next showReached.
    this.reachedShown = -1;
    this.bannerLabels.splice(this.campaignMarks);
    for (const baked of [...this.markers.splice(this.campaignMarks), ...this.banners.splice(this.campaignMarks)]) {
      if (!baked) continue;
      baked.cacheAsTexture(false);
      baked.destroy({ children: true });
    }
    if (!mark) return;
    // Under the banners made so far, as the campaign's markers are (a banner made later goes on top).
    const marker = bakeSmooth(this.marker(mark.markerLabel, this.pixelsPerUnit), this.pixelsPerUnit);
    const firstBanner = this.banners.find((banner) => banner !== undefined);
    this.markers.push(firstBanner ? this.root.addChildAt(marker, this.root.getChildIndex(firstBanner)) : this.root.addChild(marker));
    this.bannerLabels.push(mark.bannerLabel);
  }

  /** Places each milestone's marker along the gauge (ratio 0..1); one at or past the end is hidden. */
  placeMarkers(ratios: readonly number[]): void {
    this.changed = true;
    ratios.forEach((ratio, index) => {
      const marker = this.markers[index];
      if (!marker) return;
      this.moveMarker(marker, ratio);
      // On the pixel grid: a baked marker between two pixels would be resampled soft.
      marker.position.set(Math.round(marker.x * this.pixelsPerUnit) / this.pixelsPerUnit, Math.round(marker.y * this.pixelsPerUnit) / this.pixelsPerUnit);
      marker.visible = ratio < 1;
    });
    this.separateLabels();
  }

  /**
   * Hides the labels that would print over another (the passed goal's own is kept first). A marker is baked
   * with its label, so it is re-baked only when its label comes or goes: a few times in a roll, never at rest.
   */
  private separateLabels(): void {
    const spans = this.markers.map((marker) => ({ ...this.markerSpan(marker), visible: marker.visible }));
    const first = this.markers.length > this.campaignMarks ? this.campaignMarks : null;
    markerLabelsShown(spans, first, LABEL_GAP).forEach((shown, index) => {
      const marker = this.markers[index];
      const label = marker?.getChildByLabel(MARKER_LABEL);
      if (!marker || !label || label.visible === shown) return;
      label.visible = shown;
      marker.updateCacheTexture();
    });
  }

  /** A milestone was passed: see celebrationTimeline. A newer celebration replaces one still running. */
  celebrate(milestoneIndex: number): void {
    this.celebration?.finish();
    this.celebratedIndex = milestoneIndex;
    const below = this.theme.layout.meter.bannersBelow;
    this.celebration = celebrationTimeline(
      this.theme,
      {
        glow: this.glow,
        flash: this.gauge.flash,
        marker: this.markers[milestoneIndex]?.visible ? this.markers[milestoneIndex] : undefined,
        banner: this.bannerAt(milestoneIndex),
        bannerY: below ? this.size.height + BANNER_GAP : -BANNER_GAP - BANNER_HEIGHT,
        bannerFrom: below ? -1 : 1,
      },
      () => {
        // Its last frame is drawn: the glow, the flash and the banner are put away in it.
        this.celebration = null;
        this.changed = true;
      },
    );
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.celebration?.kill();
    this.celebration = null;
    for (const baked of [this.backdrop, ...this.markers, ...this.banners]) baked?.cacheAsTexture(false);
    this.root.destroy({ children: true });
    this.still.view.destroy({ children: true });
    this.resources.destroy();
  }

  /** Scale 1, or less to fit the amount's room (a very large campaign). */
  protected fitAmount(): void {
    this.amount.scale.set(1);
    if (this.amount.width > this.amountRoom) this.amount.scale.set(this.amountRoom / this.amount.width);
  }

  /** The note's text, in the style's size and place, before its first text is set. */
  protected abstract createNote(): Text;
  /** Fits the note to its room once its text has changed (visible only when it has any). */
  protected abstract placeNote(note: Text): void;

  /** A figure that changes every frame, '0' until set: sprites on a strip of just the figure characters. */
  protected figureText(fontSize: number, options: MeterViewOptions): FigureText {
    return new FigureText(this.resources.figureStrip(this.theme, fontSize, options.figureChars, options.resolution), '0');
  }

  /**
   * The markers, the banners' labels (each banner is made, above everything else, at its first celebration)
   * and the backdrop baked: the last of what a style's constructor does. The markers stay apart, over the
   * fill their notches cross: small, they cost little, and a texture of them all would blend the whole width
   * of the gauge.
   */
  protected addMilestones(options: MeterViewOptions): void {
    // Markers and banners are drawn shapes: each is baked smooth (see bakeSmooth).
    const { resolution } = options;
    this.pixelsPerUnit = resolution;
    this.campaignMarks = options.milestones.length;
    for (const milestone of options.milestones) this.markers.push(this.root.addChild(bakeSmooth(this.marker(milestone.markerLabel, resolution), resolution)));
    for (const milestone of options.milestones) this.bannerLabels.push(milestone.bannerLabel);
    // One texel per screen pixel (the resolution includes the meter's scale).
    bakeSmooth(this.backdrop, resolution);
  }

  /** Mark `index`'s banner (made now if it is not yet), or none for a mark the meter does not have. */
  private bannerAt(index: number): Container | undefined {
    const label = this.bannerLabels[index];
    if (label === undefined) return undefined;
    return (this.banners[index] ??= this.addBanner(label));
  }

  /** A celebration's banner, on top of everything, baked. */
  private addBanner(label: string): Container {
    const banner = this.root.addChild(milestoneBanner(this.theme, label, this.pixelsPerUnit, this.resources));
    // On the right of the frame a banner grows leftwards from the panel's right edge, staying inside.
    const { box } = this.theme.layout.meter;
    if (box.x + box.width / 2 > 960) banner.x = this.size.width - banner.width;
    return bakeSmooth(banner, this.pixelsPerUnit);
  }
}
