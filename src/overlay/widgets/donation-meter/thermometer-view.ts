import { Container, Graphics, Sprite, Texture, type Text } from 'pixi.js';
import { METER_SIZES } from '../../../theme/layout.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import type { FigureText } from '../../art/figure-text.ts';
import type { MeterViewOptions } from './meter-view.ts';
import { MARKER_LABEL, MeterViewBase, type Gauge } from './meter-view-base.ts';
import { bakedBox, cropTop, upwardGradient } from './fill-art.ts';
import { fillLight, heartMark, meterNote, meterText } from './parts.ts';
import { fitHeight, fitWrapped, type WrapFit } from './title-fit.ts';
import type { Rect } from '../../../theme/rect.ts';
import { batched } from '../../art/batched.ts';

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
  /**
   * `adjustments=split`: the note's row under the amount, up to three lines at 22 (20 at the least: 13 px
   * at 720p), and the space under it; the percentage, the goal and the tube's top move down by the row.
   */
  noteY: 168,
  noteSize: 22,
  noteMinSize: 20,
  noteMaxLines: 3,
  noteGap: 10,
} as const;

/** Width inside the panel's side padding: the title and the note wrap in it, the amount is narrowed to it. */
const INNER_WIDTH = LAYOUT.width - 2 * LAYOUT.padX;

/** The note's lines and size in the panel: wrapped in the inner width, never in more than noteMaxLines. */
function noteFit(lines: number): WrapFit {
  return { width: INNER_WIDTH, lines, size: LAYOUT.noteSize, minSize: LAYOUT.noteMinSize };
}

/** Where the rows under the amount stand: lower by the note's row (`adjustments=split`), if any. */
function thermometerRows(noteRowHeight: number): { percentY: number; goalY: number; tubeTop: number } {
  return { percentY: LAYOUT.percentY + noteRowHeight, goalY: LAYOUT.goalY + noteRowHeight, tubeTop: LAYOUT.tubeTop + noteRowHeight };
}

/** `adjustments=split`: the note's label and its row, as many lines as its sample takes (1 to noteMaxLines). */
interface NoteRow {
  readonly label: Text;
  readonly lines: number;
  /** The row's height without the gap under it. */
  readonly height: number;
}

/**
 * The donation meter as a thermometer: a tall panel (the `meterStyle=thermometer` URL parameter), the
 * campaign name, amount, percentage and goal on top, and a tube that fills upward from a full bulb, with
 * milestone ticks and labels beside it. Like the bar (MeterViewBase), built once and only moved, tinted
 * and faded.
 */
export class ThermometerView extends MeterViewBase {
  private readonly noteRow: NoteRow | null;
  private readonly rows: ReturnType<typeof thermometerRows>;
  private readonly tubeWidth: number;
  private readonly bulbRadius: number;
  /** Where the liquid stands at 0% (the top of the bulb, which is always full) and 100% (the tube's top). */
  private readonly zeroY: number;
  private readonly tubeLength: number;
  /** Where the liquid and its flash are baked: the tube and the bulb, stage units. */
  private readonly liquidBox: Rect;
  /** The liquid and the flash over it, each cropped at the level (a texture frame, no mask). */
  private readonly liquid: { readonly sprite: Sprite; readonly texture: Texture }[] = [];
  protected readonly amount: FigureText;
  protected readonly percent: FigureText;
  protected readonly amountRoom = INNER_WIDTH;
  protected readonly goal: Text;
  protected readonly gauge: Gauge;

  constructor(options: MeterViewOptions) {
    const { theme, resolution } = options;
    // A tall meter scaled past the safe height is shrunk to fit it (layout.ts caps the box's height).
    super(theme, LAYOUT, theme.layout.meter.box.height / LAYOUT.height);
    this.noteRow = options.noteSample === null ? null : noteRow(theme, options.noteSample, resolution);
    this.rows = thermometerRows(this.noteRow ? this.noteRow.height + LAYOUT.noteGap : 0);
    this.tubeWidth = Math.min(32, Math.max(20, theme.bar.thickness));
    this.bulbRadius = Math.round(this.tubeWidth * 1.05);
    this.zeroY = LAYOUT.bulbY - this.bulbRadius;
    this.tubeLength = this.zeroY - this.rows.tubeTop;
    this.liquidBox = {
      x: LAYOUT.tubeX - this.bulbRadius - 1,
      y: this.rows.tubeTop - 1,
      width: 2 * this.bulbRadius + 2,
      height: LAYOUT.bulbY + this.bulbRadius - this.rows.tubeTop + 2,
    };

    const { colors, weights } = theme;
    const centre = LAYOUT.width / 2;
    this.backdrop.addChild(heartMark(colors.accent, centre, LAYOUT.heartY, 20));
    const title = this.backdrop.addChild(
      meterText(theme, options.title, {
        x: centre,
        y: LAYOUT.titleY,
        size: LAYOUT.titleSize,
        weight: weights.heavy,
        color: colors.label,
        letterSpacing: Math.min(theme.labels.letterSpacing, 1),
        anchorX: 0.5,
        wrapWidth: INNER_WIDTH,
        resolution,
      }),
    );

    fitHeight(title, LAYOUT.amountY - LAYOUT.titleY - 6);
    this.amount = this.figureText(LAYOUT.amountSize, options);
    this.amount.anchor.set(0.5, 0);
    this.amount.position.set(centre, LAYOUT.amountY);
    this.amount.tint = colors.text;
    this.percent = this.figureText(LAYOUT.percentSize, options);
    this.percent.anchor.set(0.5, 0);
    this.percent.position.set(centre, this.rows.percentY);
    this.percent.tint = colors.markerReached;
    this.percent.visible = theme.numbers.percent;
    this.goal = meterText(theme, options.goalLabel, {
      x: centre,
      y: theme.numbers.percent ? this.rows.goalY : this.rows.percentY + 6,
      size: LAYOUT.goalSize,
      weight: weights.regular,
      color: colors.textMuted,
      anchorX: 0.5,
      resolution,
    });
    // The goal stands still below the figures: baked in the backdrop (it never overlaps them).
    this.backdrop.addChild(this.goal);
    this.root.addChild(this.amount, this.percent);

    this.gauge = this.tube(resolution);
    this.root.addChild(this.gauge.container);
    this.addMilestones(options);
  }

  /** Raises the liquid (and its light) to `ratio` of the tube: its texture's frame grows, nothing is redrawn. */
  showFill(ratio: number): void {
    const rise = this.tubeLength * ratio;
    if (!this.moveFillEnd(rise)) return;
    for (const { sprite, texture } of this.liquid) sprite.y = cropTop(texture, this.liquidBox, this.rows.tubeTop + this.tubeLength - rise);
    this.gauge.tip.y = this.zeroY - rise;
  }

  /** The note's label, sized with the row (see noteRow). */
  protected createNote(): Text {
    if (!this.noteRow) throw new Error('the thermometer has a note row only with adjustments=split');
    return this.noteRow.label;
  }

  /** Wrapped at word breaks in its row's lines (see fitWrapped), and centred in it when it takes fewer. */
  protected placeNote(note: Text): void {
    const row = this.noteRow!;
    fitWrapped(note, noteFit(row.lines));
    note.y = LAYOUT.noteY + Math.max(0, (row.height - note.height) / 2);
  }

  /** Up the tube, from the top of the bulb. */
  protected moveMarker(marker: Container, ratio: number): void {
    marker.y = this.zeroY - this.tubeLength * ratio;
  }

  /** Labels sit beside the tube: along it, each takes its line's height. */
  protected markerSpan(marker: Container): { at: number; span: number } {
    return { at: -marker.y, span: LAYOUT.markerLabelSize };
  }

  /**
   * The tube and its bulb: the glass (track) and the always-full bulb in the backdrop, the liquid (a
   * gradient, bulb colour at the foot) baked once and shown from the level down (its texture's frame, no
   * mask), a flash for celebrations likewise, and the light at the liquid's top.
   */
  private tube(resolution: number): Gauge {
    const { colors } = this.theme;
    const w = this.tubeWidth;
    const r = Math.min(this.theme.bar.radius, w / 2);
    const bulbRadius = this.bulbRadius;
    const x = LAYOUT.tubeX - w / 2;
    const top = this.rows.tubeTop;
    // The glass: the tube down into the bulb.
    const glassShape = <T extends Graphics | CanvasRenderingContext2D>(g: T): T => {
      g.roundRect(x, top, w, LAYOUT.bulbY - top, r);
      if (g instanceof Graphics) g.circle(LAYOUT.tubeX, LAYOUT.bulbY, bulbRadius);
      else {
        g.moveTo(LAYOUT.tubeX + bulbRadius, LAYOUT.bulbY);
        g.arc(LAYOUT.tubeX, LAYOUT.bulbY, bulbRadius, 0, 2 * Math.PI);
      }
      return g;
    };
    const container = new Container();
    const glass = glassShape(batched(new Graphics())).fill({ color: colors.track, alpha: colors.trackAlpha });
    glassShape(glass).stroke({ color: colors.text, alpha: 0.1, width: 1.5, alignment: 0 });
    // The liquid: a full bulb in the first fill colour, and the tube's gradient rising from it.
    const [bottomColor = colors.accent] = colors.fillStops;
    const bulb = batched(new Graphics()).circle(LAYOUT.tubeX, LAYOUT.bulbY, bulbRadius - 3).fill(bottomColor);
    const column = this.resources.own(
      bakedBox(this.liquidBox, resolution, (context) => {
        context.fillStyle = upwardGradient(context, LAYOUT.bulbY, top + 3, colors.fillStops);
        context.beginPath();
        context.roundRect(x + 3, top + 3, w - 6, LAYOUT.bulbY - top - 3, Math.max(0, r - 3));
        context.fill();
        context.fillStyle = 'rgba(255,255,255,0.25)';
        context.beginPath();
        context.roundRect(x + w * 0.28, top + 6, w * 0.16, LAYOUT.bulbY - top - bulbRadius - 6, w * 0.08);
        context.fill();
      }),
    );
    const glassArt = this.resources.own(
      bakedBox(this.liquidBox, resolution, (context) => {
        context.fillStyle = '#ffffff';
        context.beginPath();
        glassShape(context);
        context.fill();
      }),
    );
    const [liquid, flash] = [column, glassArt].map((texture) => {
      const sprite = new Sprite({ texture, x: this.liquidBox.x });
      this.liquid.push({ sprite, texture });
      return sprite;
    }) as [Sprite, Sprite];
    flash.tint = 0xfff6dc;
    flash.alpha = 0;
    flash.visible = false;
    const tip = fillLight(this.resources, w * 2.1);
    tip.x = LAYOUT.tubeX;
    this.backdrop.addChild(glass, bulb);
    container.addChild(liquid, flash, tip);
    return { container, flash, tip };
  }

  /** A tick across the tube and its label to the right; tinted gold once reached. */
  protected marker(labelText: string, resolution: number): Container {
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
    label.label = MARKER_LABEL;
    container.addChild(tick, label);
    return container;
  }
}

/** The note's label and its row, as tall as `sample` needs: the layout is fixed once, the note's text changes. */
function noteRow(theme: Theme, sample: string, resolution: number): NoteRow {
  const label = meterNote(theme, { x: LAYOUT.width / 2, y: LAYOUT.noteY, size: LAYOUT.noteSize, anchorX: 0.5, wrapWidth: INNER_WIDTH, resolution });
  label.text = sample;
  const lines = fitWrapped(label, noteFit(LAYOUT.noteMaxLines));
  const row = { label, lines: Math.min(lines, LAYOUT.noteMaxLines), height: Math.ceil(label.height) };
  label.text = '';
  return row;
}
