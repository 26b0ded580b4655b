import { Container, NineSliceSprite, type Text, type Texture } from 'pixi.js';
import { FigureText } from '../../art/figure-text.ts';
import type { GlyphStrip } from '../../art/glyph-strip.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import { meterText } from '../donation-meter/parts.ts';

export interface RowStyle {
  readonly width: number;
  readonly height: number;
  readonly nameSize: number;
  /** bars: a bar under the name, the amount on the name's line; map: the amount on a line of its own. */
  readonly bar: boolean;
}

/**
 * One region's row: name, share and amount, on a plate lit when the region is on stage. The name is a
 * static text; share and amount are sprites on glyph strips, so counting swaps frames and uploads nothing.
 */
export class BoardRow {
  readonly container = new Container({ label: 'board-row' });
  private readonly plate: NineSliceSprite;
  private readonly name: Text;
  private readonly share: FigureText;
  private readonly amount: FigureText;
  private readonly fill: NineSliceSprite | null = null;
  private readonly barWidth: number;

  constructor(
    private readonly theme: Theme,
    name: string,
    private readonly style: RowStyle,
    strips: { amount: GlyphStrip; share: GlyphStrip },
    plates: { row: Texture; bar: Texture },
    resolution: number,
  ) {
    const { colors } = theme;
    this.plate = new NineSliceSprite({ texture: plates.row, leftWidth: 8, rightWidth: 8, topHeight: 8, bottomHeight: 8, width: style.width, height: style.height - 4 });
    this.plate.tint = colors.accent;
    this.plate.alpha = 0;
    this.name = meterText(theme, name, { x: 12, y: 6, size: style.nameSize, weight: theme.weights.heavy, color: colors.text, resolution });
    this.share = new FigureText(strips.share, '0%');
    this.share.tint = colors.textMuted;
    this.amount = new FigureText(strips.amount, '');
    this.amount.tint = colors.text;
    this.barWidth = style.width - 24;
    if (style.bar) {
      this.amount.anchor.set(1, 0);
      this.amount.position.set(style.width - 12, 6);
      this.share.anchor.set(0, 0);
      const track = new NineSliceSprite({ texture: plates.bar, leftWidth: 3, rightWidth: 3, topHeight: 3, bottomHeight: 3, width: this.barWidth, height: 7 });
      track.position.set(12, style.height - 15);
      track.tint = colors.track;
      track.alpha = colors.trackAlpha;
      this.fill = new NineSliceSprite({ texture: plates.bar, leftWidth: 3, rightWidth: 3, topHeight: 3, bottomHeight: 3, width: 7, height: 7 });
      this.fill.position.set(12, style.height - 15);
      this.fill.tint = colors.accent;
      this.container.addChild(this.plate, track, this.fill, this.name, this.share, this.amount);
    } else {
      this.amount.anchor.set(0, 0);
      this.amount.position.set(12, style.nameSize + 12);
      this.share.anchor.set(1, 0);
      this.share.position.set(style.width - 12, 8);
      this.container.addChild(this.plate, this.name, this.share, this.amount);
    }
    this.placeShare();
  }

  show(amountText: string, sharePercent: number, ratioOfLeader: number): void {
    this.amount.text = amountText;
    this.share.text = `${sharePercent}%`;
    if (this.fill) this.fill.width = Math.max(7, Math.round(this.barWidth * Math.min(1, ratioOfLeader)));
    this.placeShare();
  }

  /** The region on stage: the plate glows in the accent, the name in the celebration colour. */
  highlight(on: boolean): void {
    this.plate.alpha = on ? 0.28 : 0;
    this.name.tint = on ? this.theme.colors.celebration : this.theme.colors.text;
    if (this.fill) this.fill.tint = on ? this.theme.colors.celebration : this.theme.colors.accent;
  }

  get amountText(): string {
    return this.amount.text;
  }

  get shareText(): string {
    return this.share.text;
  }

  /** In the bar layout the share follows the name on its line; in the map layout it sits at the right. */
  private placeShare(): void {
    if (!this.style.bar) return;
    const nameEnd = this.name.x + this.name.width + 10;
    this.share.position.set(nameEnd, 6 + (this.style.nameSize - this.share.height) * 0.6);
  }
}
