import { CanvasSource, Texture } from 'pixi.js';
import { canvasOf, cssRgba } from '../../art/canvas.ts';

/**
 * The lower third's baked artwork. Plates and strips are drawn once per card on a canvas and stretched
 * as nine-slice sprites, so a wipe or a width change moves 16 vertices instead of re-tessellating a
 * Graphics every frame; the photo is clipped to its shape once instead of being masked every frame.
 */

/** What the canvas errors name when it cannot draw. */
const PURPOSE = 'the lower third';

function textureOf(canvas: HTMLCanvasElement, resolution: number): Texture {
  return new Texture({ source: new CanvasSource({ resource: canvas, resolution }) });
}

/** A rectangle whose right corners are rounded: its left edge stands flush against the accent bar. */
function rightRoundedPath(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius: number): void {
  context.beginPath();
  context.roundRect(x, y, width, height, [0, radius, radius, 0]);
}

export interface SliceArt {
  readonly texture: Texture;
  /** Nine-slice borders, in texture units: left/right keep the corners, top/bottom keep the full height. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Base width the slices are drawn at; any width from 0 up is then a stretch of its middle column. */
const SLICE_BASE_WIDTH = 96;

/**
 * A panel of fixed height: a vertical gradient, an inner highlight along the top edge and a hairline
 * border, right corners rounded. Also used, in other colours, for the title strip and the region tab.
 */
export function panelArt(options: {
  height: number;
  radius: number;
  top: number;
  bottom: number;
  alpha: number;
  edge: number;
  edgeAlpha: number;
  highlight: number;
  corners?: 'right' | 'top';
  resolution: number;
}): SliceArt {
  const { height, radius, resolution } = options;
  const width = SLICE_BASE_WIDTH;
  const { canvas, context } = canvasOf(width, height, resolution, PURPOSE);
  const gradient = context.createLinearGradient(0, 0, 0, height);
  gradient.addColorStop(0, cssRgba(options.top, options.alpha));
  gradient.addColorStop(1, cssRgba(options.bottom, options.alpha));
  context.fillStyle = gradient;
  if (options.corners === 'top') {
    context.beginPath();
    context.roundRect(0, 0, width, height, [radius, radius, 0, 0]);
  } else {
    rightRoundedPath(context, 0, 0, width, height, radius);
  }
  context.fill();
  if (options.highlight > 0) {
    context.save();
    context.clip();
    const shine = context.createLinearGradient(0, 0, 0, height * 0.5);
    shine.addColorStop(0, `rgba(255,255,255,${options.highlight})`);
    shine.addColorStop(1, 'rgba(255,255,255,0)');
    context.fillStyle = shine;
    context.fillRect(0, 0, width, height * 0.5);
    context.restore();
  }
  if (options.edgeAlpha > 0) {
    context.strokeStyle = cssRgba(options.edge, options.edgeAlpha);
    context.lineWidth = 1.5;
    context.stroke();
  }
  const corner = radius + 2;
  return { texture: textureOf(canvas, resolution), left: corner, right: corner, top: height / 2, bottom: height / 2 };
}

/** A soft shadow for a panel of `height`, stretched like the panel; `margin` is how far it spills out. */
export function shadowArt(height: number, radius: number, blur: number, color: number, alpha: number): SliceArt & { margin: number } {
  const margin = Math.ceil(blur * 2);
  const width = SLICE_BASE_WIDTH;
  const { canvas, context } = canvasOf(width + margin * 2, height + margin * 2, 1, PURPOSE);
  const away = 10_000;
  context.shadowColor = cssRgba(color, alpha);
  context.shadowBlur = blur;
  context.shadowOffsetX = away;
  context.fillStyle = '#000';
  rightRoundedPath(context, margin - away, margin, width, height, radius);
  context.fill();
  const side = margin + radius + 2;
  const half = (height + margin * 2) / 2;
  return { texture: textureOf(canvas, 1), left: side, right: side, top: half, bottom: half, margin };
}

export type PhotoShape = 'circle' | 'rounded';

/**
 * The photo, cropped to cover a circle (or a rounded square) of `size`, ringed in the accent, with a
 * soft shadow. Drawn at `resolution` so a scaled-up overlay keeps it crisp.
 */
export function portraitArt(image: CanvasImageSource & { width: number; height: number }, options: {
  size: number;
  shape: PhotoShape;
  ring: number;
  ringWidth: number;
  shadow: number;
  resolution: number;
}): { texture: Texture; margin: number } {
  const { size, ringWidth, resolution } = options;
  const margin = 14;
  const { canvas, context } = canvasOf(size + margin * 2, size + margin * 2, resolution, PURPOSE);
  const shapePath = (inset: number) => {
    context.beginPath();
    const x = margin + inset;
    const extent = size - inset * 2;
    if (options.shape === 'circle') context.arc(margin + size / 2, margin + size / 2, extent / 2, 0, Math.PI * 2);
    else context.roundRect(x, x, extent, extent, extent * 0.18);
  };
  // The ring, carrying the drop shadow.
  context.save();
  context.shadowColor = cssRgba(options.shadow, 0.55);
  context.shadowBlur = 12;
  context.shadowOffsetY = 4;
  shapePath(0);
  context.fillStyle = cssRgba(options.ring, 1);
  context.fill();
  context.restore();
  // The photo inside the ring, scaled to cover (centred crop), favouring the top where faces are.
  context.save();
  shapePath(ringWidth);
  context.clip();
  const inner = size - ringWidth * 2;
  const cover = Math.max(inner / image.width, inner / image.height);
  const drawWidth = image.width * cover;
  const drawHeight = image.height * cover;
  const x = margin + ringWidth + (inner - drawWidth) / 2;
  const y = margin + ringWidth + (inner - drawHeight) * 0.3;
  context.drawImage(image, x, y, drawWidth, drawHeight);
  context.restore();
  return { texture: textureOf(canvas, resolution), margin };
}

/** Loads a photo for the canvas; null (and a warning) when it cannot be had in time. Never throws. */
export async function loadPhoto(url: string, timeoutMs: number): Promise<HTMLImageElement | null> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  let timer = 0;
  const timeout = new Promise<'timeout'>((resolve) => (timer = window.setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const result = await Promise.race([image.decode().then(() => 'ok' as const), timeout]);
    if (result === 'timeout') {
      console.warn(`lower third: the photo ${url.slice(0, 80)} took longer than ${timeoutMs} ms; showing the card without it`);
      return null;
    }
    // An SVG without width/height attributes decodes to 0x0: it cannot be cropped.
    return image.width > 0 && image.height > 0 ? image : null;
  } catch {
    console.warn(`lower third: the photo ${url.slice(0, 80)} could not be loaded; showing the card without it`);
    return null;
  } finally {
    window.clearTimeout(timer);
  }
}

/**
 * The map pin before the region name, `size` tall, centred on its texture's middle: drawn by the canvas,
 * whose edges are antialiased (the stage has no MSAA).
 */
export function pinArt(size: number, body: number, hole: number, resolution: number): Texture {
  const s = size / 2;
  const extent = Math.ceil(s * 1.3);
  const { canvas, context } = canvasOf(extent * 2, extent * 2, resolution, PURPOSE);
  context.translate(extent, extent);
  context.fillStyle = cssRgba(body, 1);
  context.beginPath();
  context.moveTo(0, s * 1.15);
  context.bezierCurveTo(-s * 0.45, s * 0.45, -s * 0.85, 0, -s * 0.85, -s * 0.35);
  context.arc(0, -s * 0.35, s * 0.85, Math.PI, 0);
  context.bezierCurveTo(s * 0.85, 0, s * 0.45, s * 0.45, 0, s * 1.15);
  context.fill();
  context.fillStyle = cssRgba(hole, 1);
  context.beginPath();
  context.arc(0, -s * 0.35, s * 0.32, 0, 2 * Math.PI);
  context.fill();
  return textureOf(canvas, resolution);
}
