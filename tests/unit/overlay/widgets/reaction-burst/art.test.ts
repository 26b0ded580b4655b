import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../../../src/theme/rect.ts';
import { opaqueBounds, packAtlas } from '../../../../../src/overlay/widgets/reaction-burst/atlas-layout.ts';
import { hex, inkFor, luminance, recolorSvg } from '../../../../../src/overlay/widgets/reaction-burst/icon-colors.ts';
import { flowTransform } from '../../../../../src/overlay/widgets/reaction-burst/placement.ts';
import { BIG_GIFT_DIAMONDS, giftScale, giftTier, splitGiftValues } from '../../../../../src/overlay/widgets/reaction-burst/gift-tiers.ts';

describe('gift tiers', () => {
  it('changes the icon with the order of magnitude, the gem from the big-gift threshold on', () => {
    expect([1, 9, 10, 99, 100, 999, BIG_GIFT_DIAMONDS, 34_999].map(giftTier)).toEqual(['rose', 'rose', 'star', 'star', 'treasure', 'treasure', 'gem', 'gem']);
  });

  it('grows the icon with the value, logarithmically and within bounds', () => {
    expect(giftScale(1)).toBeCloseTo(0.8, 6);
    expect(giftScale(1000) - giftScale(100)).toBeCloseTo(giftScale(100) - giftScale(10), 6);
    expect(giftScale(1e9)).toBe(1.45);
    expect(giftScale(0)).toBe(giftScale(1));
  });

  it('splits summed gifts as one carrying the remainder and the rest at one diamond, keeping the sum', () => {
    const out = new Float64Array(8);
    expect(splitGiftValues(4, 30_002, out, 0)).toBe(4);
    expect([...out.subarray(0, 4)]).toEqual([29_999, 1, 1, 1]);
    expect(splitGiftValues(1, 299, out, 2)).toBe(1);
    expect(out[2]).toBe(299);
    // No more values than the buffer holds.
    expect(splitGiftValues(20, 20, out, 5)).toBe(3);
  });
});

describe('packAtlas', () => {
  const items = [
    { id: 'burst', width: 384, height: 384 },
    { id: 'gem', width: 168, height: 168 },
    { id: 'heart', width: 96, height: 96 },
    { id: 'heartPink', width: 96, height: 96 },
    { id: 'bubble', width: 108, height: 96 },
    { id: 'sparkle', width: 60, height: 60 },
  ];
  const overlaps = (a: Rect, b: Rect, padding: number) =>
    a.x < b.x + b.width + padding && b.x < a.x + a.width + padding && a.y < b.y + b.height + padding && b.y < a.y + a.height + padding;

  it('places every icon inside a power-of-two texture, apart from the others by the padding', () => {
    const padding = 12;
    const layout = packAtlas(items, padding);
    expect(Math.log2(layout.width) % 1).toBe(0);
    expect(Math.log2(layout.height) % 1).toBe(0);
    const frames = items.map((item) => layout.frames.get(item.id)!);
    frames.forEach((frame, index) => {
      expect(frame.width).toBe(items[index]!.width);
      expect(frame.x).toBeGreaterThanOrEqual(padding);
      expect(frame.y).toBeGreaterThanOrEqual(padding);
      expect(frame.x + frame.width + padding).toBeLessThanOrEqual(layout.width);
      expect(frame.y + frame.height + padding).toBeLessThanOrEqual(layout.height);
      frames.slice(index + 1).forEach((other) => expect(overlaps(frame, other, padding - 1)).toBe(false));
    });
    // Compact: power-of-two rounding aside, little wasted space.
    const area = items.reduce((sum, item) => sum + (item.width + padding) * (item.height + padding), 0);
    expect(layout.width * layout.height).toBeLessThanOrEqual(3 * area);
  });

  it('refuses duplicate ids and icons too big for a texture', () => {
    expect(() => packAtlas([items[0]!, items[0]!], 2)).toThrow(/unique/);
    expect(() => packAtlas([{ id: 'huge', width: 5000, height: 10 }], 2)).toThrow(/do not fit/);
  });
});

describe('opaqueBounds', () => {
  function image(width: number, height: number, opaque: [number, number, number][]): Uint8ClampedArray {
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (const [x, y, alpha] of opaque) rgba[(y * width + x) * 4 + 3] = alpha;
    return rgba;
  }

  it('finds the smallest rectangle around the visible pixels, ignoring a near-invisible shadow tail', () => {
    const rgba = image(10, 8, [
      [2, 1, 255],
      [7, 5, 80],
      [9, 7, 3],
    ]);
    expect(opaqueBounds(rgba, 10, 8)).toEqual({ x: 2, y: 1, width: 6, height: 5 });
    expect(opaqueBounds(rgba, 10, 8, 1)).toEqual({ x: 2, y: 1, width: 8, height: 7 });
  });

  it('gives a single pixel for an empty image', () => {
    expect(opaqueBounds(image(4, 4, []), 4, 4)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });
});

describe('icons', () => {
  const names = ['heart', 'bubble', 'rose', 'star', 'treasure', 'gem', 'burst', 'sparkle'];
  const read = (name: string) => readFileSync(new URL(`../../../../../assets/icons/${name}.svg`, import.meta.url), 'utf8');

  it('are SVGs with an explicit pixel size (the atlas rasterises them at that size)', () => {
    for (const name of names) {
      const root = /^<svg [^>]*>/.exec(read(name))?.[0] ?? '';
      const size = /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(root);
      expect(size, name).not.toBeNull();
      expect([size![1], size![2]], name).toEqual([size![3], size![4]]);
    }
  });

  it('take theme colours from their root element, replaced or added', () => {
    const heart = recolorSvg(read('heart'), { color: 0x28e7ff });
    expect(/^<svg [^>]*>/.exec(heart)![0]).toContain('color="#28e7ff"');
    expect(heart).not.toContain('#ff4f81');
    const bubble = recolorSvg(read('bubble'), { color: 0xfff8f0, fill: 0x000001 });
    expect(/^<svg [^>]*>/.exec(bubble)![0]).toMatch(/color="#fff8f0".*fill="#000001"/);
    // Only the root changes: the drawing below keeps its own fills.
    expect(bubble.slice(bubble.indexOf('>') + 1)).toBe(read('bubble').slice(read('bubble').indexOf('>') + 1));
    expect(recolorSvg('<svg width="4" height="4"></svg>', { fill: 0xff })).toBe('<svg fill="#0000ff" width="4" height="4"></svg>');
    expect(() => recolorSvg('<png/>', { color: 0 })).toThrow(/not an SVG/);
  });

  it('give the comment bubble dots that contrast with its body', () => {
    expect(luminance(0xffffff)).toBeCloseTo(1, 6);
    expect(luminance(0x000000)).toBe(0);
    expect(hex(inkFor(0xfff8f0))).toBe('#1d2440');
    expect(hex(inkFor(0x2b7cf2))).toBe('#ffffff');
    expect(hex(inkFor(0x8a5cff))).toBe('#ffffff');
  });
});

describe('flowTransform', () => {
  const mapX = (t: { x: number; scaleX: number }, x: number) => t.x + t.scaleX * x;

  it('leaves the flow where it is, or moves it, while it stays on the right half', () => {
    expect(flowTransform(1455, { x: 0, y: 0 })).toEqual({ x: 0, y: 0, scaleX: 1 });
    expect(flowTransform(1455, { x: -100, y: -200 })).toEqual({ x: -100, y: -200, scaleX: 1 });
  });

  it('mirrors the flow about its new centre on the left half, so it leans towards the middle', () => {
    const t = flowTransform(1455, { x: 465 - 1455, y: 0 });
    expect(t.scaleX).toBe(-1);
    expect(mapX(t, 1455)).toBe(465);
    // A particle drifting left of the centre (towards the middle on the right) lands right of it.
    expect(mapX(t, 1455 - 200)).toBe(465 + 200);
  });
});
