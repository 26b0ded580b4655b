import { Container, Graphics, Mesh, type MeshGeometry, type Text } from 'pixi.js';
import { METER_SIZES } from '../../../theme/layout.ts';
import type { FigureText } from '../../art/figure-text.ts';
import type { MeterViewOptions } from './meter-view.ts';
import { MARKER_LABEL, MeterViewBase, type Gauge } from './meter-view-base.ts';
import { barFillGeometry, barFillTexture, barFlashTexture, setBarFillEnd } from './fill-art.ts';
import { fillLight, heartMark, meterNote, meterText } from './parts.ts';
import { fitLine } from './title-fit.ts';
import { batched } from '../../art/batched.ts';

/** Layout of the panel, in stage units from its top-left corner (the theme's scale applies on top). */
const LAYOUT = {
  width: METER_SIZES.bar.width,
  height: METER_SIZES.bar.height,
  padX: 40,
  titleY: 18,
  titleSize: 22,
  amountY: 42,
  amountSize: 84,
  percentSize: 50,
  /** The bar's centre line; its thickness comes from the theme. */
  barCentreY: 163,
  markerLabelSize: 20,
  /** `adjustments=split`: the note's size, and how much of the bottom of the amount's line it takes. */
  noteSize: 22,
  noteRoom: 33,
} as const;

/**
 * The donation meter as a horizontal bar: a panel in the theme's style with the campaign name, the goal,
 * the amount, the percentage, a fill bar with milestone markers, and a celebration (MeterViewBase). Built
 * once; animation only moves, tints and fades what exists (no Graphics redraw, no Text re-upload: the
 * changing figures are sprites on a glyph strip: FigureText).
 */
export class BarMeterView extends MeterViewBase {
  private readonly barWidth: number;
  private readonly barY: number;
  private readonly barHeight: number;
  private readonly barRadius: number;
  /** Pixels per stage unit: the fill's feathered edge is one of them wide. */
  private readonly resolution: number;
  /** The fill's shape, shared by the fill and its flash: reshaped as the meter fills. */
  private readonly fillShape: MeshGeometry = this.resources.ownGeometry(barFillGeometry());
  /** The amount's line at scale 1, from its top (LAYOUT.amountY) to its bottom. */
  private readonly amountHeight: number;
  private noteShown = false;
  protected readonly amount: FigureText;
  protected readonly percent: FigureText;
  /** The bar's width less room for "100%" (when the percentage shows). */
  protected readonly amountRoom: number;
  protected readonly goal: Text;
  protected readonly gauge: Gauge;

  constructor(options: MeterViewOptions) {
    const { theme, resolution } = options;
    super(theme, LAYOUT, theme.layout.scale);
    this.barWidth = LAYOUT.width - LAYOUT.padX * 2;
    this.barHeight = theme.bar.thickness;
    this.barRadius = Math.min(theme.bar.radius, this.barHeight / 2);
    this.resolution = resolution;
    this.barY = Math.round(LAYOUT.barCentreY - this.barHeight / 2);

    const colors = theme.colors;
    this.backdrop.addChild(heartMark(colors.accent, LAYOUT.padX + 10, LAYOUT.titleY + LAYOUT.titleSize * 0.74, 21));
    const title = this.backdrop.addChild(
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
    this.goal = this.backdrop.addChild(
      meterText(theme, options.goalLabel, {
        x: LAYOUT.width - LAYOUT.padX,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: theme.weights.regular,
        color: colors.textMuted,
        anchorX: 1,
        resolution,
      }),
    );

    fitLine(title, LAYOUT.width - LAYOUT.padX * 2 - 32 - this.goal.width - 20);
    this.amount = this.figureText(LAYOUT.amountSize, options);
    this.percent = this.figureText(LAYOUT.percentSize, options);
    this.amount.tint = colors.text;
    // Anchored at the bottom of its line, the amount shrinks (if it ever must) toward its baseline.
    this.amountHeight = this.amount.height;
    const amountBottom = LAYOUT.amountY + this.amountHeight;
    this.amount.anchor.set(0, 1);
    this.amount.position.set(LAYOUT.padX - 3, amountBottom);
    // The percent stands on the amount's baseline, right-aligned.
    this.percent.anchor.set(1, 1);
    this.percent.tint = colors.markerReached;
    this.percent.position.set(LAYOUT.width - LAYOUT.padX, amountBottom - (this.amount.descent - this.percent.descent));
    this.percent.visible = theme.numbers.percent;
    this.root.addChild(this.amount, this.percent);
    this.percent.text = '100%';
    this.amountRoom = theme.numbers.percent ? this.barWidth - this.percent.width - 24 : this.barWidth;

    this.gauge = this.bar(resolution);
    this.root.addChild(this.gauge.container);
    this.addMilestones(options);
  }

  /** Moves the fill's rounded end (and its spot of light) to `ratio` of the bar: a few vertices, never a redraw. */
  showFill(ratio: number): void {
    const end = this.barWidth * ratio;
    if (!this.moveFillEnd(end)) return;
    setBarFillEnd(this.fillShape, end, this.barWidth, this.barHeight, this.barRadius, this.resolution);
    this.gauge.tip.x = end;
  }

  /** The note under the amount, left-aligned with it, raised off its line's bottom to keep clear of the bar. */
  protected createNote(): Text {
    const note = meterNote(this.theme, { x: this.amount.x, y: LAYOUT.amountY + this.amountHeight - Math.round(LAYOUT.noteSize * 0.3), size: LAYOUT.noteSize, resolution: this.resolution });
    note.anchor.set(0, 1);
    return note;
  }

  /** One line in the amount's room: condensed, then shrunk, if it must. */
  protected placeNote(note: Text): void {
    this.noteShown = note.visible;
    note.scale.set(1);
    fitLine(note, this.amountRoom);
  }

  /** With a note, the amount gives the bottom of its line to it and shrinks toward its top, which stays put. */
  protected override fitAmount(): void {
    super.fitAmount();
    if (!this.noteShown) {
      this.amount.y = LAYOUT.amountY + this.amountHeight;
      return;
    }
    const tall = (this.amountHeight - LAYOUT.noteRoom) / this.amountHeight;
    if (this.amount.scale.x > tall) this.amount.scale.set(tall);
    this.amount.y = LAYOUT.amountY + this.amount.height;
  }

  /** Along the bar, left to right. */
  protected moveMarker(marker: Container, ratio: number): void {
    marker.x = LAYOUT.padX + this.barWidth * ratio;
  }

  protected markerSpan(marker: Container): { at: number; span: number } {
    return { at: marker.x, span: marker.getChildByLabel(MARKER_LABEL)?.width ?? 0 };
  }

  /**
   * Track (in the backdrop: it stands still, and the figures above never reach down to it), the baked
   * gradient fill shown through a rounded mesh that ends where the meter stands (no mask: see fill-art.ts),
   * a flash of the same shape for celebrations, and the spot at the end.
   */
  private bar(resolution: number): Gauge {
    const { colors } = this.theme;
    const h = this.barHeight;
    const r = this.barRadius;
    const w = this.barWidth;
    const container = new Container({ x: LAYOUT.padX, y: this.barY });
    const track = batched(
      new Graphics({ x: LAYOUT.padX, y: this.barY })
        .roundRect(0, 0, w, h, r)
        .fill({ color: colors.track, alpha: colors.trackAlpha })
        .roundRect(0, 0, w, h, r)
        .stroke({ color: colors.text, alpha: 0.08, width: 1, alignment: 0 }),
    );
    const texture = this.resources.own(barFillTexture(w, h, r, colors.fillStops, resolution));
    const fill = new Mesh({ geometry: this.fillShape, texture });
    const flash = new Mesh({ geometry: this.fillShape, texture: this.resources.own(barFlashTexture(h, resolution)) });
    flash.tint = 0xfff6dc;
    flash.alpha = 0;
    flash.visible = false;
    setBarFillEnd(this.fillShape, 0, w, h, r, resolution);
    const tip = fillLight(this.resources, h * 2.1);
    tip.y = h / 2;
    this.backdrop.addChild(track);
    container.addChild(fill, flash, tip);
    return { container, flash, tip };
  }

  /** A notch through the bar and a label under it; the container is tinted gold once reached. */
  protected marker(labelText: string, resolution: number): Container {
    const container = new Container({ x: LAYOUT.padX, y: this.barY, visible: false });
    const notch = new Graphics().roundRect(-1.5, -6, 3, this.barHeight + 12, 1.5).fill(0xffffff);
    const label = meterText(this.theme, labelText, {
      x: 0,
      y: this.barHeight + 8,
      size: LAYOUT.markerLabelSize,
      weight: this.theme.weights.regular,
      color: 0xffffff,
      anchorX: 0.5,
      resolution,
    });
    label.label = MARKER_LABEL;
    container.addChild(notch, label);
    return container;
  }
}
