import { Container, Graphics, NineSliceSprite, Sprite, Text, type FillGradient, type Texture } from 'pixi.js';
import { linearGradient } from '../../art/gradient.ts';
import type { Theme } from '../../../theme/theme.ts';
import { loadPhoto, panelArt, pinArt, portraitArt, shadowArt, type PhotoShape, type SliceArt } from './art.ts';
import { CARD, layoutCard, placeCard, type CardLayout, type MeasuredTexts } from './layout.ts';
import { lowerThirdPalette, type LowerThirdPalette } from './palette.ts';

/** The four texts of a card, in the overlay's language. */
export interface CardTexts {
  readonly nameJa: string;
  readonly nameLatin: string;
  readonly title: string;
  readonly region: string;
}

export type TextRole = keyof CardTexts;
export const TEXT_ROLES: readonly TextRole[] = ['nameJa', 'nameLatin', 'title', 'region'];

/** What a card shows, ready to draw: the texts, and the photo already loaded (or none). */
export interface CardContent {
  readonly texts: CardTexts;
  readonly photo: HTMLImageElement | null;
  /** The photo's source, to tell whether an update changed it. */
  readonly photoUrl: string | null;
}

export interface CardStyle {
  readonly theme: Theme;
  /** Pixels per stage unit: texts and artwork are rasterised at this density. */
  readonly resolution: number;
  readonly photoShape: PhotoShape;
}

const PHOTO_TIMEOUT_MS = 4_000;

/** Loads what a card needs before it may be drawn: its photo. Never throws; a missing photo is no photo. */
export async function prepareContent(texts: CardTexts, photoUrl: string | null): Promise<CardContent> {
  const photo = photoUrl === null ? null : await loadPhoto(photoUrl, PHOTO_TIMEOUT_MS);
  return { texts, photo, photoUrl };
}

/** The pieces of one card that motion.ts animates. */
export interface CardParts {
  readonly photo: Sprite | null;
  readonly bar: Graphics;
  readonly plate: NineSliceSprite;
  readonly plateShadow: NineSliceSprite;
  readonly strip: NineSliceSprite;
  readonly stripShadow: NineSliceSprite;
  readonly tab: NineSliceSprite;
  readonly pin: Sprite;
  readonly texts: Record<TextRole, Text>;
}

/**
 * One lower-third card, built once when it is taken: its texts are pixi Text (rasterised once; names
 * change rarely), its panels baked nine-slice sprites. `relayout` moves everything to a new layout (an
 * update); motion.ts plays the entrance and exit on `parts`.
 */
export class LowerThirdCardView {
  readonly root = new Container({ label: 'lower-third-card' });
  layout: CardLayout;
  parts: CardParts;
  content: CardContent;
  private readonly palette: LowerThirdPalette;
  private readonly textures = new Set<Texture>();
  /** Gradients own a texture each and must be destroyed with the card. */
  private readonly gradients: FillGradient[] = [];
  private readonly plateArt: SliceArt;
  private readonly stripArt: SliceArt;
  private readonly tabArt: SliceArt;
  private readonly plateShadowArt: SliceArt & { margin: number };
  private readonly stripShadowArt: SliceArt & { margin: number };
  private destroyed = false;

  constructor(
    content: CardContent,
    private readonly style: CardStyle,
  ) {
    const { theme } = style;
    this.palette = lowerThirdPalette(theme);
    const p = this.palette;
    const resolution = this.artResolution;
    const radius = Math.min(theme.panel.radius, 16);
    this.plateArt = this.own(panelArt({ height: CARD.plateHeight, radius, top: p.plateTop, bottom: p.plateBottom, alpha: p.plateAlpha, edge: p.edge, edgeAlpha: p.edgeAlpha, highlight: 0.07, resolution }));
    this.stripArt = this.own(panelArt({ height: CARD.stripHeight, radius: Math.min(radius, 10), top: p.stripTop, bottom: p.stripBottom, alpha: 0.97, edge: 0, edgeAlpha: 0, highlight: 0, resolution }));
    this.tabArt = this.own(panelArt({ height: CARD.tabHeight, radius: 10, top: p.accentLight, bottom: p.accent, alpha: 1, edge: 0, edgeAlpha: 0, highlight: 0, corners: 'top', resolution }));
    this.plateShadowArt = this.own(shadowArt(CARD.plateHeight, radius, 18, p.shadow, p.shadowAlpha));
    this.stripShadowArt = this.own(shadowArt(CARD.stripHeight, radius, 14, p.shadow, p.shadowAlpha * 0.8));

    this.content = content;
    const texts = this.makeTexts(content.texts) as Record<TextRole, Text>;
    this.layout = layoutCard(measure(texts), content.photo !== null);
    const plateShadow = this.slice(this.plateShadowArt);
    const stripShadow = this.slice(this.stripShadowArt);
    const strip = this.slice(this.stripArt);
    const plate = this.slice(this.plateArt);
    const tab = this.slice(this.tabArt);
    const bar = this.makeBar();
    const pin = new Sprite({ texture: this.own({ texture: pinArt(CARD.pinSize, p.region, p.accentLight, resolution) }).texture, anchor: 0.5 });
    const photo = this.makePhoto(content.photo);
    this.parts = { photo, bar, plate, plateShadow, strip, stripShadow, tab, pin, texts };
    this.root.addChild(plateShadow, stripShadow, strip, plate, tab, pin, bar, ...(photo ? [photo] : []), ...TEXT_ROLES.map((role) => texts[role]));
    this.snapTo(this.layout);
    this.place();
  }

  /** Where the card stands on the stage (the title-safe corner of the theme's side). */
  get placement(): { x: number; y: number; scale: number } {
    const { layout } = this.style.theme;
    return placeCard(this.layout, layout.safe, layout.scale, layout.lowerThird.side);
  }

  /** The card's box on the stage, for tests: always inside the title-safe area. */
  get stageBounds(): { x: number; y: number; width: number; height: number } {
    const { x, y, scale } = this.placement;
    return { x, y, width: this.layout.width * scale, height: this.layout.height * scale };
  }

  /**
   * New content for the same take (an update): builds the texts that changed, and returns the parts to
   * fade out and in; the caller tweens everything to the returned layout, then calls `release(old)`.
   */
  prepareUpdate(content: CardContent): { layout: CardLayout; leaving: Container[]; arriving: Container[] } {
    const changed = TEXT_ROLES.filter((role) => content.texts[role] !== this.content.texts[role]);
    const fresh = this.makeTexts(content.texts, changed);
    const leaving: Container[] = changed.map((role) => this.parts.texts[role]);
    const arriving: Container[] = changed.map((role) => fresh[role]!);
    const texts: Record<TextRole, Text> = { ...this.parts.texts, ...fresh };
    let photo = this.parts.photo;
    if (content.photoUrl !== this.content.photoUrl) {
      if (photo) leaving.push(photo);
      photo = this.makePhoto(content.photo);
      if (photo) arriving.push(photo);
    }
    for (const part of arriving) this.root.addChild(part);
    this.parts = { ...this.parts, texts, photo };
    this.content = content;
    this.layout = layoutCard(measure(texts), photo !== null);
    return { layout: this.layout, leaving, arriving };
  }

  /** Destroys parts an update has faded out. */
  release(parts: readonly Container[]): void {
    for (const part of parts) {
      const texture = part instanceof Sprite ? part.texture : null;
      part.destroy();
      if (texture) this.forget(texture);
    }
  }

  /** Keeps each soft shadow under its panel while the panel's width moves (a wipe, an update). */
  readonly fitShadows = (): void => {
    const { plate, plateShadow, strip, stripShadow } = this.parts;
    Object.assign(plateShadow, shadowBox(plate, this.plateShadowArt.margin));
    Object.assign(stripShadow, shadowBox(strip, this.stripShadowArt.margin));
  };

  /** Puts every part at its place in `layout` at once (before an entrance). */
  snapTo(layout: CardLayout): void {
    for (const [target, values] of this.targets(layout)) Object.assign(target, values);
  }

  /** Every part with the values it has in `layout`: what an entrance ends on and an update tweens to. */
  targets(layout: CardLayout): [object, Record<string, number>][] {
    const { parts } = this;
    const list: [object, Record<string, number>][] = [
      [parts.bar, { x: layout.bar.x, y: layout.bar.y }],
      [parts.plate, { x: layout.plate.x, y: layout.plate.y, width: layout.plate.width }],
      [parts.plateShadow, shadowBox(layout.plate, this.plateShadowArt.margin)],
      [parts.strip, { x: layout.strip.x, y: layout.strip.y, width: layout.strip.width }],
      [parts.stripShadow, shadowBox(layout.strip, this.stripShadowArt.margin)],
      [parts.tab, { x: layout.tab.x, y: layout.tab.y, width: layout.tab.width }],
      [parts.pin, { x: layout.pin.x, y: layout.pin.y }],
    ];
    if (parts.photo && layout.photo) {
      list.push([parts.photo.position, { x: layout.photo.x + layout.photo.width / 2, y: layout.photo.y + layout.photo.height / 2 }]);
    }
    for (const role of TEXT_ROLES) {
      const placed = layout.texts[role];
      list.push([parts.texts[role].position, { x: placed.x, y: placed.y }], [parts.texts[role].scale, { x: placed.scaleX, y: placed.scaleY }]);
    }
    return list;
  }

  /** Positions and scales the card on the stage for its current layout. */
  place(): void {
    const { x, y, scale } = this.placement;
    this.root.position.set(x, y);
    this.root.scale.set(scale);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.root.destroy({ children: true });
    for (const texture of this.textures) texture.destroy(true);
    this.textures.clear();
    for (const gradient of this.gradients.splice(0)) gradient.destroy();
  }

  /** Art is sharp at the stage's pixel density times the widget scale. */
  private get artResolution(): number {
    return Math.min(4, this.style.resolution * this.style.theme.layout.scale);
  }

  private own<T extends { texture: Texture }>(art: T): T {
    this.textures.add(art.texture);
    return art;
  }

  private forget(texture: Texture): void {
    if (this.textures.delete(texture)) texture.destroy(true);
  }

  private slice(art: SliceArt): NineSliceSprite {
    return new NineSliceSprite({ texture: art.texture, leftWidth: art.left, rightWidth: art.right, topHeight: art.top, bottomHeight: art.bottom });
  }

  private makeTexts(texts: CardTexts, roles: readonly TextRole[] = TEXT_ROLES): Partial<Record<TextRole, Text>> {
    const { theme } = this.style;
    const p = this.palette;
    const specs: Record<TextRole, { size: number; weight: number; color: number; spacing: number }> = {
      nameJa: { size: CARD.fonts.nameJa, weight: theme.weights.heavy, color: p.nameJa, spacing: 1 },
      nameLatin: { size: CARD.fonts.nameLatin, weight: theme.weights.regular, color: p.nameLatin, spacing: 1.5 },
      title: { size: CARD.fonts.title, weight: theme.weights.heavy, color: p.title, spacing: 0.5 },
      region: { size: CARD.fonts.region, weight: theme.weights.heavy, color: p.region, spacing: 2 },
    };
    const made: Partial<Record<TextRole, Text>> = {};
    for (const role of roles) {
      const spec = specs[role];
      const text = new Text({
        text: texts[role],
        resolution: this.artResolution,
        style: { fontFamily: theme.fontFamily, fontWeight: String(spec.weight) as '800', fontSize: spec.size, fill: 0xffffff, letterSpacing: spec.spacing, padding: 4 },
      });
      text.tint = spec.color;
      made[role] = text;
    }
    return made;
  }

  /** The accent bar: a vertical gradient, grown from its top in the entrance. */
  private makeBar(): Graphics {
    const p = this.palette;
    const height = CARD.plateHeight + CARD.stripHeight;
    const fill = linearGradient([p.accentLight, p.accent], 'down');
    this.gradients.push(fill);
    return new Graphics().rect(0, 0, CARD.barWidth, height).fill({ fill });
  }

  private makePhoto(image: HTMLImageElement | null): Sprite | null {
    if (image === null) return null;
    const art = this.own(
      portraitArt(image, {
        size: CARD.photoSize,
        shape: this.style.photoShape,
        ring: this.palette.accent,
        ringWidth: 5,
        shadow: this.palette.shadow,
        resolution: this.artResolution,
      }),
    );
    return new Sprite({ texture: art.texture, anchor: 0.5 });
  }
}

/** Natural sizes, whatever scale a fitted text has now. */
function measure(texts: Record<TextRole, Text>): MeasuredTexts {
  const size = (text: Text) => {
    const bounds = text.getLocalBounds();
    return { width: bounds.width, height: bounds.height };
  };
  return { nameJa: size(texts.nameJa), nameLatin: size(texts.nameLatin), title: size(texts.title), region: size(texts.region) };
}

/** A shadow sprite's box for a panel: spilling `margin` around it, dropped a little. Nothing when the panel is closed. */
function shadowBox(panel: { x: number; y: number; width: number; height: number }, margin: number) {
  return {
    x: panel.x - margin,
    y: panel.y - margin + 6,
    width: panel.width > 0 ? panel.width + margin * 2 : 0,
    height: panel.height + margin * 2,
  };
}
