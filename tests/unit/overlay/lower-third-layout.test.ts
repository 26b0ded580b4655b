import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CONDENSE, fitToWidth } from '../../../src/overlay/widgets/lower-third/fit.ts';
import { CARD, layoutCard, placeCard, type MeasuredTexts } from '../../../src/overlay/widgets/lower-third/layout.ts';
import { cardWords } from '../../../src/lower-third/card-words.ts';
import { textPicker } from '../../../src/i18n/pick-text.ts';
import { glyphsOf } from '../../../src/overlay/widgets/lower-third/model.ts';

const SAFE = { x: 96, y: 54, width: 1728, height: 972 };

function texts(nameJa: number, nameLatin = 200, title = 300, region = 50): MeasuredTexts {
  return {
    nameJa: { width: nameJa, height: 90 },
    nameLatin: { width: nameLatin, height: 40 },
    title: { width: title, height: 40 },
    region: { width: region, height: 32 },
  };
}

describe('fitToWidth: a long line is condensed, then shrunk, never clipped', () => {
  it('leaves a line that fits alone', () => {
    expect(fitToWidth(500, 760)).toEqual({ scaleX: 1, scaleY: 1 });
  });

  it('condenses a slightly long line at full height (長体)', () => {
    expect(fitToWidth(800, 760)).toEqual({ scaleX: 0.95, scaleY: 1 });
  });

  it('condenses to the limit and then shrinks the whole line', () => {
    const fit = fitToWidth(2000, 760);
    expect(fit.scaleX).toBeCloseTo(0.38);
    expect(fit.scaleX / fit.scaleY).toBeCloseTo(MAX_CONDENSE);
  });

  it('always ends exactly as wide as the box or narrower, never more condensed than the limit', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 20_000, noNaN: true }), fc.double({ min: 1, max: 2_000, noNaN: true }), (natural, max) => {
        const fit = fitToWidth(natural, max);
        expect(natural * fit.scaleX).toBeLessThanOrEqual(max + 1e-9);
        expect(fit.scaleY).toBeLessThanOrEqual(1);
        expect(fit.scaleX / fit.scaleY).toBeGreaterThanOrEqual(MAX_CONDENSE - 1e-9);
      }),
    );
  });
});

describe('layoutCard', () => {
  it('sizes the plate to the longer name, and never under its minimum', () => {
    expect(layoutCard(texts(100, 120), true).plate.width).toBe(CARD.minPlateWidth);
    expect(layoutCard(texts(600, 120), true).plate.width).toBe(600 + 2 * CARD.padX);
  });

  it('keeps a very long name inside the plate, with its padding', () => {
    const layout = layoutCard(texts(3_000, 900), true);
    const { nameJa, nameLatin } = layout.texts;
    expect(nameJa.width).toBeLessThanOrEqual(CARD.maxTextWidth);
    expect(nameLatin.width).toBeLessThanOrEqual(CARD.maxTextWidth);
    expect(nameJa.x + nameJa.width).toBeLessThanOrEqual(layout.plate.x + layout.plate.width - CARD.padX);
    expect(nameJa.scaleY).toBeLessThan(1);
  });

  it('centres a shrunken name on its line', () => {
    const layout = layoutCard(texts(3_000), true);
    const shrunk = layout.texts.nameJa;
    expect(shrunk.y).toBeCloseTo(CARD.tabHeight + CARD.textTop.nameJa + (90 * (1 - shrunk.scaleY)) / 2);
  });

  it('drops the photo column when there is no photo', () => {
    const withPhoto = layoutCard(texts(300), true);
    const without = layoutCard(texts(300), false);
    expect(without.photo).toBeNull();
    expect(without.bar.x).toBe(0);
    expect(withPhoto.width - without.width).toBe(CARD.photoSize + CARD.photoGap);
  });

  it('centres the photo on the plate and strip', () => {
    const layout = layoutCard(texts(300), true);
    const photo = layout.photo!;
    expect(photo.y + photo.height / 2).toBe(layout.plate.y + (layout.plate.height + layout.strip.height) / 2);
  });
});

describe('placeCard: inside the title-safe area', () => {
  it('stands on the bottom-left corner of the safe area', () => {
    const card = layoutCard(texts(400), true);
    const at = placeCard(card, SAFE, 1, 'left');
    expect(at).toEqual({ x: SAFE.x, y: SAFE.y + SAFE.height - card.height, scale: 1 });
  });

  it('stands on the bottom-right corner for the right side', () => {
    const card = layoutCard(texts(400), true);
    const at = placeCard(card, SAFE, 1.25, 'right');
    expect(at.x + card.width * at.scale).toBeCloseTo(SAFE.x + SAFE.width);
  });

  it('scales a card down rather than let it leave the safe area, whatever its size', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10_000, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.constantFrom<'left' | 'right'>('left', 'right'), (nameWidth, scale, side) => {
        const card = layoutCard(texts(nameWidth, nameWidth, nameWidth), true);
        const at = placeCard(card, SAFE, scale, side);
        expect(at.x).toBeGreaterThanOrEqual(SAFE.x - 1e-9);
        expect(at.x + card.width * at.scale).toBeLessThanOrEqual(SAFE.x + SAFE.width + 1e-9);
        expect(at.y).toBeGreaterThanOrEqual(SAFE.y);
      }),
    );
  });
});

describe('cardWords: what a card says in the overlay language', () => {
  const card = {
    cueId: 3,
    rosterId: 'aoi-sato',
    nameJa: '佐藤 葵',
    nameLatin: 'Aoi Sato',
    title: { ja: '歌手', en: 'Singer' },
    region: { id: 'tohoku', name: { ja: '東北', en: 'Tohoku' } },
    photo: null,
  };

  it('keeps both names in every language, and sets title and region in the overlay language', () => {
    const quiet = (lang: 'ja' | 'en') => textPicker(lang, undefined, () => {});
    expect(cardWords(card, 'ja', 'ja-JP', quiet('ja'))).toEqual({ nameJa: '佐藤 葵', nameLatin: 'Aoi Sato', title: '歌手', region: '東北' });
    expect(cardWords(card, 'en', 'en-US', quiet('en'))).toEqual({ nameJa: '佐藤 葵', nameLatin: 'Aoi Sato', title: 'Singer', region: 'TOHOKU' });
  });

  it("shows the name as the viewers' language writes it, the title and region by the fallback order, and says what fell back", () => {
    const warned: string[] = [];
    const korean = { ...card, names: { ko: '사토 아오이' }, title: { ja: '歌手', en: 'Singer', ko: '가수' } };
    expect(cardWords(korean, 'ko', 'ko-KR', textPicker('ko', ['en', 'ja'], (line) => warned.push(line)))).toEqual({
      nameJa: '사토 아오이',
      nameLatin: 'Aoi Sato',
      title: '가수',
      region: 'Tohoku',
    });
    expect(warned).toEqual([expect.stringMatching(/^region name of Aoi Sato's card has no ko text; showing its en text "Tohoku"/)]);
    // Vietnamese capitals keep their marks.
    const vietnamese = { ...card, region: { id: 'tohoku', name: { vi: 'Đông Bắc' } } };
    expect(cardWords(vietnamese, 'vi', 'vi-VN', textPicker('vi', undefined, () => {})).region).toBe('ĐÔNG BẮC');
  });

  it('lists each glyph to load once', () => {
    expect(glyphsOf({ nameJa: 'ああ', nameLatin: 'a', title: 'a', region: 'い' })).toBe('あaい');
  });
});
