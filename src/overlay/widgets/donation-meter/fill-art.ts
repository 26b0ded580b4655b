import { CanvasSource, MeshGeometry, Texture } from 'pixi.js';
import { canvasOf, cssRgba } from '../../art/canvas.ts';
import type { Rect } from '../../../theme/rect.ts';

/**
 * The meter's fill without a mask. A stencil mask that slides every frame costs a stencil pass and a
 * render-instruction rebuild per frame in a software renderer; instead the fill is baked once by the
 * canvas and shown through a texture frame (thermometer) or a rounded-rect mesh whose vertices move (bar).
 */

/** What the canvas errors name when it cannot draw. */
const PURPOSE = 'the meter fill';
/** Segments per rounded corner of the bar's fill: smooth at any bar thickness a theme picks. */
const CORNER_SEGMENTS = 8;

/** A texture of `resolution` pixels per stage unit, so a Sprite or mesh shows it at its size in stage units. */
export function bakedTexture(canvas: HTMLCanvasElement, resolution: number): Texture {
  return new Texture({ source: new CanvasSource({ resource: canvas, resolution }) });
}

/** Evenly spaced stops, as linearGradient (art/gradient.ts) spaces them, on a canvas gradient. */
function addStops(gradient: CanvasGradient, stops: readonly number[]): CanvasGradient {
  stops.forEach((color, index) => gradient.addColorStop(index / Math.max(1, stops.length - 1), cssRgba(color, 1)));
  return gradient;
}

/**
 * The bar's fill as a plain rectangle, `width` x `height`: the gradient left to right and the sheen along
 * its top. The mesh that shows it (barFillGeometry) gives it its rounded ends.
 */
export function barFillTexture(width: number, height: number, radius: number, stops: readonly number[], resolution: number): Texture {
  const { canvas, context } = canvasOf(width, height, resolution, PURPOSE);
  context.fillStyle = addStops(context.createLinearGradient(0, 0, width, 0), stops);
  context.fillRect(0, 0, width, height);
  const inset = Math.max(radius * 0.6, 3);
  context.fillStyle = 'rgba(255,255,255,0.22)';
  context.beginPath();
  context.roundRect(inset, 2, width - 2 * inset, height * 0.36, height * 0.18);
  context.fill();
  return bakedTexture(canvas, resolution);
}

/**
 * A rounded rectangle from x 0 to a moving end, `height` tall, as a fixed-size convex polygon (a triangle
 * fan): setBarFillEnd moves its vertices, so the shape changes without a redraw or an instruction rebuild.
 * Its uvs map x 0..`fullWidth` onto the whole fill texture, so the gradient stays where it was.
 */
export function barFillGeometry(): MeshGeometry {
  const count = 4 * (CORNER_SEGMENTS + 1);
  const indices = new Uint32Array(3 * (count - 2));
  for (let i = 0; i < count - 2; i++) indices.set([0, i + 1, i + 2], 3 * i);
  return new MeshGeometry({ positions: new Float32Array(2 * count), uvs: new Float32Array(2 * count), indices });
}

/** Shapes `geometry` (barFillGeometry) into the fill from 0 to `end`, ends rounded by `radius` (less when short). */
export function setBarFillEnd(geometry: MeshGeometry, end: number, fullWidth: number, height: number, radius: number): void {
  const positions = geometry.positions;
  const uvs = geometry.uvs;
  const rx = Math.min(radius, Math.max(0, end) / 2);
  // Corner centres clockwise from the top right, each with the quarter turn it sweeps (y grows downward).
  const corners = [
    { cx: end - rx, cy: radius, from: -Math.PI / 2 },
    { cx: end - rx, cy: height - radius, from: 0 },
    { cx: rx, cy: height - radius, from: Math.PI / 2 },
    { cx: rx, cy: radius, from: Math.PI },
  ];
  let v = 0;
  for (const { cx, cy, from } of corners) {
    for (let s = 0; s <= CORNER_SEGMENTS; s++) {
      const angle = from + (s / CORNER_SEGMENTS) * (Math.PI / 2);
      const x = cx + Math.cos(angle) * rx;
      const y = cy + Math.sin(angle) * radius;
      positions[2 * v] = x;
      positions[2 * v + 1] = y;
      uvs[2 * v] = x / fullWidth;
      uvs[2 * v + 1] = y / height;
      v++;
    }
  }
  geometry.getBuffer('aPosition').update();
  geometry.getBuffer('aUV').update();
}


/**
 * A canvas of `box` (stage units) drawn with `draw` in the meter's coordinates, baked to a texture: the
 * thermometer's liquid and flash, shown from a level down by narrowing the texture's frame (cropTop).
 */
export function bakedBox(box: Rect, resolution: number, draw: (context: CanvasRenderingContext2D) => void): Texture {
  const { canvas, context } = canvasOf(box.width, box.height, resolution, PURPOSE);
  context.translate(-box.x, -box.y);
  draw(context);
  return bakedTexture(canvas, resolution);
}

/** A vertical gradient of evenly spaced `stops`, the first at the bottom (`bottom` to `top`, stage units). */
export function upwardGradient(context: CanvasRenderingContext2D, bottom: number, top: number, stops: readonly number[]): CanvasGradient {
  return addStops(context.createLinearGradient(0, bottom, 0, top), stops);
}

/** Shows `texture` (baked from `box`) from stage y `level` down: the frame is narrowed, nothing redrawn. */
export function cropTop(texture: Texture, box: Rect, level: number): number {
  const cut = Math.min(box.height, Math.max(0, level - box.y));
  texture.frame.y = cut;
  texture.frame.height = box.height - cut;
  texture.update();
  return box.y + cut;
}
