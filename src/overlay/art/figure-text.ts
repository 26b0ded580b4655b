import { Container, Sprite } from 'pixi.js';
import { layoutFigure } from './figure-layout.ts';
import type { GlyphStrip } from './glyph-strip.ts';

/**
 * A one-line figure that changes often (the counting amount, the percentage), as sprites on the frames of
 * one GlyphStrip. A change swaps frames and moves sprites: no texture upload, no geometry rebuilt, and no
 * rebuild of the render group's instructions, as long as the figure keeps within the sprites it has (it
 * grows them, once, when a longer figure comes). Unused sprites show the strip's blank frame instead of
 * being hidden, since hiding one is a change of structure.
 *
 * Sized like a line of text: `lineWidth` is the pen's travel, `lineHeight` ascent plus descent, and
 * `anchor` places that box around the position, as a BitmapText's anchor does.
 */
export class FigureText extends Container {
  readonly anchor = { x: 0, y: 0, set: (x: number, y = x) => ((this.anchor.x = x), (this.anchor.y = y), this.place()) };
  private readonly slots: Sprite[] = [];
  private current = '';
  private lineWidth = 0;

  constructor(
    private readonly strip: GlyphStrip,
    text = '',
  ) {
    super({ label: 'figure' });
    this.text = text;
  }

  get text(): string {
    return this.current;
  }

  set text(value: string) {
    if (value === this.current && this.slots.length > 0) return;
    this.current = value;
    this.place();
  }

  /** The strip's font size, in the figure's own units. */
  get fontSize(): number {
    return this.strip.fontSize;
  }

  get lineHeight(): number {
    return this.strip.ascent + this.strip.descent;
  }

  /** Below the baseline, in the figure's own units (scale it for the stage). */
  get descent(): number {
    return this.strip.descent;
  }

  override get width(): number {
    return this.lineWidth * Math.abs(this.scale.x);
  }

  override set width(value: number) {
    this.scale.x = this.lineWidth > 0 ? value / this.lineWidth : 1;
  }

  override get height(): number {
    return this.lineHeight * Math.abs(this.scale.y);
  }

  override set height(value: number) {
    this.scale.y = value / this.lineHeight;
  }

  private place(): void {
    const { glyphs, width } = layoutFigure(this.current, (char) => this.strip.glyph(char));
    this.lineWidth = width;
    while (this.slots.length < glyphs.length) this.slots.push(this.addChild(new Sprite(this.strip.blank)));
    const offsetX = -this.anchor.x * width;
    const offsetY = -this.anchor.y * this.lineHeight - this.strip.top;
    this.slots.forEach((slot, index) => {
      const placed = glyphs[index];
      slot.texture = placed ? this.strip.glyph(placed.char)!.texture : this.strip.blank;
      slot.position.set(offsetX + (placed?.x ?? 0), offsetY);
    });
  }
}
