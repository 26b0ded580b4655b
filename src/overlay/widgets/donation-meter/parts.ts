import { Container, Graphics, Sprite, Text, type MeshGeometry, type Texture } from 'pixi.js';
import { motion } from '../../motion/motion.ts';
import type { Timeline } from '../../motion/timeline.ts';
import { GlyphStrip } from '../../art/glyph-strip.ts';
import { linearGradient } from '../../art/gradient.ts';
import { mixRgb } from '../../../theme/color.ts';
import type { Theme } from '../../../theme/default-theme.ts';
import { lightSpot, softRoundedRect, type SoftShape } from './art.ts';
import { batched } from '../../art/batched.ts';

/**
 * The pieces both meter views (the bar and the thermometer) are built from, drawn from the theme: panel,
 * texts, figure fonts, the heart, the fill's light, the milestone banner and its celebration. Each view
 * owns what it builds and destroys it.
 */

/** Textures, glyph strips and geometries a view made, released together when it is destroyed. */
export class MeterResources {
  private readonly textures: Texture[] = [];
  private readonly strips: GlyphStrip[] = [];
  private readonly geometries: MeshGeometry[] = [];

  own(art: SoftShape): SoftShape;
  own(texture: Texture): Texture;
  own(art: SoftShape | Texture): SoftShape | Texture {
    this.textures.push('margin' in art ? art.texture : art);
    return art;
  }

  /** A mesh geometry shared by several meshes (which do not destroy it themselves). */
  ownGeometry(geometry: MeshGeometry): MeshGeometry {
    this.geometries.push(geometry);
    return geometry;
  }

  /** The glyphs of exactly `chars` in the theme's number weight, for figures that change every frame. */
  figureStrip(theme: Theme, size: number, chars: string, resolution: number): GlyphStrip {
    const strip = new GlyphStrip(chars, { fontFamily: theme.fontFamily, fontWeight: theme.weights.number, fontSize: size, resolution });
    this.strips.push(strip);
    return strip;
  }

  destroy(): void {
    for (const texture of this.textures.splice(0)) texture.destroy(true);
    for (const geometry of this.geometries.splice(0)) geometry.destroy();
    for (const strip of this.strips.splice(0)) strip.destroy();
  }
}

export interface TextOptions {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly weight: number;
  readonly color: number;
  readonly letterSpacing?: number;
  readonly anchorX?: number;
  readonly resolution: number;
  /** Wrap at this width (centred lines when anchorX is 0.5). */
  readonly wrapWidth?: number;
}

/** A static text, white and tinted, so a colour change never re-rasterises it. */
export function meterText(theme: Theme, content: string, options: TextOptions): Text {
  const text = new Text({
    text: content,
    resolution: options.resolution,
    anchor: { x: options.anchorX ?? 0, y: 0 },
    style: {
      fontFamily: theme.fontFamily,
      fontWeight: String(options.weight) as '500',
      fontSize: options.size,
      fill: 0xffffff,
      letterSpacing: options.letterSpacing ?? 0,
      ...(options.wrapWidth
        ? { wordWrap: true, wordWrapWidth: options.wrapWidth, breakWords: true, align: options.anchorX === 0.5 ? 'center' : 'left' }
        : {}),
    },
  });
  text.tint = options.color;
  text.position.set(options.x, options.y);
  return text;
}

/** The `adjustments=split` note: a text in the regular weight and the muted colour. */
export function meterNote(theme: Theme, options: Omit<TextOptions, 'weight' | 'color'>): Text {
  return meterText(theme, '', { ...options, weight: theme.weights.regular, color: theme.colors.textMuted });
}

/** A baked soft shape placed under a panel, `dropY` lower (0 for a glow all around). */
export function placeSoft(art: SoftShape, dropY: number): Sprite {
  return new Sprite({ texture: art.texture, x: -art.margin, y: -art.margin + dropY });
}

export interface MeterPanel {
  /** Shadow, idle glow (neon themes) and the panel, bottom to top: still, so a view bakes them with its backdrop. */
  readonly layers: Container[];
  /** The celebration glow around the panel, under all the layers: hidden and transparent until a milestone. */
  readonly celebrationGlow: Sprite;
}

/**
 * The panel in the theme's style: glass (a gradient with a sheen at the top), solid, or outline (a border in
 * the accent, and a neon glow around it when the theme glows). Shadow and glows are baked once.
 */
export function meterPanel(theme: Theme, width: number, height: number, resources: MeterResources): MeterPanel {
  const { colors, panel } = theme;
  const layers: Container[] = [];
  if (colors.shadowAlpha > 0) {
    const shadow = resources.own(softRoundedRect(width, height, panel.radius, panel.shadowBlur, colors.shadow, colors.shadowAlpha, 1));
    layers.push(placeSoft(shadow, panel.shadowOffsetY));
  }
  if (colors.glowStrength > 0 && panel.style === 'outline') {
    const glow = placeSoft(resources.own(softRoundedRect(width, height, panel.radius, 18, colors.glow, 1, 1)), 0);
    glow.alpha = 0.45 * colors.glowStrength;
    layers.push(glow);
  }
  const fill = linearGradient([colors.panelTop, colors.panelBottom], 'down');
  const shape = batched(new Graphics()).roundRect(0, 0, width, height, panel.radius).fill({ fill, alpha: colors.panelAlpha });
  if (panel.borderWidth > 0) {
    shape.roundRect(0, 0, width, height, panel.radius).stroke({ color: colors.panelEdge, alpha: colors.panelEdgeAlpha, width: panel.borderWidth, alignment: 1 });
  }
  if (panel.style === 'glass') {
    // The sheen: light from above that fades out by mid-panel (a gradient: a hard edge would cut the figures).
    const sheen = linearGradient(['rgba(255,255,255,0.09)', 'rgba(255,255,255,0)'], 'down');
    const inset = panel.borderWidth;
    shape.roundRect(inset, inset, width - 2 * inset, height * 0.55, Math.max(0, panel.radius - inset)).fill({ fill: sheen });
  }
  layers.push(shape);
  const celebrationGlow = placeSoft(resources.own(softRoundedRect(width, height, panel.radius, 28, colors.celebration, 1, 1)), 0);
  celebrationGlow.alpha = 0;
  celebrationGlow.visible = false;
  return { layers, celebrationGlow };
}

/** The small heart before the campaign name. */
export function heartMark(color: number, x: number, y: number, size: number): Graphics {
  const s = size / 2;
  const heart = new Graphics()
    .moveTo(0, s * 0.85)
    .bezierCurveTo(-s * 0.3, s * 0.6, -s, s * 0.15, -s, -s * 0.3)
    .bezierCurveTo(-s, -s * 0.85, -s * 0.35, -s * 1.0, 0, -s * 0.5)
    .bezierCurveTo(s * 0.35, -s * 1.0, s, -s * 0.85, s, -s * 0.3)
    .bezierCurveTo(s, s * 0.15, s * 0.3, s * 0.6, 0, s * 0.85)
    .fill(color);
  heart.position.set(x, y);
  return heart;
}

/** The warm spot of light that rides the fill's end while the amount counts: additive, hidden until then. */
export function fillLight(resources: MeterResources, diameter: number): Sprite {
  const light = new Sprite({ texture: resources.own(lightSpot(Math.round(diameter), 1)), anchor: 0.5 });
  light.tint = 0xffe6b8;
  light.blendMode = 'add';
  light.visible = false;
  return light;
}

/** Height of a milestone banner. */
export const BANNER_SIZE = 30;
export const BANNER_HEIGHT = BANNER_SIZE + 30;

/** The pill that drops in when a milestone is passed: a star and the milestone's words. Hidden until then. */
export function milestoneBanner(theme: Theme, label: string, resolution: number, resources: MeterResources): Container {
  const { colors, weights } = theme;
  const container = new Container();
  const text = meterText(theme, label, { x: 58, y: 9, size: BANNER_SIZE, weight: weights.heavy, color: colors.celebrationText, resolution });
  const width = text.width + 58 + 28;
  const shadow = placeSoft(resources.own(softRoundedRect(width, BANNER_HEIGHT, BANNER_HEIGHT / 2, 10, colors.shadow, 0.55, 1)), 5);
  const pill = batched(new Graphics())
    .roundRect(0, 0, width, BANNER_HEIGHT, BANNER_HEIGHT / 2)
    .fill({ fill: linearGradient([colors.celebration, mixRgb(colors.celebration, 0xffffff, 0.35)], 'right') })
    .circle(30, BANNER_HEIGHT / 2, 14)
    .fill(colors.celebrationText);
  const star = new Graphics().star(30, BANNER_HEIGHT / 2, 5, 9, 4, -Math.PI / 2).fill(colors.celebration);
  container.addChild(shadow, pill, star, text);
  container.visible = false;
  container.alpha = 0;
  return container;
}

export interface CelebrationParts {
  readonly glow: Sprite;
  /** Flashes over the fill: hidden until then. */
  readonly flash: Container;
  /** The milestone's marker, when it is on the meter. */
  readonly marker: Container | undefined;
  readonly banner: Container | undefined;
  /** Where the banner rests, and the side it comes from (-1: from above, 1: from below). */
  readonly bannerY: number;
  readonly bannerFrom: -1 | 1;
}

/**
 * A milestone was passed: the panel glows, the fill flashes, the marker pops and the banner drops in,
 * holds for the theme's reading time, and leaves. Reduced motion keeps the fades and drops the movement.
 */
export function celebrationTimeline(theme: Theme, parts: CelebrationParts, onComplete: () => void): Timeline {
  const { glow, flash, marker, banner, bannerY, bannerFrom } = parts;
  const pace = theme.motion.durationScale;
  const travel = theme.motion.reduced ? 0 : 16;
  const hold = theme.donationMeter.celebrationSeconds;
  const timeline = motion.timeline({ onComplete });
  // Shown only while they play: at alpha 0 they would still be blended, every pixel, every frame.
  glow.visible = true;
  flash.visible = true;
  timeline
    .fromTo(glow, { alpha: 0 }, { alpha: 0.9 }, { duration: 0.25 * pace, ease: 'power2.out', at: 0 })
    .to(glow, { alpha: 0 }, { duration: 1.1 * pace, ease: 'power2.in', onComplete: () => void (glow.visible = false), at: 0.25 * pace })
    .fromTo(flash, { alpha: 0.85 }, { alpha: 0 }, { duration: 0.7 * pace, ease: 'power2.out', onComplete: () => void (flash.visible = false), at: 0 });
  // 1.3 at most: the marker grows from the bar downward, and its label must stay inside the panel.
  if (marker && !theme.motion.reduced) timeline.fromTo(marker.scale, { x: 1.3, y: 1.3 }, { x: 1, y: 1 }, { duration: 0.6, ease: 'back.out(3)', at: 0 });
  if (banner) {
    banner.visible = true;
    timeline
      .fromTo(banner, { alpha: 0, y: bannerY + bannerFrom * travel }, { alpha: 1, y: bannerY }, { duration: 0.45 * pace, ease: 'back.out(2)', at: 0.1 })
      .to(banner, { alpha: 0, y: bannerY + bannerFrom * travel * 0.6 }, { duration: 0.4 * pace, ease: 'power2.in', onComplete: () => void (banner.visible = false), at: 0.1 + hold });
    if (!theme.motion.reduced) timeline.fromTo(banner.scale, { x: 0.92, y: 0.92 }, { x: 1, y: 1 }, { duration: 0.45, ease: 'back.out(2)', at: 0.1 });
  }
  return timeline;
}
