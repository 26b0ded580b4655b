import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import bubbleSvg from '../../../../assets/icons/bubble.svg?raw';
import burstSvg from '../../../../assets/icons/burst.svg?raw';
import gemSvg from '../../../../assets/icons/gem.svg?raw';
import heartPinkSvg from '../../../../assets/icons/heart-pink.svg?raw';
import heartSvg from '../../../../assets/icons/heart.svg?raw';
import roseSvg from '../../../../assets/icons/rose.svg?raw';
import sparkleSvg from '../../../../assets/icons/sparkle.svg?raw';
import starSvg from '../../../../assets/icons/star.svg?raw';
import treasureSvg from '../../../../assets/icons/treasure.svg?raw';
import { packAtlas } from './atlas-layout.ts';
import { SPRITES, type Sprite } from './sprites.ts';

/**
 * The burst icons in one texture, built in the browser when the overlay loads: each SVG (inlined in the
 * bundle, so no extra requests) is drawn once into one canvas at the resolution the stage needs, then
 * uploaded once. Rasterising at load rather than at build time keeps the SVGs the only source of the art,
 * needs no image tool in the build, and lets a 4K browser source get sharper icons than a 1080p one.
 */
const ICONS: Readonly<Record<Sprite, string>> = {
  heart: heartSvg,
  heartPink: heartPinkSvg,
  bubble: bubbleSvg,
  rose: roseSvg,
  star: starSvg,
  treasure: treasureSvg,
  burst: burstSvg,
  gem: gemSvg,
  sparkle: sparkleSvg,
};

export interface BurstAtlas {
  /** One texture per sprite, all frames of the same source; sized in stage pixels. */
  readonly textures: Readonly<Record<Sprite, Texture>>;
  readonly source: CanvasSource;
  destroy(): void;
}

async function decode(svg: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  return image;
}

/**
 * Rasterises every icon at `resolution` texture pixels per stage pixel (1.5 leaves headroom for icons
 * drawn above their natural size) and returns the textures. Mipmaps keep small hearts from shimmering.
 */
export async function buildBurstAtlas(resolution = 1.5): Promise<BurstAtlas> {
  const images = await Promise.all(SPRITES.map((sprite) => decode(ICONS[sprite])));
  const padding = Math.ceil(8 * resolution);
  const layout = packAtlas(
    SPRITES.map((sprite, index) => ({
      id: sprite,
      width: Math.ceil(images[index]!.naturalWidth * resolution),
      height: Math.ceil(images[index]!.naturalHeight * resolution),
    })),
    padding,
  );
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('reaction bursts: a 2D canvas is needed to build the icon atlas');
  SPRITES.forEach((sprite, index) => {
    const frame = layout.frames.get(sprite)!;
    context.drawImage(images[index]!, frame.x, frame.y, frame.width, frame.height);
  });

  const source = new CanvasSource({ resource: canvas, resolution, autoGenerateMipmaps: true, scaleMode: 'linear' });
  const textures = {} as Record<Sprite, Texture>;
  for (const sprite of SPRITES) {
    const frame = layout.frames.get(sprite)!;
    // Frames are in the source's own units: texture pixels divided by its resolution.
    const rectangle = new Rectangle(frame.x / resolution, frame.y / resolution, frame.width / resolution, frame.height / resolution);
    textures[sprite] = new Texture({ source, frame: rectangle, label: `burst-${sprite}` });
  }

  let destroyed = false;
  return {
    textures,
    source,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const sprite of SPRITES) textures[sprite].destroy(false);
      source.destroy();
    },
  };
}
