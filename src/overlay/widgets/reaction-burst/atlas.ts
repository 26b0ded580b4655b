import { CanvasSource, Rectangle, Texture } from 'pixi.js';
import bubbleSvg from '../../../../assets/icons/bubble.svg?raw';
import burstSvg from '../../../../assets/icons/burst.svg?raw';
import gemSvg from '../../../../assets/icons/gem.svg?raw';
import heartSvg from '../../../../assets/icons/heart.svg?raw';
import roseSvg from '../../../../assets/icons/rose.svg?raw';
import sparkleSvg from '../../../../assets/icons/sparkle.svg?raw';
import starSvg from '../../../../assets/icons/star.svg?raw';
import treasureSvg from '../../../../assets/icons/treasure.svg?raw';
import type { Rect } from '../../../theme/rect.ts';
import { opaqueBounds, packAtlas } from './atlas-layout.ts';
import { inkFor, recolorSvg } from './icon-colors.ts';
import { Icon } from './layers.ts';

/**
 * The burst icons in one texture, built in the browser when the overlay loads: each SVG (inlined in the
 * bundle, so no extra requests) is coloured for the theme, drawn once at the resolution the stage needs,
 * trimmed to its opaque part, packed into one canvas and uploaded once. Rasterising at load rather than at build time keeps the SVGs the only
 * source of the art, needs no image tool in the build, gives every theme its own heart colours with crisp
 * white rims (a runtime tint would colour the rim too), and a 4K browser source sharper icons.
 * No mipmaps: icons are rasterised at about the size they are drawn.
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

/**
 * Texture pixels per stage pixel, per icon. Hearts and bubbles are drawn at or below their natural size:
 * one texel per pixel samples cleanly without mipmaps (which cost a fifth of the frame rate in software
 * rendering). Gifts grow up to 1.45x with their value, so they get half as many texels again.
 */
function density(icon: number): number {
  return icon === Icon.rose || icon === Icon.star || icon === Icon.treasure || icon === Icon.gem ? 1.5 : 1;
}

/** Draws an icon at `scale` texels per SVG pixel into a canvas of its own and finds its opaque part. */
function rasterise(image: HTMLImageElement, scale: number): { canvas: HTMLCanvasElement; trim: Rect; scale: number } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('reaction bursts: a 2D canvas is needed to build the icon atlas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const trim = opaqueBounds(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
  return { canvas, trim, scale };
}

async function decode(svg: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  return image;
}

/**
 * Rasterises every icon at `resolution` (the stage's pixels per stage unit) times its own density, and
 * returns the textures, each sized in stage units whatever its texel count.
 */
export async function buildBurstAtlas(colors: BurstColors, resolution = 1): Promise<BurstAtlas> {
  if (colors.hearts.length === 0) throw new Error('reaction bursts: at least one heart colour is needed');
  const images = await Promise.all(iconSvgs(colors).map(decode));
  const icons = images.map((image, id) => rasterise(image, resolution * density(id)));
  const padding = Math.ceil(4 * resolution);
  const layout = packAtlas(
    icons.map((icon, id) => ({ id: String(id), width: icon.trim.width, height: icon.trim.height })),
    padding,
  );
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('reaction bursts: a 2D canvas is needed to build the icon atlas');
  icons.forEach(({ canvas: icon, trim }, id) => {
    const frame = layout.frames.get(String(id))!;
    context.drawImage(icon, trim.x, trim.y, trim.width, trim.height, frame.x, frame.y, trim.width, trim.height);
  });

  // One texel per source unit: `frame` picks texels; `orig` and `trim` are the icon's size and opaque part
  // in stage units, which is what a particle draws (its quad covers only the opaque part).
  const source = new CanvasSource({ resource: canvas, resolution: 1, scaleMode: 'linear' });
  const textures = icons.map(({ canvas: icon, trim, scale }, id) => {
    const frame = layout.frames.get(String(id))!;
    return new Texture({
      source,
      frame: new Rectangle(frame.x, frame.y, trim.width, trim.height),
      orig: new Rectangle(0, 0, icon.width / scale, icon.height / scale),
      trim: new Rectangle(trim.x / scale, trim.y / scale, trim.width / scale, trim.height / scale),
      label: `burst-icon-${id}`,
    });
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
