import type { Rect } from '../../../theme/rect.ts';
/**
 * Where each icon goes in the one texture the particles share (a ParticleContainer draws a single
 * texture). Shelf packing: tallest first, left to right, a new shelf when a row is full; of the
 * power-of-two widths that fit, the one with the smallest power-of-two area wins.
 */
export interface AtlasItem {
  readonly id: string;
  /** Size in texture pixels. */
  readonly width: number;
  readonly height: number;
}


export interface AtlasLayout {
  readonly width: number;
  readonly height: number;
  readonly frames: ReadonlyMap<string, Rect>;
}

const MAX_SIZE = 4096;

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** Packs at one width, or returns null if an item is wider than it. */
function packAt(items: readonly AtlasItem[], width: number, padding: number): AtlasLayout | null {
  const frames = new Map<string, Rect>();
  let x = padding;
  let y = padding;
  let shelfHeight = 0;
  for (const item of items) {
    if (item.width + 2 * padding > width) return null;
    if (x + item.width + padding > width) {
      x = padding;
      y += shelfHeight + padding;
      shelfHeight = 0;
    }
    frames.set(item.id, { x, y, width: item.width, height: item.height });
    x += item.width + padding;
    shelfHeight = Math.max(shelfHeight, item.height);
  }
  return { width, height: nextPowerOfTwo(y + shelfHeight + padding), frames };
}

/**
 * `padding` texture pixels of empty space around every frame keep linear filtering and mipmaps from
 * bleeding one icon into its neighbour. Throws if the icons do not fit a 4096x4096 texture.
 */
export function packAtlas(items: readonly AtlasItem[], padding: number): AtlasLayout {
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) throw new Error('atlas item ids must be unique');
  const tallestFirst = [...items].sort((a, b) => b.height - a.height || b.width - a.width);
  let best: AtlasLayout | null = null;
  for (let width = 64; width <= MAX_SIZE; width *= 2) {
    const layout = packAt(tallestFirst, width, padding);
    if (layout && layout.height <= MAX_SIZE && (!best || layout.width * layout.height < best.width * best.height)) best = layout;
  }
  if (!best) throw new Error(`icons do not fit a ${MAX_SIZE}x${MAX_SIZE} atlas`);
  return best;
}

/**
 * The smallest rectangle holding every pixel of an RGBA image whose alpha is at least `minAlpha`: the
 * part of an icon worth drawing. A particle's quad then covers this and not the transparent margin its
 * SVG keeps for the drop shadow, which in software rendering is fill-rate saved on every frame.
 * An image with no such pixel gives a 1x1 rectangle at the origin.
 */
export function opaqueBounds(rgba: Uint8ClampedArray, width: number, height: number, minAlpha = 4): Rect {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgba[(y * width + x) * 4 + 3]! < minAlpha) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}
