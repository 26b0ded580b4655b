import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import bubbleSvg from '../../../../assets/icons/bubble.svg?raw';
import burstSvg from '../../../../assets/icons/burst.svg?raw';
import gemSvg from '../../../../assets/icons/gem.svg?raw';
import heartSvg from '../../../../assets/icons/heart.svg?raw';
import roseSvg from '../../../../assets/icons/rose.svg?raw';
import sparkleSvg from '../../../../assets/icons/sparkle.svg?raw';
import starSvg from '../../../../assets/icons/star.svg?raw';
import treasureSvg from '../../../../assets/icons/treasure.svg?raw';
import { packAtlas } from './atlas-layout.ts';
import { inkFor, recolorSvg } from './icon-colors.ts';
import { Icon } from './layers.ts';

/**
 * The burst icons in one texture, built in the browser when the overlay loads: each SVG (inlined in the
 * bundle, so no extra requests) is coloured for the theme, drawn once into one canvas at the resolution
 * the stage needs, and uploaded once. Rasterising at load rather than at build time keeps the SVGs the only
 * source of the art, needs no image tool in the build, gives every theme its own heart colours with crisp
 * white rims (a runtime tint would colour the rim too), and a 4K browser source sharper icons.
 */
export interface BurstColors {
  /** Heart colours, taken in turn (Icon.heart + k is the k-th). */
  readonly hearts: readonly number[];
  readonly comment: number;
  /** The big gift's flash and sparkles. */
  readonly gift: number;
}

export interface BurstAtlas {
  /** Indexed by `Icon` id; every texture a frame of `source`, sized in stage pixels. */
  readonly textures: readonly Texture[];
  readonly source: CanvasSource;
  destroy(): void;
}

/** The SVG of every icon id, coloured. */
function iconSvgs(colors: BurstColors): string[] {
  const svgs: string[] = [];
  svgs[Icon.bubble] = recolorSvg(bubbleSvg, { color: colors.comment, fill: inkFor(colors.comment) });
  svgs[Icon.rose] = roseSvg;
  svgs[Icon.star] = starSvg;
  svgs[Icon.treasure] = treasureSvg;
  svgs[Icon.flash] = recolorSvg(burstSvg, { color: colors.gift });
  svgs[Icon.gem] = gemSvg;
  svgs[Icon.sparkle] = recolorSvg(sparkleSvg, { color: colors.gift });
  colors.hearts.forEach((color, k) => (svgs[Icon.heart + k] = recolorSvg(heartSvg, { color })));
  return svgs;
}

async function decode(svg: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  return image;
}

/**
 * Rasterises every icon at `resolution` texture pixels per stage pixel and returns the textures.
 * The default leaves headroom for icons drawn above their natural size; mipmaps keep small hearts from
 * shimmering as they shrink.
 */
export async function buildBurstAtlas(colors: BurstColors, resolution = 1.5, mipmaps = true): Promise<BurstAtlas> {
  if (colors.hearts.length === 0) throw new Error('reaction bursts: at least one heart colour is needed');
  const svgs = iconSvgs(colors);
  const images = await Promise.all(svgs.map(decode));
  const padding = Math.ceil(8 * resolution);
  const layout = packAtlas(
    images.map((image, id) => ({ id: String(id), width: Math.ceil(image.naturalWidth * resolution), height: Math.ceil(image.naturalHeight * resolution) })),
    padding,
  );
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('reaction bursts: a 2D canvas is needed to build the icon atlas');
  images.forEach((image, id) => {
    const frame = layout.frames.get(String(id))!;
    context.drawImage(image, frame.x, frame.y, frame.width, frame.height);
  });

  const source = new CanvasSource({ resource: canvas, resolution, autoGenerateMipmaps: mipmaps, scaleMode: 'linear' });
  const textures = images.map((_, id) => {
    const frame = layout.frames.get(String(id))!;
    // Frames are in the source's own units: texture pixels divided by its resolution.
    const rectangle = new Rectangle(frame.x / resolution, frame.y / resolution, frame.width / resolution, frame.height / resolution);
    return new Texture({ source, frame: rectangle, label: `burst-icon-${id}` });
  });

  let destroyed = false;
  return {
    textures,
    source,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const texture of textures) texture.destroy(false);
      source.destroy();
    },
  };
}
