import { CanvasSource, MeshGeometry, Texture } from 'pixi.js';
import { canvasOf, cssRgba } from '../../art/canvas.ts';
import type { Rect } from '../../../theme/rect.ts';
import { batched } from '../../art/batched.ts';

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
 * The bar's fill is drawn without MSAA (it would halve a software-rendered canvas), so its outline is
 * feathered by hand: a ring one screen pixel wide around the shape, whose inner vertices sample an opaque
 * row below the fill's art and whose outer vertices sample a transparent row under that. Across the ring
 * the texture's linear filtering fades the edge from opaque to clear, as antialiasing would.
 */
interface FillRows {
  /** The texture's height in pixels: the art, then one opaque and one clear edge row. */
  readonly pixelHeight: number;
  /** Pixels per stage unit (one screen pixel is 1 / resolution stage units). */
  readonly resolution: number;
  /** v of a point `y` stage units down the art. */
  artV(y: number): number;
  readonly opaqueEdgeV: number;
  readonly clearEdgeV: number;
}

function fillRows(height: number, resolution: number): FillRows {
  const artPixels = Math.ceil(height * resolution);
  const pixelHeight = artPixels + 2;
  return {
    pixelHeight,
    resolution,
    artV: (y) => (y * resolution) / pixelHeight,
    opaqueEdgeV: (artPixels + 0.5) / pixelHeight,
    clearEdgeV: (artPixels + 1.5) / pixelHeight,
  };
}

/** A canvas of the fill's art `width` x `height` (stage units) with the two edge rows under it. */
function fillCanvas(width: number, height: number, resolution: number, draw: (context: CanvasRenderingContext2D) => void): Texture {
  const rows = fillRows(height, resolution);
  const { canvas, context } = canvasOf(width, rows.pixelHeight / resolution, resolution, PURPOSE);
  canvas.height = rows.pixelHeight; // exactly the art and two rows, whatever rounding canvasOf did
  context.scale(resolution, resolution);
  draw(context);
  // The opaque edge row: the art's middle line, so the edge has the colour of the fill beside it.
  context.setTransform(1, 0, 0, 1, 0, 0);
  const artPixels = rows.pixelHeight - 2;
  context.clearRect(0, artPixels, canvas.width, 2);
  context.drawImage(canvas, 0, Math.floor(artPixels / 2), canvas.width, 1, 0, artPixels, canvas.width, 1);
  return bakedTexture(canvas, resolution);
}

/**
 * The bar's fill as a plain rectangle, `width` x `height`: the gradient left to right and the sheen along
 * its top. The mesh that shows it (barFillGeometry) gives it its rounded, feathered ends.
 */
export function barFillTexture(width: number, height: number, radius: number, stops: readonly number[], resolution: number): Texture {
  return fillCanvas(width, height, resolution, (context) => {
    context.fillStyle = addStops(context.createLinearGradient(0, 0, width, 0), stops);
    context.fillRect(0, 0, width, height);
    const inset = Math.max(radius * 0.6, 3);
    context.fillStyle = 'rgba(255,255,255,0.22)';
    context.beginPath();
    context.roundRect(inset, 2, width - 2 * inset, height * 0.36, height * 0.18);
    context.fill();
  });
}

/** White in the fill's shape, feathered alike: the celebration's flash over the fill (tinted). */
export function barFlashTexture(height: number, resolution: number): Texture {
  return fillCanvas(1, height, resolution, (context) => {
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 1, height);
  });
}

const OUTLINE = 4 * (CORNER_SEGMENTS + 1);

/**
 * A rounded rectangle from x 0 to a moving end, `height` tall, as a fixed-size convex polygon (a triangle
 * fan) inside a feathered ring: setBarFillEnd moves the vertices, so the shape changes without a redraw or
 * an instruction rebuild. Its uvs map x 0..`fullWidth` onto the whole fill, so the gradient stays put.
 * Vertices: the polygon, then the ring's inner edge (the polygon again), then its outer edge.
 */
export function barFillGeometry(): MeshGeometry {
  const fan = OUTLINE - 2;
  const indices = new Uint32Array(3 * fan + 6 * OUTLINE);
  for (let i = 0; i < fan; i++) indices.set([0, i + 1, i + 2], 3 * i);
  for (let i = 0; i < OUTLINE; i++) {
    const next = (i + 1) % OUTLINE;
    const inner = OUTLINE + i;
    const innerNext = OUTLINE + next;
    const outer = 2 * OUTLINE + i;
    const outerNext = 2 * OUTLINE + next;
    indices.set([inner, outer, outerNext, inner, outerNext, innerNext], 3 * fan + 6 * i);
  }
  return batched(new MeshGeometry({ positions: new Float32Array(6 * OUTLINE), uvs: new Float32Array(6 * OUTLINE), indices }));
}

/**
 * Shapes `geometry` (barFillGeometry) into the fill from 0 to `end`, ends rounded by `radius` (less when
 * short), feathered over one screen pixel at `resolution` (barFillTexture's, whose edge rows it samples).
 */
export function setBarFillEnd(geometry: MeshGeometry, end: number, fullWidth: number, height: number, radius: number, resolution: number): void {
  const rows = fillRows(height, resolution);
  const positions = geometry.positions;
  const uvs = geometry.uvs;
  const rx = Math.min(radius, Math.max(0, end) / 2);
  // Half a pixel in and half out of the true outline; none at all for an empty fill, so nothing shows.
  const half = Math.min(0.5 / resolution, Math.max(0, end) / 2);
  // Corner centres clockwise from the top right, each with the quarter turn it sweeps (y grows downward).
  const corners = [
    { cx: end - rx, cy: radius, from: -Math.PI / 2 },
    { cx: end - rx, cy: height - radius, from: 0 },
    { cx: rx, cy: height - radius, from: Math.PI / 2 },
    { cx: rx, cy: radius, from: Math.PI },
  ];
  const put = (index: number, x: number, y: number, v: number) => {
    positions[2 * index] = x;
    positions[2 * index + 1] = y;
    uvs[2 * index] = Math.min(1, Math.max(0, x / fullWidth));
    uvs[2 * index + 1] = v;
  };
  let i = 0;
  for (const { cx, cy, from } of corners) {
    for (let s = 0; s <= CORNER_SEGMENTS; s++) {
      const angle = from + (s / CORNER_SEGMENTS) * (Math.PI / 2);
      const nx = Math.cos(angle);
      const ny = Math.sin(angle);
      const x = cx + nx * rx;
      const y = cy + ny * radius;
      put(i, x - nx * half, y - ny * half, rows.artV(Math.min(height, Math.max(0, y - ny * half))));
      put(OUTLINE + i, x - nx * half, y - ny * half, rows.opaqueEdgeV);
      put(2 * OUTLINE + i, x + nx * half, y + ny * half, rows.clearEdgeV);
      i++;
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
