import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import { canvasOf } from './canvas.ts';
import type { GlyphMetrics } from './figure-layout.ts';

/** What the canvas errors name when it cannot draw. */
const PURPOSE = 'the counting figures';
/** Room around each glyph's ink, in stage units, for its antialiased edge and accents above the line. */
const PADDING = 4;
/**
 * The line box is measured on these, as pixi measures a Text's: figures then sit on the same lines as the
 * static texts beside them, whatever characters a language's money needs.
 */
const LINE_METRICS_TEXT = '|ÉqÅM';

export interface GlyphStripStyle {
  /** A CSS font-family stack, as the theme gives it. */
  readonly fontFamily: string;
  readonly fontWeight: number;
  /** In stage units. */
  readonly fontSize: number;
  /** Pixels per stage unit. */
  readonly resolution: number;
}

export interface Glyph extends GlyphMetrics {
  /** This glyph's frame of the strip: its ink with PADDING around it, from `top` above the line to as far below. */
  readonly texture: Texture;
}

/**
 * Every character a counting figure can show, drawn once, white, side by side on one canvas: one texture
 * source, one frame per glyph. A figure made of sprites on these frames changes by swapping frames of the
 * same source, which pixi updates in place, where a BitmapText rebuilds its render group's instructions at
 * every change. The characters come from the formatted money itself (digits, separators, currency signs
 * such as ¥, NT$, ₩ or ฿, compact units such as 万 or K), so whatever script the formatter writes is drawn.
 * Characters are taken by code point: money needs no combining marks.
 */
export class GlyphStrip {
  /** From the line's top to the baseline, and from the baseline to the line's bottom, in stage units. */
  readonly ascent: number;
  readonly descent: number;
  /** The size the glyphs are drawn at, in stage units. */
  readonly fontSize: number;
  /** How far every frame starts above the line's top. */
  readonly top = PADDING;
  /** A transparent frame of the same source, for the sprites a shorter figure leaves unused. */
  readonly blank: Texture;
  private readonly glyphs = new Map<string, Glyph>();
  private readonly source: CanvasSource;

  constructor(chars: string, style: GlyphStripStyle) {
    this.fontSize = style.fontSize;
    const unique = [...new Set(chars)].filter((char) => char.trim() !== '');
    const font = `${style.fontWeight} ${style.fontSize}px ${style.fontFamily}`;
    const probe = canvasOf(1, 1, 1, PURPOSE).context;
    probe.font = font;
    const line = probe.measureText(LINE_METRICS_TEXT);
    this.ascent = Math.ceil(line.actualBoundingBoxAscent);
    this.descent = Math.ceil(line.actualBoundingBoxDescent);
    const height = this.ascent + this.descent + 2 * PADDING;
    const measured = unique.map((char) => {
      const ink = probe.measureText(char);
      // Ink may reach past the pen on the left, or past the advance on the right: the frame holds it all.
      const left = Math.ceil(Math.max(0, ink.actualBoundingBoxLeft)) + PADDING;
      const width = left + Math.ceil(Math.max(ink.width, ink.actualBoundingBoxRight)) + PADDING;
      return { char, advance: ink.width, left, width };
    });
    const blankWidth = 1;
    const { canvas, context } = canvasOf(measured.reduce((sum, m) => sum + m.width, blankWidth), height, style.resolution, PURPOSE);
    context.font = font;
    context.fillStyle = '#ffffff';
    context.textBaseline = 'alphabetic';
    this.source = new CanvasSource({ resource: canvas, resolution: style.resolution });
    // Frames are in stage units; the source's resolution maps them to its pixels.
    const frame = (x: number, width: number) => new Texture({ source: this.source, frame: new Rectangle(x, 0, width, height) });
    this.blank = frame(0, blankWidth);
    let x = blankWidth;
    for (const { char, advance, left, width } of measured) {
      context.fillText(char, x + left, PADDING + this.ascent);
      this.glyphs.set(char, { texture: frame(x, width), advance, left });
      x += width;
    }
    this.source.update();
  }

  /** The glyph of `char`, or undefined when the strip was built without it. */
  glyph(char: string): Glyph | undefined {
    return this.glyphs.get(char);
  }

  destroy(): void {
    for (const glyph of this.glyphs.values()) glyph.texture.destroy(false);
    this.blank.destroy(false);
    this.source.destroy();
  }
}
