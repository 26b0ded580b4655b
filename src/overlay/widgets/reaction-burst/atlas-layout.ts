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

export interface AtlasFrame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface AtlasLayout {
  readonly width: number;
  readonly height: number;
  readonly frames: ReadonlyMap<string, AtlasFrame>;
}

const MAX_SIZE = 4096;

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** Packs at one width, or returns null if an item is wider than it. */
function packAt(items: readonly AtlasItem[], width: number, padding: number): AtlasLayout | null {
  const frames = new Map<string, AtlasFrame>();
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
