import type { Rect } from '../../../theme/rect.ts';
import { fitToWidth, type TextFit } from './fit.ts';

/**
 * The lower third's geometry, pure: measured text widths in, every box and text position out, in card
 * units (stage pixels before the theme's scale). The card is, left to right: the photo, the accent bar,
 * and a name plate with the Japanese name over the romaji name; a title strip under the plate, and the
 * home region on a tab over it.
 *
 *          [● 東北]
 *   (◯)  ▌ 佐藤 葵
 *        ▌ Aoi Sato
 *        ▌ シンガーソングライター
 */
export const CARD = {
  photoSize: 168,
  photoGap: 16,
  barWidth: 10,
  tabHeight: 40,
  plateHeight: 132,
  stripHeight: 54,
  padX: 30,
  /** The widest any text may be set; a longer one is condensed, then shrunk (fit.ts). */
  maxTextWidth: 760,
  minPlateWidth: 440,
  minStripWidth: 300,
  tabPadX: 16,
  pinSize: 16,
  pinGap: 9,
  maxRegionWidth: 320,
  fonts: { nameJa: 62, nameLatin: 28, title: 28, region: 22 },
  /** Top of each text's line box inside its box (Noto Sans JP's line box is 1.45 em tall). */
  textTop: { nameJa: 4, nameLatin: 85, title: 7, region: 5 },
} as const;

/** Natural widths (at the sizes of CARD.fonts) and line heights of the card's texts. */
export interface MeasuredTexts {
  readonly nameJa: { width: number; height: number };
  readonly nameLatin: { width: number; height: number };
  readonly title: { width: number; height: number };
  readonly region: { width: number; height: number };
}


export interface PlacedText extends TextFit {
  readonly x: number;
  readonly y: number;
  /** The width the text takes once fitted: never more than its box allows. */
  readonly width: number;
}

export interface CardLayout {
  readonly width: number;
  readonly height: number;
  readonly photo: Rect | null;
  readonly bar: Rect;
  readonly plate: Rect;
  readonly strip: Rect;
  readonly tab: Rect;
  readonly pin: { readonly x: number; readonly y: number };
  readonly texts: { readonly nameJa: PlacedText; readonly nameLatin: PlacedText; readonly title: PlacedText; readonly region: PlacedText };
}

export function layoutCard(texts: MeasuredTexts, hasPhoto: boolean): CardLayout {
  const photo = hasPhoto ? { x: 0, y: 0, width: CARD.photoSize, height: CARD.photoSize } : null;
  const barX = hasPhoto ? CARD.photoSize + CARD.photoGap : 0;
  const plateX = barX + CARD.barWidth;
  const plateY = CARD.tabHeight;
  const stripY = plateY + CARD.plateHeight;
  const textX = plateX + CARD.padX;

  const nameJa = fitted(texts.nameJa, CARD.maxTextWidth, textX, plateY + CARD.textTop.nameJa);
  const nameLatin = fitted(texts.nameLatin, CARD.maxTextWidth, textX, plateY + CARD.textTop.nameLatin);
  const title = fitted(texts.title, CARD.maxTextWidth, textX, stripY + CARD.textTop.title);

  const plateWidth = Math.max(CARD.minPlateWidth, Math.ceil(Math.max(nameJa.width, nameLatin.width)) + 2 * CARD.padX);
  const stripWidth = Math.max(CARD.minStripWidth, Math.ceil(title.width) + 2 * CARD.padX);

  const tabX = textX - CARD.tabPadX;
  const regionX = tabX + CARD.tabPadX + CARD.pinSize + CARD.pinGap;
  const region = fitted(texts.region, CARD.maxRegionWidth, regionX, CARD.textTop.region);
  const tabWidth = Math.ceil(region.width) + 2 * CARD.tabPadX + CARD.pinSize + CARD.pinGap;

  const blockHeight = CARD.plateHeight + CARD.stripHeight;
  const width = Math.max(plateX + plateWidth, plateX + stripWidth, tabX + tabWidth);
  const height = CARD.tabHeight + blockHeight;
  return {
    width,
    height,
    photo: photo && { ...photo, y: plateY + (blockHeight - CARD.photoSize) / 2 },
    bar: { x: barX, y: plateY, width: CARD.barWidth, height: blockHeight },
    plate: { x: plateX, y: plateY, width: plateWidth, height: CARD.plateHeight },
    strip: { x: plateX, y: stripY, width: stripWidth, height: CARD.stripHeight },
    tab: { x: tabX, y: 0, width: tabWidth, height: CARD.tabHeight },
    pin: { x: tabX + CARD.tabPadX + CARD.pinSize / 2, y: CARD.tabHeight / 2 },
    texts: { nameJa, nameLatin, title, region },
  };
}

/** Fits a text to `maxWidth`; a text shrunk in height stays centred on its line. */
function fitted(text: { width: number; height: number }, maxWidth: number, x: number, y: number): PlacedText {
  const fit = fitToWidth(text.width, maxWidth);
  return { ...fit, x, y: y + (text.height * (1 - fit.scaleY)) / 2, width: Math.min(maxWidth, text.width * fit.scaleX) };
}

/**
 * Where the card sits on the stage: on the bottom edge of the title-safe area, at its left or right end.
 * `scale` is the theme's widget scale; a card wider than the safe area is scaled down to fit it.
 */
export function placeCard(card: { width: number; height: number }, safe: Rect, scale: number, side: 'left' | 'right'): { x: number; y: number; scale: number } {
  const fittedScale = Math.min(scale, safe.width / card.width);
  const width = card.width * fittedScale;
  const height = card.height * fittedScale;
  return {
    x: side === 'left' ? safe.x : safe.x + safe.width - width,
    y: safe.y + safe.height - height,
    scale: fittedScale,
  };
}
