import { Texture } from 'pixi.js';
import { canvasOf, cssRgba } from '../../art/canvas.ts';

/** What the canvas errors name when it cannot draw. */
const PURPOSE = 'the meter artwork';

export interface SoftShape {
  readonly texture: Texture;
  /** How far the texture reaches beyond the shape on each side, in stage units. */
  readonly margin: number;
}

/**
 * The blurred silhouette of a rounded rectangle, without the rectangle itself: a drop shadow or a glow,
 * drawn once by the canvas (blur on the GPU every frame would cost far more in a software renderer).
 * The shape is drawn off-canvas and only its shadow is offset into view.
 */
export function softRoundedRect(width: number, height: number, radius: number, blur: number, color: number, alpha: number, resolution: number): SoftShape {
  const margin = Math.ceil(blur * 2);
  const { canvas, context } = canvasOf(width + margin * 2, height + margin * 2, resolution, PURPOSE);
  const away = 10_000;
  context.shadowColor = cssRgba(color, alpha);
  context.shadowBlur = blur * resolution;
  context.shadowOffsetX = away * resolution;
  context.fillStyle = cssRgba(color, 1);
  context.beginPath();
  context.roundRect(margin - away, margin, width, height, radius);
  context.fill();
  return { texture: Texture.from(canvas), margin };
}

/** A round spot of light, white at the centre and fading to nothing: tinted, it is the fill's leading edge. */
export function lightSpot(diameter: number, resolution: number): Texture {
  const { canvas, context } = canvasOf(diameter, diameter, resolution, PURPOSE);
  const r = diameter / 2;
  const gradient = context.createRadialGradient(r, r, 0, r, r, r);
  gradient.addColorStop(0, 'rgba(255,255,255,1)');
  gradient.addColorStop(0.25, 'rgba(255,255,255,0.55)');
  gradient.addColorStop(1, 'rgba(255,255,255,0)');
  context.fillStyle = gradient;
  context.fillRect(0, 0, diameter, diameter);
  return Texture.from(canvas);
}
